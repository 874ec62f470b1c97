import { z } from 'zod';
import { renderedFindingSchema } from './finding';
import { formatSchema, tableKeySchema } from './report';

const numberTable = z.record(z.string(), z.record(z.string(), z.number().nullable()));
const rawTable = z.record(z.string(), z.record(z.string(), z.string()));

/** The audit result of one page or file, as `output.md` specifies (exported as JSON). */
export const auditResultSchema = z.object({
  source: z.string(),
  report: z.boolean(),
  format: formatSchema.nullable(),
  year: z.number().nullable(),
  agency: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  tables: z.partialRecord(tableKeySchema, numberTable),
  raw: z.partialRecord(tableKeySchema, rawTable),
  units: z.partialRecord(tableKeySchema, rawTable).optional(),
  findings: z.array(renderedFindingSchema),
});
export type AuditResult = z.infer<typeof auditResultSchema>;
