/**
 * The batch's audit off the view's main thread: a column of 300 reports takes seconds to audit, and
 * the view must still scroll, show progress and stop. The worker runs the one batch audit
 * (lib/batch/audit-batch.ts) on what the view read and posts progress, then the outcome.
 */
import * as z from 'zod/mini';
import { langSchema } from '../../lib/i18n/lang';
import { auditBatch } from '../../lib/batch/audit-batch';
import { readMemory } from '../../lib/batch/memory';
import { expectedListSchema } from '../../lib/batch/store';
import type { Prepared } from '../../lib/input/prepare';
import type { AuditWorkerReply } from './audit-protocol';

/**
 * What the view sends, checked: the prepared inputs in parts (plain data the view made itself; a part
 * at a time, so that copying 300 reports' tokens never holds the view's thread for long), then the run.
 */
const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('items'),
    items: z.array(z.looseObject({ source: z.string(), linkText: z.nullable(z.string()), listedAt: z.nullable(z.string()), extracted: z.nullable(z.looseObject({ tokens: z.array(z.unknown()) })) })),
  }),
  z.object({ type: z.literal('run'), lang: langSchema, known: z.unknown(), expected: z.nullable(expectedListSchema) }),
]);

const post = (reply: AuditWorkerReply) => (self as unknown as { postMessage(message: unknown): void }).postMessage(reply);
const prepared: Prepared[] = [];

self.onmessage = (event: MessageEvent) => {
  const request = requestSchema.safeParse(event.data);
  if (!request.success) return post({ type: 'failed', message: 'bad request' });
  if (request.data.type === 'items') {
    prepared.push(...(request.data.items as unknown as Prepared[]));
    return;
  }
  const { lang, expected } = request.data;
  let last = 0;
  try {
    const started = performance.now();
    const audit = auditBatch(prepared, {
      lang, known: readMemory(request.data.known), ...(expected ? { expected } : {}),
      onProgress: (done, total) => {
        // At most every 100 ms: a message per report would cost more than it tells.
        if (performance.now() - last < 100 && done < total) return;
        last = performance.now();
        post({ type: 'progress', done, total });
      },
    });
    post({ type: 'done', rows: audit.rows, snapshots: audit.snapshots, expected: audit.expected, auditMs: performance.now() - started });
  } catch (error) {
    post({ type: 'failed', message: String((error as Error)?.message ?? error).slice(0, 200) });
  }
};
