/** The audit worker's replies (audit-worker.ts), parsed by the view before anything is shown. */
import * as z from 'zod/mini';
import { expectedCheckSchema } from '../../lib/batch/expected';
import { batchRowSchema } from '../../lib/batch/row';
import { previousReportSchema } from '../../lib/model/report';

export const auditWorkerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('done'), rows: z.array(batchRowSchema), snapshots: z.array(previousReportSchema), expected: z.nullable(expectedCheckSchema), auditMs: z.number() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type AuditWorkerReply = z.infer<typeof auditWorkerReplySchema>;
