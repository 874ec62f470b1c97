import * as z from 'zod/mini';
import { anchorSchema } from './anchor';
import { boxSchema, tableKeySchema } from './report';

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const cellRefSchema = z.object({
  table: tableKeySchema,
  row: z.string(),
  column: z.string(),
  /** Where the cell sits in a PDF (output.md). */
  box: z.optional(boxSchema),
  /** The report the cell belongs to, when it is not the audited one (cross-year findings). */
  source: z.optional(z.string()),
});
export type CellRef = z.infer<typeof cellRefSchema>;

const valueSchema = z.nullable(z.union([z.number(), z.string()]));

/**
 * A swap diagnosis (rules.md, third release): N applications booked in one cell that belong in a
 * sibling cell (two columns of one row, two rows of one column); `also`, the same move in the row
 * the first one adds up into (a result row and （七）总计).
 */
export const swapSchema = z.object({
  from: cellRefSchema,
  to: cellRefSchema,
  amount: z.number(),
  also: z.optional(z.object({ from: cellRefSchema, to: cellRefSchema })),
});
export type Swap = z.infer<typeof swapSchema>;

/** A finding as rules produce it: data only, the message is rendered later from the locale. */
export const findingSchema = z.object({
  rule: z.string(),
  severity: severitySchema,
  table: z.nullable(tableKeySchema),
  row: z.nullable(z.string()),
  column: z.nullable(z.string()),
  cells: z.array(cellRefSchema),
  expected: valueSchema,
  actual: valueSchema,
  text: z.nullable(z.string()),
  /** The cell most likely to be wrong, when one can be named. */
  suspect: z.optional(cellRefSchema),
  /** Extra message data (labels, read values); `swap` where a two-cell misbooking explains the finding. */
  data: z.optional(z.record(z.string(), z.union([z.string(), z.number(), swapSchema]))),
  /** Source reference of the element or line to mark, as the rule named it (never exported). */
  src: z.optional(z.nullable(z.number())),
  /** Where a view shows the finding (lib/present/anchors.ts decides it once the rules ran). */
  anchor: z.optional(anchorSchema),
});
export type Finding = z.infer<typeof findingSchema>;

export const renderedFindingSchema = z.extend(findingSchema, { message: z.string() });
export type RenderedFinding = z.infer<typeof renderedFindingSchema>;
