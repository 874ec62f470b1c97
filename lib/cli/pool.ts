/**
 * The command line's readers in a pool of worker threads: each input's document read in a worker
 * with a heap ceiling and a time limit, so that no document can end the run — a worker that runs out
 * of heap, overruns its time or dies is replaced, and its input becomes a row (“文档过大或损坏，已跳过”).
 * Its first audit (without last year's report) is made by the main thread as the answer arrives,
 * or by the worker itself in a pool of three or more (`auditsInWorker`). With up to one worker per
 * core (as many as the batch and the machine's idle cores pay for, `worthAnotherWorker`), a
 * column's documents are read on every free core; pairing, the cross-year audits and the summary stay in the main
 * thread (lib/batch/audit-batch.ts), so the results and their order are those of one thread.
 *
 * A worker fetches nothing itself: a page's attachment is fetched by the main thread's polite
 * getter on the worker's behalf, so the politeness limits stay per host for the whole run.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { firstAudit, type FirstAudit } from '../batch/audit-batch';
import { WORKER_LIMITS } from '../extract/budgets';
import { documentMessage } from '../i18n/documents';
import type { Lang } from '../i18n/lang';
import { FetchFailure, StoppedError, type FetchedPage } from '../input/fetch';
import { startReadingWorker, takeEarlyWorker } from './early-worker';
import { say } from './messages';
import type { FileInput, Prepared, PrepareBase } from '../input/prepare';

/** Workers at most: one per core, and no more than 8 (each may hold its heap ceiling). */
export const defaultJobs = () => Math.max(1, Math.min(availableParallelism(), 8));

/**
 * Inputs handed to each running worker before a pool that sizes itself starts another. A worker is
 * an isolate of its own that loads, compiles and warms parse5 and the audit again: its first inputs
 * cost several times a warm one's (docs/performance.md), so a second worker on a batch of ten only
 * adds that cold start.
 */
export const INPUTS_PER_WORKER = 25;

/**
 * Inputs each busy worker holds behind the one it reads. One is enough where workers audit what
 * they read, or share the main thread's audits between two; more would keep inputs behind a slow
 * document (or one waiting on an attachment's fetch) while another worker idles at the end of a
 * batch. A single worker whose reads the main thread audits holds two: a cold audit there or a
 * collection of its heap can outlast a warm read, and with one in hand it waited 0.35 s of a
 * 140-page run between inputs (timed per input).
 */
export const queueDepth = (workers: number): number => (workers === 1 ? 2 : 1);

/**
 * Inputs the command line has in hand at a time (read from disk or fetched, not yet answered), for
 * a pool of `jobs` workers at most: what each reads and holds (`queueDepth`), and one more — an
 * answer still counts while the main thread audits it.
 */
export const inFlight = (jobs: number): number => jobs * (1 + queueDepth(jobs)) + 1;

/**
 * Whether a pool left to size itself (no `--jobs`) starts its next worker: when the batch has handed
 * each running worker INPUTS_PER_WORKER inputs and a core is free for one more, counting the
 * machine's load (1-minute average) as busy cores and keeping one core for the rest of the run —
 * the main thread auditing what the workers read (`auditsInWorker`) and V8's own threads
 * (collecting garbage, compiling): a `--jobs 1` run of the 300-report column uses 1.7 cores on the
 * 2-core machine of docs/performance.md. There a second worker made every batch slower on an idle
 * machine (300 reports 2.34 → 2.65 s wall) and never grows; a 4-core laptop grows to three
 * workers, an 8-core one to seven. Windows reports no load (zeros): there the cores and the batch's
 * length alone decide.
 */
export function worthAnotherWorker(workers: number, handed: number, cores: number, load: number): boolean {
  return handed >= workers * INPUTS_PER_WORKER && cores - 1 - load - workers >= 0.5;
}

/** A failure in one line (its message's first, at most 200 characters), for a row or a stderr line. */
export const describeFailure = (failure: unknown): string => String((failure as Error)?.message ?? failure).split('\n')[0]!.slice(0, 200);

/** An input the command line could not answer for a fault of its own: a row saying so (“内部错误: …”, exit 2). */
export const internalFailure = (base: PrepareBase, lang: Lang, failure: unknown): Prepared => ({
  ...base, extracted: null, status: 'unreadable', reason: `${say(lang, 'internal')}: ${describeFailure(failure)}`,
});

/**
 * An input's first audit, wherever the pool makes it (`auditsInWorker`). An audit that throws is a
 * fault of ours, never the document's: the input becomes a row saying so (“内部错误: …”, exit 2) and
 * the run goes on, the same in the main thread as in a worker (where a throw used to leave the
 * worker waiting out its time, and the input was then called too large or damaged).
 */
export function firstAuditOf(prepared: Prepared, setup: WorkerSetup): { prepared: Prepared; first: FirstAudit | null } {
  try {
    return { prepared, first: firstAudit(prepared, { lang: setup.lang, format: setup.format }) };
  } catch (error) {
    return { prepared: internalFailure(prepared, setup.lang, error), first: null };
  }
}

/** What the main thread sends a worker. */
export type ToWorker =
  | { type: 'prepare'; id: number; setup: WorkerTask; base: PrepareBase; file: FileInput }
  | { type: 'got'; id: number; page?: FetchedPage; failure?: { code: FetchFailure['code']; detail: string | number } | { stopped: true } | { message: string } };

/** What a worker sends back. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'get'; id: number; task: number; url: string }
  | { type: 'done'; id: number; prepared: Prepared; first?: FirstAudit | null };

export interface WorkerSetup {
  lang: Lang;
  format: 'auto' | '2019' | '2021';
}

/** What a worker is told with each input: the setup, and whether it makes the input's first audit (`auditsInWorker`). */
export interface WorkerTask extends WorkerSetup {
  audit: boolean;
}

/**
 * Whether the workers make each input's first audit, or the main thread does as their answers
 * arrive. Left with one worker, the main thread waited on a core of its own for most of a run (idle
 * 1.55 s of a 2.3 s 140-page run, CPU profile): reading there while the main thread audits what was
 * read splits the work between two cores, and each thread warms only its own half of the code
 * (140 pages 13 %, 500 pages 18 % less wall, docs/performance.md). An audit costs about half a read,
 * so the main thread keeps up with two workers (two on this 2-core machine: about 10 % less wall
 * than workers that audit, 300 reports) but would fall behind three or more; those audit what they
 * read. The audit is the same call either way (lib/batch/audit-batch.ts `firstAudit`).
 */
export const auditsInWorker = (workers: number): boolean => workers > 2;

export interface PoolOptions extends WorkerSetup {
  /** The module the workers run (the command line's own entry, which serves reads off the main thread). */
  entry: URL;
  /** Workers at most. */
  jobs: number;
  /** Start workers beyond the first only while they pay (`worthAnotherWorker`): the default; `--jobs N` starts up to N. */
  auto?: boolean;
  /** The polite getter: a worker's attachment is fetched through it. */
  get?: (url: string) => Promise<FetchedPage>;
  limits?: Partial<typeof WORKER_LIMITS>;
}

interface Task {
  id: number;
  base: PrepareBase;
  file: FileInput;
  resolve(prepared: Prepared): void;
}

interface Slot {
  worker: Worker;
  /** Started and ready for inputs: an input's time starts when it is handed over, not while the worker loads. */
  ready: boolean;
  /** Past its time and being stopped: nothing it says is taken, nothing more is handed to it. */
  stopping: boolean;
  task: Task | null;
  /**
   * The inputs handed over behind `task`, waiting in the worker's port (`queueDepth` at most): the worker
   * starts the next the moment it sends `task`'s answer, not a round trip later (a worker waited
   * 10–25 % of a 140-page run for its next input while the main thread took in the last answer). Each
   * one's time starts when it starts.
   */
  queued: Task[];
  /** The task's time left, paused while the main thread fetches for it. */
  left: number;
  started: number;
  timer: NodeJS.Timeout | null;
}

export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly firsts = new WeakMap<Prepared, FirstAudit | null>();
  private readonly limits: typeof WORKER_LIMITS;
  private next = 0;
  private closed = false;
  /** Workers that died before they were ready: a pool that cannot start one stops trying. */
  private stillborn = 0;

  constructor(private readonly options: PoolOptions) {
    this.limits = { ...WORKER_LIMITS, ...options.limits };
  }

  /** prepareBytes in a worker: the same contract (never rejects), and the input's first audit kept for `firstOf`. */
  prepare(base: PrepareBase, file: FileInput): Promise<Prepared> {
    return new Promise((resolve) => {
      this.queue.push({ id: (this.next += 1), base, file, resolve });
      this.pump();
    });
  }

  /** The first audit the pool made of this prepared input, in a worker or here (undefined for an input it did not read). */
  firstOf(prepared: Prepared): FirstAudit | null | undefined {
    return this.firsts.get(prepared);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot)));
  }

  private pump(): void {
    if (this.stillborn >= 3) {
      for (const task of this.queue.splice(0)) task.resolve({ ...task.base, extracted: null, status: 'unreadable', reason: say(this.options.lang, 'workersFailed') });
      return;
    }
    while (this.queue.length && !this.closed) {
      const slot = this.slots.find((s) => s.ready && !s.task);
      if (!slot) {
        if (this.slots.length < this.options.jobs && this.slots.filter((s) => !s.ready).length < this.queue.length && this.mayGrow()) this.spawn();
        break;
      }
      this.start(slot, this.queue.shift()!);
    }
    // Every busy worker holds more (`queueDepth`), so that none waits for the main thread between two inputs.
    const depth = queueDepth(this.slots.length);
    for (const slot of this.slots) {
      if (!this.queue.length || this.closed) return;
      while (slot.ready && !slot.stopping && slot.task && slot.queued.length < depth && this.queue.length) {
        const task = this.queue.shift()!;
        slot.queued.push(task);
        this.handOver(slot, task);
      }
    }
  }

  /** The first worker always (it holds the bounds); more as `worthAnotherWorker` says when the pool sizes itself. */
  private mayGrow(): boolean {
    if (!this.options.auto || this.slots.length === 0) return true;
    return worthAnotherWorker(this.slots.length, this.next, availableParallelism(), loadavg()[0] ?? 0);
  }

  private spawn(): Slot {
    const early = takeEarlyWorker(this.options.entry, this.limits.heapMb);
    const worker = early?.worker ?? startReadingWorker(this.options.entry, this.limits.heapMb);
    const slot: Slot = { worker, ready: false, stopping: false, task: null, queued: [], left: 0, started: 0, timer: null };
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    // Out of heap, a crash: the worker is gone, its input a row of its own.
    worker.on('error', () => this.lost(slot));
    worker.on('exit', () => this.lost(slot));
    for (const output of [worker.stdout, worker.stderr]) {
      if (process.env.NIANBAO_DEBUG) output.pipe(process.stderr);
      else output.resume();
    }
    this.slots.push(slot);
    // What the early worker said (its 'ready') or did (died) before the pool took it.
    if (early) queueMicrotask(() => {
      for (const message of early.messages) this.onMessage(slot, message as FromWorker);
      if (early.gone) this.lost(slot);
    });
    return slot;
  }

  private start(slot: Slot, task: Task): void {
    this.begin(slot, task);
    this.handOver(slot, task);
  }

  /** The task the worker is now reading (handed over already or just now): its time starts. */
  private begin(slot: Slot, task: Task): void {
    slot.task = task;
    // A busy worker keeps the run alive; an idle one does not hold the process open.
    slot.worker.ref();
    slot.left = this.limits.timeMs;
    this.arm(slot);
  }

  private handOver(slot: Slot, task: Task): void {
    const bytes = task.file.bytes;
    // A copy the worker owns (the caller's bytes stay the caller's), moved, not copied again.
    const own = new Uint8Array(bytes);
    const setup = { lang: this.options.lang, format: this.options.format, audit: auditsInWorker(this.slots.length) };
    slot.worker.postMessage({ type: 'prepare', id: task.id, setup, base: task.base, file: { ...task.file, bytes: own } } satisfies ToWorker, [own.buffer]);
  }

  private arm(slot: Slot): void {
    slot.started = Date.now();
    const timer = setTimeout(() => {
      // The worker may have answered in time while this thread was busy (auditing another worker's
      // answer, say): its answer then waits in the port while this timer comes due. The event loop
      // takes waiting messages before it runs what setImmediate queued, so look once more then, and
      // stop the worker only if it still holds the same input with the same clock running.
      const task = slot.task;
      setImmediate(() => {
        if (slot.timer !== timer || slot.task !== task) return;
        // Its answers are no longer taken while it stops: one arriving meanwhile used to begin the
        // next input's clock, and that input was then lost with the worker. It leaves the pool once
        // stopped, so that no second worker starts beside it.
        slot.stopping = true;
        void this.stop(slot).then(() => this.lost(slot));
      });
    }, slot.left);
    slot.timer = timer;
  }

  private pause(slot: Slot): void {
    if (!slot.timer) return;
    clearTimeout(slot.timer);
    slot.timer = null;
    slot.left = Math.max(0, slot.left - (Date.now() - slot.started));
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (slot.stopping) return;
    if (message.type === 'ready') {
      slot.ready = true;
      slot.worker.unref();
      this.pump();
      return;
    }
    const task = slot.task;
    if (!task || (message.type === 'get' ? message.task : message.id) !== task.id) return;
    if (message.type === 'get') {
      this.pause(slot);
      void this.fetchFor(slot, task, message.id, message.url);
      return;
    }
    this.pause(slot);
    const next = slot.queued.shift();
    if (next) this.begin(slot, next);
    else {
      slot.task = null;
      slot.worker.unref();
    }
    // The worker is on its next input already; hand it the one after before auditing this one here.
    this.pump();
    const { prepared, first } = message.first !== undefined ? { prepared: message.prepared, first: message.first } : firstAuditOf(message.prepared, this.options);
    this.firsts.set(prepared, first);
    task.resolve(prepared);
  }

  private async fetchFor(slot: Slot, task: Task, id: number, url: string): Promise<void> {
    let reply: ToWorker;
    try {
      if (!this.options.get) throw new Error('no fetcher');
      const page = await this.options.get(url);
      reply = { type: 'got', id, page };
    } catch (error) {
      const failure = error instanceof FetchFailure ? { code: error.code, detail: error.detail }
        : error instanceof StoppedError ? { stopped: true as const } : { message: String((error as Error)?.message ?? error) };
      reply = { type: 'got', id, failure };
    }
    if (slot.task !== task || slot.stopping) return;
    this.arm(slot);
    const transfer = reply.page ? [reply.page.bytes.buffer as ArrayBuffer] : [];
    slot.worker.postMessage(reply, transfer);
  }

  /** The slot's worker gone (out of heap, past its time, crashed): its input is a row, a new worker takes the queue. */
  private lost(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (!slot.ready) this.stillborn += 1;
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    if (task) task.resolve({ ...task.base, extracted: null, status: 'unreadable', reason: documentMessage(this.options.lang, 'exhausted') });
    // The inputs waiting behind it were never started: the next worker reads them, first.
    this.queue.unshift(...slot.queued.splice(0));
    this.pump();
  }

  private async stop(slot: Slot): Promise<void> {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    await slot.worker.terminate().catch(() => undefined);
  }
}
