/**
 * An audit record (issue 21): what an audit saw and said, kept as evidence of what was published —
 * the address, when, the publication date and where it came from, a SHA-256 of what was read, the
 * tables and the prose as read, the findings (data, rendered late in any language), the auditor's
 * reviews and, where taken, image clips of the wrong cells. The extension keeps records in
 * storage.local, the command line as files (`--record DIR`); an archive carries them between
 * auditors. Everything here is parsed at the boundary: an archive is untrusted input.
 */
import * as z from 'zod/mini';
import { reviewBookSchema } from '../review/state';
import { findingSchema, renderedFindingSchema } from './finding';
import { dateSourceSchema, formatSchema, tableKeySchema, tableValuesSchema } from './report';

export const sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/**
 * What the hash was taken of. `bytes`: the file or the response exactly as downloaded (the command
 * line, the viewer). `report-container`: a live page in the browser has no bytes of its own once
 * scripts have run, so the auditor hashes the serialised HTML (outerHTML, UTF-8) of the smallest
 * element holding everything it read — the report container.
 */
export const hashOfSchema = z.enum(['bytes', 'report-container']);
export type HashOf = z.infer<typeof hashOfSchema>;

const text = (max: number) => z.string().check(z.maxLength(max));
const isoTime = z.iso.datetime();

/** A finding as rules produce it, without the page-side `src`. */
export const recordedFindingSchema = z.omit(findingSchema, { src: true });
export type RecordedFinding = z.infer<typeof recordedFindingSchema>;

/** A picture of a wrong cell with its row and column headers, as the page (or the PDF page) showed it. */
export const clipSchema = z.object({
  /** The finding it shows (lib/review/key.ts findingKey). */
  key: text(400),
  /** PNG or JPEG only: never SVG, never a remote address. */
  image: z.string().check(z.maxLength(600_000), z.regex(/^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/)),
  width: z.int().check(z.positive(), z.maximum(4000)),
  height: z.int().check(z.positive(), z.maximum(4000)),
  /** The PDF page the clip was taken from. */
  page: z.optional(z.int().check(z.positive())),
  capturedAt: isoTime,
});
export type Clip = z.infer<typeof clipSchema>;

const rawTableSchema = z.record(text(100), z.record(text(100), text(5000)));

export const auditRecordSchema = z.object({
  id: z.string().check(z.regex(/^[0-9a-z-]{8,80}$/)),
  source: text(2000),
  auditedAt: isoTime,
  /** When the record was last saved again (a review, a clip), the content unchanged. */
  updatedAt: z.optional(isoTime),
  agency: z.nullable(text(300)),
  year: z.nullable(z.int()),
  format: z.nullable(formatSchema),
  title: z.nullable(text(1000)),
  publishedAt: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  publishedAtSource: z.nullable(dateSourceSchema),
  sha256: sha256Schema,
  hashOf: hashOfSchema,
  tables: tableValuesSchema,
  raw: z.partialRecord(tableKeySchema, rawTableSchema),
  /** The prose outside the tables, as read (lib/batch/prose.ts proseTexts). */
  texts: z.array(text(50_000)).check(z.maxLength(5000)),
  findings: z.array(recordedFindingSchema).check(z.maxLength(5000)),
  reviews: reviewBookSchema,
  clips: z.optional(z.array(clipSchema).check(z.maxLength(300))),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** What the extension keeps of each record beside it, to choose a baseline without reading every record. */
export const recordEntrySchema = z.object({
  id: auditRecordSchema.shape.id,
  source: text(2000),
  auditedAt: isoTime,
  agency: z.nullable(text(300)),
  year: z.nullable(z.int()),
  sha256: sha256Schema,
  /** The auditor reviewed a finding or took a clip: never evicted to make room. */
  reviewed: z.boolean(),
  /** Bytes of the stored record (UTF-8 JSON). */
  size: z.int().check(z.nonnegative()),
});
export type RecordEntry = z.infer<typeof recordEntrySchema>;

export const ARCHIVE_FORMAT = 'nianbao-audit-archive';

/** One file an auditor hands to a colleague: records, and the review books of their reports. */
export const archiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(1),
  exportedAt: isoTime,
  records: z.array(auditRecordSchema).check(z.maxLength(2000)),
  /** Review books by storage key (`review:<address>`), as the popup keeps them. */
  reviews: z.record(z.string().check(z.regex(/^review:[^#]{1,2000}$/)), reviewBookSchema),
});
export type Archive = z.infer<typeof archiveSchema>;

/** The earlier audit a re-audit compares with (output.md `reaudit.baseline`). */
export const baselineRefSchema = z.object({ source: z.string(), auditedAt: z.string(), sha256: z.string() });

/**
 * A re-audit (output.md): each counted finding of the earlier record 已整改 (gone) or 未整改 (still
 * there), and this audit's findings the record did not have, 新增. `reviews`: the earlier reviews of
 * the findings that remain, carried over.
 */
export const reauditSchema = z.object({
  baseline: baselineRefSchema,
  fixed: z.array(renderedFindingSchema),
  open: z.array(renderedFindingSchema),
  new: z.array(renderedFindingSchema),
  reviews: z.optional(reviewBookSchema),
});
export type Reaudit = z.infer<typeof reauditSchema>;
