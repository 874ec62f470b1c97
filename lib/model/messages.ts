import * as z from 'zod/mini';
import { langSchema } from '../i18n/lang';
import { auditRecordSchema, hashOfSchema, sha256Schema } from './record';
import { dateCandidateSchema } from './report';
import { auditResultSchema } from './result';

/** What a frame's auditor reports about itself (read by the popup and the background). */
export const frameSummarySchema = z.object({
  report: z.boolean(),
  errors: z.int().check(z.nonnegative()),
  warnings: z.int().check(z.nonnegative()),
  marksVisible: z.boolean(),
  /** Whether blank and none-mark cells are marked too (off by default, remembered). */
  blanksVisible: z.optional(z.boolean()),
  /** Audits run in this frame so far (bounded on pages that never stop changing). */
  runs: z.int().check(z.nonnegative()),
  /** Main-thread milliseconds this frame's auditor has spent (audits, drawing, watching for changes). */
  busyMs: z.number().check(z.nonnegative()),
});
export type FrameSummary = z.infer<typeof frameSummarySchema>;

/** Requests to a frame's auditor (from the popup or the background). */
export const contentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-state'), lang: z.optional(langSchema) }),
  z.object({ type: z.literal('run-audit') }),
  /** `avoid: 'popup'`: the popup hangs over the top right of the page, so the cell lands clear of it. */
  z.object({ type: z.literal('select-finding'), index: z.int().check(z.nonnegative()), avoid: z.optional(z.enum(['popup'])) }),
  z.object({ type: z.literal('set-marks'), visible: z.boolean() }),
  z.object({ type: z.literal('set-blanks'), visible: z.boolean() }),
  z.object({ type: z.literal('toggle-marks') }),
  /** The audit as a record (lib/model/record.ts), for the popup to keep: its hash taken now. */
  z.object({ type: z.literal('get-record') }),
  /** Bring a finding's cell into view with the marks hidden, and say where it and its headers are (an evidence clip). */
  z.object({ type: z.literal('locate-cell'), index: z.int().check(z.nonnegative()), part: z.optional(z.enum(['header'])) }),
  /** The clips are taken: the marks come back. */
  z.object({ type: z.literal('capture-done') }),
]);
export type ContentRequest = z.infer<typeof contentRequestSchema>;

/** A PDF or Word file the page links to (lib/extract/attachments.ts). */
export const attachmentSchema = z.object({
  url: z.string().check(z.maxLength(2000), z.regex(/^https?:\/\//)),
  name: z.string().check(z.maxLength(300)),
  kind: z.nullable(z.enum(['pdf', 'docx', 'doc', 'wps'])),
  likely: z.boolean(),
});
export type AttachmentLink = z.infer<typeof attachmentSchema>;

/** A box in the viewport, in CSS pixels. */
export const viewRectSchema = z.object({ x: z.number(), y: z.number(), w: z.number().check(z.nonnegative()), h: z.number().check(z.nonnegative()) });
export type ViewRect = z.infer<typeof viewRectSchema>;

/** Where a finding's cell and its row and column headers are on screen, for a clip of what the page shows. */
export const cellViewSchema = z.object({
  cell: viewRectSchema,
  row: z.nullable(viewRectSchema),
  column: z.nullable(viewRectSchema),
  /** The viewport (CSS pixels) and its scroll position: a capture is of this view. */
  view: z.object({ w: z.number(), h: z.number(), scrollX: z.number(), scrollY: z.number() }),
});
export type CellView = z.infer<typeof cellViewSchema>;

export const contentStateSchema = z.object({
  summary: frameSummarySchema,
  result: z.nullable(auditResultSchema),
  /** The finding last clicked on this page, so a reopened popup picks up where the auditor was. */
  selected: z.optional(z.nullable(z.int().check(z.nonnegative()))),
  /** Messages that failed validation and were dropped, counted. */
  dropped: z.int().check(z.nonnegative()),
  /** Where the frame holds no report: the attachments it links, where the report may be. */
  attachments: z.optional(z.array(attachmentSchema).check(z.maxLength(10))),
  /** The document's MIME type, so the popup knows a tab that shows a PDF itself. */
  contentType: z.optional(z.string().check(z.maxLength(200))),
  /** Where the frame holds no report: the page's own 发布时间, handed to the viewer with an attachment. */
  pageDates: z.optional(z.array(dateCandidateSchema).check(z.maxLength(5))),
  /** The hash of what the audit read (lib/record/container.ts), once taken. */
  content: z.optional(z.object({ sha256: sha256Schema, hashOf: hashOfSchema })),
  /** Asked for with `get-record`: this audit as a record, reviews not yet in it. */
  record: z.optional(auditRecordSchema),
  /** Asked for with `locate-cell`: where the cell is, or null when it has no element on the page. */
  cellView: z.optional(z.nullable(cellViewSchema)),
});
export type ContentState = z.infer<typeof contentStateSchema>;

/** Requests to the background (from a frame's detector or auditor, or from the popup and side panel). */
export const backgroundRequestSchema = z.discriminatedUnion('type', [
  /** A frame's auditor after each run; `initial` on the first run in a document. */
  z.object({ type: z.literal('audit-summary'), summary: frameSummarySchema, initial: z.boolean() }),
  /** The popup asks for the tab's frames, injecting the auditor first when `inject` is set (activeTab). */
  z.object({ type: z.literal('frames'), tabId: z.int(), inject: z.boolean() }),
  /** The detector saw report tables in its frame: inject the auditor there (the sender's own tab and frame only). */
  z.object({ type: z.literal('start-auditor') }),
]);
export type BackgroundRequest = z.infer<typeof backgroundRequestSchema>;

export const framesResponseSchema = z.object({
  /** False when the page cannot be scripted (a browser page, or no permission). */
  reachable: z.boolean(),
  frames: z.array(z.object({ frameId: z.int(), summary: frameSummarySchema })),
});
export type FramesResponse = z.infer<typeof framesResponseSchema>;
