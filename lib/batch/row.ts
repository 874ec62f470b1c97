import * as z from 'zod/mini';
import { renderedFindingSchema } from '../model/finding';
import { dateSourceSchema, formatSchema, similarToSchema } from '../model/report';

export const rowStatusSchema = z.enum([
  'audited', // read and audited
  'not-report', // fetched, but holds no report tables (and no attachment)
  'attachment', // the report is in an attachment no reader here could read (报告在附件中)
  'fetch-failed', // dead link, HTTP error, timeout, too large, redirected to another host
  'unreadable', // fetched or read from disk, but no reader could read it (a scan, damaged, encrypted, empty)
  'stopped', // the user stopped the batch before this one
]);
export type RowStatus = z.infer<typeof rowStatusSchema>;

/** One line of a batch: one input (a link of the list, a file, a URL), whatever became of it. */
export const batchRowSchema = z.object({
  index: z.number(),
  source: z.string(),
  /** The list's link text, when the row came from a list page. */
  linkText: z.nullable(z.string()),
  status: rowStatusSchema,
  /** Why a row is not audited (HTTP 404, 超时 …), or what was followed (the attachment's address). */
  reason: z.nullable(z.string()),
  agency: z.nullable(z.string()),
  year: z.nullable(z.number()),
  format: z.nullable(formatSchema),
  /** As the audit decided it (lib/facts/published.ts), with its source. */
  publishedAt: z.nullable(z.string()),
  publishedAtSource: z.nullable(dateSourceSchema),
  /** The audit's deadline verdict (lib/facts/deadline.ts): the one `report.late` gives. */
  deadline: z.nullable(z.enum(['kept', 'missed'])),
  errors: z.number(),
  warnings: z.number(),
  rules: z.array(z.string()),
  /** Last year's report it was checked against, and whether that check found anything. */
  previousSource: z.nullable(z.string()),
  crossyear: z.nullable(z.enum(['consistent', 'findings'])),
  /** Why a report was not checked against last year's: no agency read (title, link, metadata, address), no year, no such report at hand. */
  unpaired: z.optional(z.nullable(z.enum(['no-agency', 'no-year', 'no-previous']))),
  /** 结果纠正 of table 四, all groups (appeals.corrected): what evaluators deduct for per case; null without the table. */
  appealsCorrected: z.optional(z.nullable(z.number())),
  findings: z.array(renderedFindingSchema),
  /** Reports of other agencies in the batch with near-identical prose (batch.similar-text), if any. */
  similar: z.optional(z.nullable(similarToSchema)),
  /** On a re-audit against an earlier record: 已整改 / 未整改 / 新增 (lib/present/counts.ts reauditCounts). */
  reaudit: z.optional(z.nullable(z.object({ fixed: z.number(), open: z.number(), new: z.number() }))),
  /** Milliseconds the audit itself took (extraction to findings), for the benchmark. */
  auditMs: z.optional(z.number()),
});
export type BatchRow = z.infer<typeof batchRowSchema>;

export function emptyRow(index: number, source: string, linkText: string | null, status: RowStatus, reason: string | null): BatchRow {
  return {
    index, source, linkText, status, reason, agency: null, year: null, format: null, publishedAt: null, publishedAtSource: null, deadline: null,
    errors: 0, warnings: 0, rules: [], previousSource: null, crossyear: null, findings: [],
  };
}
