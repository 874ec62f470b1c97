import * as z from 'zod/mini';
import { renderedFindingSchema } from './finding';
import { reauditSchema } from './record';
import { dateSourceSchema, formatSchema, tableKeySchema } from './report';

export const deadlineSchema = z.object({
  date: z.string(),
  basis: z.enum(['deadline.before-2019', 'deadline.department', 'deadline.government', 'deadline.unknown', 'deadline.listed-department', 'deadline.listed-government']),
  status: z.nullable(z.enum(['kept', 'missed'])),
});

const numberTable = z.record(z.string(), z.record(z.string(), z.nullable(z.number())));
const rawTable = z.record(z.string(), z.record(z.string(), z.string()));

/** The audit result of one page or file, as `output.md` specifies (exported as JSON). */
export const auditResultSchema = z.object({
  source: z.string(),
  report: z.boolean(),
  format: z.nullable(formatSchema),
  year: z.nullable(z.number()),
  agency: z.nullable(z.string()),
  title: z.nullable(z.string()),
  publishedAt: z.nullable(z.string()),
  /** Where `publishedAt` came from (output.md, third release). */
  publishedAtSource: z.nullable(dateSourceSchema),
  /** The deadline that applies (lib/facts/deadline.ts) and whether it was kept: what report.late, the memo and the summary all say. */
  deadline: z.nullable(deadlineSchema),
  /** The relationships (勾稽关系) the rules checked and the ones that failed, as the rules counted them. */
  checks: z.object({ checked: z.number(), failed: z.number() }),
  tables: z.partialRecord(tableKeySchema, numberTable),
  raw: z.partialRecord(tableKeySchema, rawTable),
  units: z.optional(z.partialRecord(tableKeySchema, rawTable)),
  findings: z.array(renderedFindingSchema),
  /** What reading the page could not place (values past a row's end, impossible spans): shown, never dropped silently. */
  anomalies: z.optional(z.array(z.string())),
  /** On a re-audit, the earlier record's findings 已整改 / 未整改 and this audit's 新增 (output.md). */
  reaudit: z.optional(reauditSchema),
});
export type AuditResult = z.infer<typeof auditResultSchema>;
