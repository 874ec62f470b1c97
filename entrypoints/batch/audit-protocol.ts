/** What the batch view and its audit worker (audit-worker.ts) say to each other, parsed on arrival by each. */
import * as z from 'zod/mini';
import { expectedCheckSchema } from '../../lib/batch/expected';
import { batchRowSchema } from '../../lib/batch/row';
import { expectedListSchema } from '../../lib/batch/store';
import { langSchema } from '../../lib/i18n/lang';
import { previousReportSchema } from '../../lib/model/report';

/** Inputs of one batch at most, as places in it: well above a column's 300 links and its notes, a bound on what a message may name. */
export const MAX_BATCH_INPUTS = 100_000;

/** A prepared input as the view made it (plain data): checked for the fields the audit reads first. */
const itemSchema = z.looseObject({ source: z.string(), linkText: z.nullable(z.string()), listedAt: z.nullable(z.string()), extracted: z.nullable(z.looseObject({ tokens: z.array(z.unknown()) })) });
/** A prepared input as the worker checks it (the view sends its Prepared as it is). */
export type WorkerItem = z.infer<typeof itemSchema>;
const placeSchema = z.int().check(z.minimum(0), z.maximum(MAX_BATCH_INPUTS));

/**
 * What the view sends: each report as it is read (`arrived`, at its place in the batch); the inputs
 * not handed over that way in parts (`items`: a part at a time, so that copying 300 reports' tokens
 * never holds the view's thread for long); then the run over the first `count`.
 */
export const auditWorkerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('arrived'), at: placeSchema, lang: langSchema, item: itemSchema }),
  z.object({ type: z.literal('items'), at: placeSchema, items: z.array(itemSchema) }),
  z.object({ type: z.literal('run'), count: placeSchema, lang: langSchema, known: z.unknown(), expected: z.nullable(expectedListSchema) }),
]);
export type AuditWorkerRequest = z.infer<typeof auditWorkerRequestSchema>;

export const auditWorkerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('done'), rows: z.array(batchRowSchema), snapshots: z.array(previousReportSchema), expected: z.nullable(expectedCheckSchema), auditMs: z.number() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type AuditWorkerReply = z.infer<typeof auditWorkerReplySchema>;
