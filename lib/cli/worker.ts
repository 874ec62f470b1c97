/**
 * A reading worker of the pool (lib/cli/pool.ts): one input at a time, read through the one input
 * path (prepareBytes), and audited once when the pool says so (`auditsInWorker`; else the main
 * thread audits what was read). A failure a reader leaves behind — a library's promise that
 * rejects with nobody awaiting it, an exception thrown from a callback — is caught here, named in
 * that input's anomalies, and never ends the worker, let alone the run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FetchFailure, StoppedError, type FetchedPage } from '../input/fetch';
import { prepareBytes, type Prepared } from '../input/prepare';
import { describeFailure, firstAuditOf, internalFailure, type FromWorker, type ToWorker } from './pool';
import { nodeReaderEnv } from './reader-env';

/** Whether this thread is one of the pool's reading workers. */
export const isReadingWorker = () => Boolean(parentPort && (workerData as { nianbaoReader?: boolean } | null)?.nianbaoReader);

/** Turns of the event loop after a read, for a library's late failures to surface while their input is still the current one. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

export async function serveReads(): Promise<void> {
  const port = parentPort!;
  const readers = await nodeReaderEnv();
  let strays: string[] | null = null;
  const stray = (failure: unknown) => strays?.push(describeFailure(failure));
  process.on('unhandledRejection', stray);
  process.on('uncaughtException', stray);

  let nextGet = 0;
  let task = 0;
  const waiting = new Map<number, { resolve(page: FetchedPage): void; reject(error: unknown): void }>();
  const get = (url: string) => new Promise<FetchedPage>((resolve, reject) => {
    const id = (nextGet += 1);
    waiting.set(id, { resolve, reject });
    port.postMessage({ type: 'get', id, task, url } satisfies FromWorker);
  });

  const inputs: Extract<ToWorker, { type: 'prepare' }>[] = [];
  async function read(message: Extract<ToWorker, { type: 'prepare' }>): Promise<void> {
    task = message.id;
    strays = [];
    const { setup } = message;
    let prepared: Prepared;
    try {
      prepared = await prepareBytes(message.base, message.file, { readers, get, lang: setup.lang });
    } catch (error) {
      // prepareBytes answers every input; reaching here is our own fault, said as such (“内部错误: …”).
      prepared = internalFailure(message.base, setup.lang, error);
    }
    await settle();
    if (strays.length && prepared.extracted) prepared.extracted.anomalies.push(...strays.map((text) => `reader failed after reading: ${text}`));
    strays = null;
    // Told to (lib/cli/pool.ts `auditsInWorker`), the first audit is made here; else in the main thread.
    const answer: FromWorker = setup.audit ? { type: 'done', id: message.id, ...firstAuditOf(prepared, setup) } : { type: 'done', id: message.id, prepared };
    port.postMessage(answer);
  }
  async function readInOrder(): Promise<void> {
    while (inputs.length) {
      const message = inputs[0]!;
      try {
        await read(message);
      } catch (error) {
        // An answer that could not be sent is our fault: a row saying so, not a worker waiting out its time.
        port.postMessage({ type: 'done', id: message.id, prepared: internalFailure(message.base, message.setup.lang, error), first: null } satisfies FromWorker);
      }
      inputs.shift();
    }
  }

  port.on('message', (message: ToWorker) => {
    if (message.type === 'got') {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (!pending) return;
      const failure = message.failure;
      if (!failure) pending.resolve(message.page!);
      else if ('code' in failure) pending.reject(new FetchFailure(failure.code, failure.detail));
      else if ('stopped' in failure) pending.reject(new StoppedError('stopped'));
      else pending.reject(new Error(failure.message));
      return;
    }
    // The pool hands over the next input before this one is done (lib/cli/pool.ts `queued`): one at a time.
    inputs.push(message);
    if (inputs.length === 1) void readInOrder();
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
