/**
 * The batch's audit off the view's main thread: a column of 300 reports takes seconds to audit, and
 * the view must still scroll, show progress and stop. The view hands each report over as soon as it
 * is read, and the worker makes its first audit then (lib/batch/arriving.ts), in the pauses the polite
 * fetcher leaves; once all are read, the worker runs the one batch audit (lib/batch/audit-batch.ts)
 * with those first audits and posts progress, then the outcome.
 */
import { ArrivingBatch } from '../../lib/batch/arriving';
import { readMemory } from '../../lib/batch/memory';
import type { Prepared } from '../../lib/input/prepare';
import { auditWorkerRequestSchema, type AuditWorkerReply } from './audit-protocol';

const post = (reply: AuditWorkerReply) => (self as unknown as { postMessage(message: unknown): void }).postMessage(reply);
const batch = new ArrivingBatch();

self.onmessage = (event: MessageEvent) => {
  const request = auditWorkerRequestSchema.safeParse(event.data);
  if (!request.success) return post({ type: 'failed', message: 'bad request' });
  const { data } = request;
  if (data.type === 'arrived') return batch.arrive(data.at, data.item as unknown as Prepared, data.lang);
  if (data.type === 'items') return batch.place(data.at, data.items as unknown as Prepared[]);
  // A place never filled makes the audit throw: a failed reply, and the view audits on its own thread.
  const { lang, expected, count } = data;
  let last = 0;
  try {
    const started = performance.now();
    const audit = batch.audit(count, {
      lang, known: readMemory(data.known), ...(expected ? { expected } : {}),
      onProgress: (done, total) => {
        // At most every 100 ms: a message per report would cost more than it tells.
        if (performance.now() - last < 100 && done < total) return;
        last = performance.now();
        post({ type: 'progress', done, total });
      },
    });
    // The audit's whole time, the first audits made as reports arrived included (what the benchmark reports per report).
    post({ type: 'done', rows: audit.rows, snapshots: audit.snapshots, expected: audit.expected, auditMs: batch.arrivalMs + performance.now() - started });
  } catch (error) {
    post({ type: 'failed', message: String((error as Error)?.message ?? error).slice(0, 200) });
  }
};
