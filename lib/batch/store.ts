import * as z from 'zod/mini';
import { expectedCheckSchema, expectedUnitSchema } from './expected';
import { batchRowSchema } from './row';

/** What the popup hands to the batch view (storage.local): the list page and the report links read from it. */
export const BATCH_REQUEST_KEY = 'batchRequest';
export const batchRequestSchema = z.object({
  listUrl: z.nullable(z.string()),
  links: z.array(z.object({ url: z.string(), text: z.string(), listedAt: z.nullable(z.string()) })),
  /** The list's next page (下一页), followed by the batch view up to a bound. */
  next: z.nullable(z.string()),
  /** The pause after each request; the benchmark sets 0 to measure the batch without it. */
  delayMs: z.optional(z.number().check(z.minimum(0), z.maximum(5000))),
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** The batch as kept until the user clears it: closing the popup or the view loses nothing. */
export const BATCH_KEY = 'batch';
export const savedBatchSchema = z.object({
  listUrl: z.nullable(z.string()),
  startedAt: z.string(),
  state: z.enum(['running', 'done', 'stopped']),
  rows: z.array(batchRowSchema),
  /** The 应报清单 as the batch shows it, when a list was loaded. */
  expected: z.optional(z.nullable(expectedCheckSchema)),
});
export type SavedBatch = z.infer<typeof savedBatchSchema>;

/** The list of units that must publish the user loaded in the batch view, kept for every batch until removed. */
export const EXPECTED_KEY = 'batchExpected';
export const expectedListSchema = z.union([z.literal('last-year'), z.array(expectedUnitSchema).check(z.maxLength(5000))]);
export type ExpectedList = z.infer<typeof expectedListSchema>;

export function readExpectedList(stored: unknown): ExpectedList | null {
  const parsed = expectedListSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export function readSaved(stored: unknown): SavedBatch | null {
  const parsed = savedBatchSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export function readRequest(stored: unknown): BatchRequest | null {
  const parsed = batchRequestSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
