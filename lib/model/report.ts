import * as z from 'zod/mini';

export const formatSchema = z.enum(['2019', '2021']);
export type Format = z.infer<typeof formatSchema>;
export const FORMAT_KEYS = formatSchema.options;
export const isFormat = (text: string): text is Format => (FORMAT_KEYS as readonly string[]).includes(text);

export const tableKeySchema = z.enum(['active', 'applications', 'appeals']);
export type TableKey = z.infer<typeof tableKeySchema>;
export const TABLE_KEYS = tableKeySchema.options;

/** What a cell's text turned out to be once read. */
export const cellStatusSchema = z.enum([
  'number', // a plain number (possibly with a unit, sign or separators)
  'empty', // blank: read as 0
  'none-mark', // 无, —, / …: read as 0
  'placeholder', // template text, maybe with a number in it
  'text', // other text with no usable number
  'missing', // the page has no cell at this position
]);
export type CellStatus = z.infer<typeof cellStatusSchema>;

/** Where a cell read from a PDF sits: page (from 1) and box in PDF points, origin top left (output.md). */
export const boxSchema = z.object({ page: z.number(), x: z.number(), y: z.number(), w: z.number(), h: z.number() });
export type Box = z.infer<typeof boxSchema>;

/** One parsed cell. `src` indexes the source element or line kept beside the report (never exported). */
export const parsedCellSchema = z.object({
  value: z.nullable(z.number()),
  raw: z.string(),
  status: cellStatusSchema,
  unit: z.optional(z.string()),
  /** The text is a bare number: the result keeps no raw copy of it. */
  plain: z.optional(z.boolean()),
  src: z.nullable(z.number()),
  box: z.optional(boxSchema),
});
export type ParsedCell = z.infer<typeof parsedCellSchema>;

export const parsedTableSchema = z.record(z.string(), z.record(z.string(), parsedCellSchema));
export type ParsedTable = z.infer<typeof parsedTableSchema>;

export const unknownRowSchema = z.object({
  table: tableKeySchema,
  label: z.string(),
  values: z.array(z.string()),
  src: z.nullable(z.number()),
  /** The label's box on a PDF page, where a finding about the row is marked. */
  box: z.optional(boxSchema),
});
export type UnknownRow = z.infer<typeof unknownRowSchema>;

export const textBlockSchema = z.object({ text: z.string(), src: z.nullable(z.number()) });
export type TextBlock = z.infer<typeof textBlockSchema>;

/**
 * Where a publication date came from (output.md): the site's own metadata (发布日期/发布时间,
 * `<publishtime>`, an 信息索引 table, `<meta name="PubDate">`), the date beside the link on a list
 * page, the date printed in the report (落款), or a document's creation date (a hint only).
 */
export const dateSourceSchema = z.enum(['site', 'list', 'signature', 'document-metadata']);
export type DateSource = z.infer<typeof dateSourceSchema>;

/** One date a reader found, with where it found it; lib/facts/published.ts chooses among them. */
export const dateCandidateSchema = z.object({
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  source: dateSourceSchema,
});
export type DateCandidate = z.infer<typeof dateCandidateSchema>;

/**
 * What is known of a report from outside it: the list page that linked it (its link text and the
 * date beside it) and, for a document, the page that linked the document (that page's dates).
 * Crosses context boundaries (the viewer's URL, batch rows), so it is a schema.
 */
export const auditContextSchema = z.object({
  linkText: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
  listedAt: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
  pageDates: z.optional(z.array(dateCandidateSchema).check(z.maxLength(20))),
  /** What a list of the units that must publish (应报清单) says the unit is: a department or a people's government. */
  listedKind: z.optional(z.enum(['department', 'government'])),
});
export type AuditContext = z.infer<typeof auditContextSchema>;

/** Table values only (numbers or null), by table, row and column: what a previous year's report keeps. */
export const tableValuesSchema = z.partialRecord(tableKeySchema, z.record(z.string(), z.record(z.string(), z.nullable(z.number()))));
export type TableValues = z.infer<typeof tableValuesSchema>;

/**
 * Last year's report of the same agency, as the cross-year rules need it: kept small so that the
 * extension can remember it per agency in storage.
 */
export const previousReportSchema = z.object({
  source: z.string(),
  year: z.nullable(z.number()),
  agency: z.nullable(z.string()),
  format: z.nullable(formatSchema),
  publishedAt: z.optional(z.nullable(z.string())),
  tables: tableValuesSchema,
  /** Prose blocks outside the tables, as read. */
  texts: z.array(z.string()),
  /** When the extension audited it (remembered reports), ISO time. */
  auditedAt: z.optional(z.string()),
});
export type PreviousReport = z.infer<typeof previousReportSchema>;

/**
 * What a batch found of this report's prose in reports of other agencies (lib/batch/similar.ts): the
 * pair or cluster it belongs to, the share of its own prose shared with the closest one, the others,
 * and the longest shared passages in its own words. The input of batch.similar-text.
 */
export const similarToSchema = z.object({
  group: z.number(),
  share: z.number(),
  peers: z.array(z.object({ source: z.string(), agency: z.nullable(z.string()), year: z.nullable(z.number()), share: z.nullable(z.number()) })),
  passages: z.array(z.string()),
});
export type SimilarTo = z.infer<typeof similarToSchema>;

/**
 * The earlier audit record of this report (lib/record), when one is at hand: what report.changed
 * compares the page with. Only what that rule reads; the record itself stays with its keeper.
 */
export const baselineReportSchema = z.object({
  /** The record was made from this very address (report.changed speaks only of a page that changed in place). */
  sameSource: z.boolean(),
  auditedAt: z.string(),
  year: z.nullable(z.number()),
  publishedAt: z.nullable(z.string()),
  tables: tableValuesSchema,
  raw: z.partialRecord(tableKeySchema, z.record(z.string(), z.record(z.string(), z.string()))),
  /** Prose outside the tables, as recorded (lib/batch/prose.ts proseTexts). */
  texts: z.array(z.string()),
});
export type BaselineReport = z.infer<typeof baselineReportSchema>;

/** The report as the template matcher sees it: the input of every rule. */
export const reportSchema = z.object({
  isReport: z.boolean(),
  format: z.nullable(formatSchema),
  /** The format each table's labels point to, where they say (a real report may mix them). */
  tableFormats: z.partialRecord(tableKeySchema, formatSchema),
  year: z.nullable(z.number()),
  yearInTitle: z.boolean(),
  title: z.nullable(z.string()),
  agency: z.nullable(z.string()),
  /** The unit's kind as the 应报清单 states it, when one was given (lib/facts/agency.ts prefers it to the name). */
  listedKind: z.optional(z.enum(['department', 'government'])),
  publishedAt: z.nullable(z.string()),
  /** Which source gave `publishedAt` (lib/facts/published.ts). */
  publishedAtSource: z.nullable(dateSourceSchema),
  tables: z.partialRecord(tableKeySchema, parsedTableSchema),
  /** Source reference of each table's first cell, for table-level findings. */
  tableSrc: z.partialRecord(tableKeySchema, z.nullable(z.number())),
  /** Row labels as written on the page, keyed by table then row key. */
  rowLabels: z.partialRecord(tableKeySchema, z.record(z.string(), z.object({ text: z.string(), src: z.nullable(z.number()), box: z.optional(boxSchema) }))),
  unknownRows: z.array(unknownRowSchema),
  /** Headings, paragraphs and labels: where leftover template text is looked for. */
  texts: z.array(textBlockSchema),
  sections: z.array(z.number()),
  /** Extraction anomalies (impossible spans …), kept as data. */
  anomalies: z.array(z.string()),
  /** Attached documents named on a page without report tables (file names): the report may be there. */
  attachments: z.optional(z.array(z.string())),
  /** Last year's report of the same agency, when one is at hand (batch, or remembered): the cross-year rules' input. */
  previous: z.optional(previousReportSchema),
  /** Tables the document cuts at a page's edge: their cells past it are `missing` with no value, never read as 0. */
  cuts: z.optional(z.partialRecord(tableKeySchema, z.enum(['right']))),
  /** Reports of other agencies in the same batch whose prose is near-identical: batch.similar-text's input. */
  similar: z.optional(similarToSchema),
  /** The earlier audit record of this report, on a re-audit (report.changed). */
  baseline: z.optional(baselineReportSchema),
});
export type Report = z.infer<typeof reportSchema>;
