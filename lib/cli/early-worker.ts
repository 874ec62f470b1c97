/**
 * The pool's first reading worker, started while the command line itself is still loading. A worker
 * is an isolate that loads the whole bundle again (about 130 ms here before it can read); started
 * from `main()`, after the bundle's modules are evaluated and the arguments parsed, it began 136 ms
 * into a one-report run and the main thread then sat idle for it. Started from early-start.ts, main.ts's
 * first import, whose top level runs before the rest of the bundle's: the worker loads on the other
 * core meanwhile. The pool adopts it (`takeEarlyWorker`); a run that reads nothing (`--help`, a mistyped
 * option) ends it (`dropEarlyWorker`).
 *
 * This module imports nothing of the audit, so that its top level runs before theirs.
 */
import { isMainThread, Worker } from 'node:worker_threads';
import { WORKER_LIMITS } from '../extract/budgets';

/** The workers' heap ceiling and time per document (lib/extract/budgets.ts), each replaceable from the environment (docs/limits.md; tests lower them). */
export function workerLimits(): typeof WORKER_LIMITS {
  const heapMb = Number(process.env.NIANBAO_WORKER_HEAP_MB);
  const timeMs = Number(process.env.NIANBAO_WORKER_TIME_MS);
  return { heapMb: heapMb > 0 ? heapMb : WORKER_LIMITS.heapMb, timeMs: timeMs > 0 ? timeMs : WORKER_LIMITS.timeMs };
}

/** What a reading worker is started with: the one place its options are written. */
export function startReadingWorker(entry: URL, heapMb: number): Worker {
  // Run from source (`tsx lib/cli/main.ts`, as tests do), a worker does not inherit tsx's loader on
  // Node 20: it registers it before loading the entry. The bundle loads as it is.
  const source = entry.pathname.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`
    : null;
  return new Worker(source ?? entry, {
    eval: source !== null,
    workerData: { nianbaoReader: true },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    // The worker's output is the main thread's: a library's warning must not interleave with reports.
    stdout: true,
    stderr: true,
  });
}

/** A worker started early, with what it said or did before the pool took it. */
export interface EarlyWorker {
  worker: Worker;
  messages: unknown[];
  /** It failed or exited before the pool took it. */
  gone: boolean;
}

let early: { entry: string; heapMb: number; held: EarlyWorker; forget(): void } | null = null;

/**
 * Start the pool's first worker now, running `entry`: called by the command line's entry module
 * (early-start.ts, main.ts's first import) with its own address, which in the bundle is the bundle's.
 */
export function startEarly(entry: URL): void {
  // Only the bundle starts one: run from source, the pool starts its workers as it needs them.
  if (!isMainThread || early || entry.pathname.endsWith('.ts')) return;
  // Something to read: any argument that is not an option (an option's value may pass for one; the
  // worker is then simply not used).
  if (!process.argv.slice(2).some((arg) => !arg.startsWith('-'))) return;
  const { heapMb } = workerLimits();
  const worker = startReadingWorker(entry, heapMb);
  worker.unref();
  const held: EarlyWorker = { worker, messages: [], gone: false };
  const onMessage = (message: unknown) => held.messages.push(message);
  const onGone = () => void (held.gone = true);
  worker.on('message', onMessage);
  worker.on('error', onGone);
  worker.on('exit', onGone);
  // Until taken, its output goes nowhere (as the pool's workers' does unless NIANBAO_DEBUG).
  for (const output of [worker.stdout, worker.stderr]) output.resume();
  early = {
    entry: entry.href, heapMb, held,
    forget() {
      worker.off('message', onMessage);
      worker.off('error', onGone);
      worker.off('exit', onGone);
    },
  };
}

/** A run that read nothing ends its early worker (an unreferenced worker still held the process open). */
export function dropEarlyWorker(): void {
  const left = early;
  early = null;
  if (!left) return;
  left.forget();
  void left.held.worker.terminate();
}

/** The early worker, once, if it was started for this entry and heap ceiling; null otherwise. */
export function takeEarlyWorker(entry: URL, heapMb: number): EarlyWorker | null {
  const taken = early;
  if (!taken || taken.entry !== entry.href || taken.heapMb !== heapMb) return null;
  early = null;
  taken.forget();
  return taken.held;
}
