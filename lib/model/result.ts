import * as z from 'zod/mini';
import { renderedFindingSchema } from './finding';
import { formatSchema, tableKeySchema } from './report';

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
  tables: z.partialRecord(tableKeySchema, numberTable),
  raw: z.partialRecord(tableKeySchema, rawTable),
  units: z.optional(z.partialRecord(tableKeySchema, rawTable)),
  findings: z.array(renderedFindingSchema),
  /** What reading the page could not place (values past a row's end, impossible spans): shown, never dropped silently. */
  anomalies: z.optional(z.array(z.string())),
});
export type AuditResult = z.infer<typeof auditResultSchema>;
