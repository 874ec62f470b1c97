import { z } from 'zod';
import { tableKeySchema } from './report';

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const cellRefSchema = z.object({ table: tableKeySchema, row: z.string(), column: z.string() });
export type CellRef = z.infer<typeof cellRefSchema>;

const valueSchema = z.union([z.number(), z.string()]).nullable();

/** A finding as rules produce it: data only, the message is rendered later from the locale. */
export const findingSchema = z.object({
  rule: z.string(),
  severity: severitySchema,
  table: tableKeySchema.nullable(),
  row: z.string().nullable(),
  column: z.string().nullable(),
  cells: z.array(cellRefSchema),
  expected: valueSchema,
  actual: valueSchema,
  text: z.string().nullable(),
  /** The cell most likely to be wrong, when one can be named. */
  suspect: cellRefSchema.optional(),
  /** Extra message data (labels, read values). */
  data: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Source reference of the element or line to mark (never exported). */
  src: z.number().nullable().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const renderedFindingSchema = findingSchema.extend({ message: z.string() });
export type RenderedFinding = z.infer<typeof renderedFindingSchema>;
