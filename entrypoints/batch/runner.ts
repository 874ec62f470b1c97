import { browser } from 'wxt/browser';
import { auditBatch } from '../../lib/batch/audit-batch';
import type { ReportLink } from '../../lib/batch/links';
import { MEMORY_KEY, readMemory, remember } from '../../lib/batch/memory';
import type { ExpectedCheck } from '../../lib/batch/expected';
import { emptyRow, type BatchRow } from '../../lib/batch/row';
import type { PreviousReport } from '../../lib/model/report';
import AuditWorker from './audit-worker?worker';
import { auditWorkerReplySchema, type AuditWorkerRequest, type WorkerItem } from './audit-protocol';
import type { BatchRequest, ExpectedList } from '../../lib/batch/store';
import type { Lang } from '../../lib/i18n/lang';
import { limitedGet, politeGetter } from '../../lib/input/fetch';
import { capLinks, MAX_LIST_LINKS, MAX_LIST_PAGES, prepareLinks, readList, type ListEnv } from '../../lib/input/list';
import { preparedWithin, type Prepared } from '../../lib/input/prepare';
import { PAGE_READ_MS } from '../../lib/extract/budgets';

/** A short pause after each request, per slot: agency servers are small. */
const DELAY_MS = 400;

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/**
 * The one fetcher (lib/input/fetch.ts) on the extension page's fetch: no cookies sent, redirects
 * followed by the browser within the host permissions, an answer from another host refused.
 */
const browserGet = limitedGet({ fetch: (url, init) => fetch(url, init), redirects: 'follow', init: { credentials: 'omit' } });

export interface RunCallbacks {
  onProgress(done: number, total: number): void;
  /** Auditing what was read: `done` of `total` audits. */
  onAuditing(done?: number, total?: number): void;
}

export interface RunOutcome {
  rows: BatchRow[];
  stopped: boolean;
  /** Milliseconds spent auditing (extraction to findings), for the benchmark. */
  auditMs: number;
  /** The 应报清单 as the batch shows it, when a list was given. */
  expected: ExpectedCheck | null;
  /** What was read, kept by the view while it is open: a list loaded afterwards is checked against it without fetching again. */
  prepared: Prepared[];
  /** Where the audit ran: the worker, or the view's own thread when no worker could start. */
  auditIn: 'worker' | 'page';
}

/**
 * The view's two stops: one ends the fetching (what was read is still audited and shown), the other
 * the audit. Apart, so that 停止 pressed while fetching and again while auditing does both.
 */
export interface BatchStops {
  fetching: AbortSignal;
  auditing: AbortSignal;
}

/** The batch in the extension page: the list's links (and its next pages), each report fetched politely, all audited with last year's at hand. */
export async function runBatch(request: BatchRequest, lang: Lang, stops: BatchStops, callbacks: RunCallbacks, expected: ExpectedList | null = null): Promise<RunOutcome> {
  const signal = stops.fetching;
  // The audit worker from the start: each report is audited there as it is read, while the next are fetched.
  const session = AuditSession.open();
  const env: ListEnv = {
    get: politeGetter({ get: browserGet, concurrency: 2, delayMs: request.delayMs ?? DELAY_MS, signal }),
    maxPages: MAX_LIST_PAGES, parseHtml, lang,
    // The viewer's readers (pdf.js with its worker, mammoth): pdf.js loaded at the first PDF only.
    readers: { parseHtml, pdfjs: async () => (await import('../viewer/read')).pagePdfjs },
    onProgress: (done, total, _source, item, at) => {
      if (at !== undefined) session?.arrive(at, item, lang);
      callbacks.onProgress(done, total);
    },
  };
  // A document that exhausts pdf.js's worker is a row; the batch goes on (lib/extract/budgets.ts).
  env.prepare = preparedWithin(PAGE_READ_MS, { ...env });
  try {
    const found: ReportLink[] = [...request.links];
    let notes: Prepared[] = [];
    if (request.next) {
      const more = await readList(request.next, { ...env, maxPages: MAX_LIST_PAGES - 1 });
      const known = new Set(found.map((link) => link.url));
      if (request.listUrl) known.add(request.listUrl);
      found.push(...more.links.filter((link) => !known.has(link.url)));
      notes = more.notes;
    }
    // The bound holds for the whole column, the first page's links included (the popup read them).
    const { links, over } = capLinks(found, MAX_LIST_LINKS, lang);
    callbacks.onProgress(0, links.length);
    const prepared = [...(await prepareLinks(links, env)), ...notes, ...over];
    callbacks.onAuditing();
    // Stopped while fetching, what was read is audited all the same (the links not fetched are rows
    // saying so; it used to wait for ever): only the audit's own stop stops the audit.
    const outcome = await auditRead(prepared, lang, expected, true, stops.auditing, (done, total) => callbacks.onAuditing(done, total), session);
    return { ...outcome, stopped: signal.aborted || stops.auditing.aborted };
  } finally {
    session?.close();
  }
}

/**
 * What was read, audited as one batch with what is remembered of earlier years (and remembered in
 * turn): after a run, and again when a list of the units that must publish is loaded afterwards.
 */
export async function auditRead(
  prepared: Prepared[], lang: Lang, expected: ExpectedList | null, keep: boolean, signal?: AbortSignal, onProgress?: (done: number, total: number) => void,
  session: AuditSession | null = AuditSession.open(),
): Promise<Omit<RunOutcome, 'stopped'>> {
  const stored = await browser.storage.local.get(MEMORY_KEY).catch(() => ({}) as Record<string, unknown>);
  const memory = readMemory(stored[MEMORY_KEY]);
  const started = performance.now();
  const fromWorker = session ? await session.run(prepared, lang, memory, expected, signal, onProgress) : null;
  const audit = fromWorker ?? { ...auditBatch(prepared, { lang, known: memory, ...(expected ? { expected } : {}) }), auditMs: performance.now() - started };
  const auditIn = fromWorker ? 'worker' : 'page';
  if (signal?.aborted) {
    // Stopped while auditing: what was read stays unaudited, each input a row saying so.
    return { rows: prepared.map((item, i) => emptyRow(i, item.source, item.linkText, 'stopped', null)), auditMs: audit.auditMs, expected: null, prepared, auditIn };
  }
  if (keep) await browser.storage.local.set({ [MEMORY_KEY]: audit.snapshots.reduce((kept, snapshot) => remember(kept, snapshot), memory) }).catch(() => undefined);
  return { rows: audit.rows, auditMs: audit.auditMs, expected: audit.expected, prepared, auditIn };
}

type WorkerAudit = { rows: BatchRow[]; snapshots: PreviousReport[]; expected: ExpectedCheck | null; auditMs: number };

/**
 * One batch's audit worker (audit-worker.ts), so that the view stays responsive and can stop it. It
 * is started with the batch: each report is handed over as it is read and audited there while the
 * next are fetched; `run` hands over the rest and runs the one batch audit. A view where no worker
 * can start audits on its own thread (slower to answer, nothing lost).
 */
export class AuditSession {
  /** Places in the batch already handed over. */
  private readonly sent = new Set<number>();

  /** Set once the worker failed (it could not load, or threw): `run` answers null at once then. */
  private failed = false;
  private onFailure: (() => void) | null = null;

  private constructor(private readonly worker: Worker) {
    // From the start: a worker that fails while reports arrive must not leave `run` waiting.
    worker.onerror = () => {
      this.failed = true;
      this.onFailure?.();
    };
  }

  static open(): AuditSession | null {
    try {
      return new AuditSession(new AuditWorker());
    } catch {
      return null;
    }
  }

  /** A report read, at its place in the batch: the worker audits it now. */
  arrive(at: number, item: Prepared, lang: Lang): void {
    try {
      this.worker.postMessage({ type: 'arrived', at, lang, item: item as unknown as WorkerItem } satisfies AuditWorkerRequest);
      this.sent.add(at);
    } catch {
      // Not sent (a value the worker cannot take): `run` sends it with the rest.
    }
  }

  /** The batch audited in the worker, with what was handed over already; null when the worker failed (the view then audits). */
  run(
    prepared: Prepared[], lang: Lang, known: PreviousReport[], expected: ExpectedList | null, signal?: AbortSignal, onProgress?: (done: number, total: number) => void,
  ): Promise<WorkerAudit | null> {
    const { worker } = this;
    return new Promise((resolve) => {
      const end = (value: WorkerAudit | null) => {
        worker.terminate();
        signal?.removeEventListener('abort', stop);
        resolve(value);
      };
      const stop = () => end({ rows: [], snapshots: [], expected: null, auditMs: 0 });
      if (this.failed) return end(null);
      if (signal?.aborted) return stop();
      signal?.addEventListener('abort', stop);
      this.onFailure = () => end(null);
      worker.onmessage = (event: MessageEvent) => {
        const reply = auditWorkerReplySchema.safeParse(event.data);
        if (!reply.success || reply.data.type === 'failed') return end(null);
        if (reply.data.type === 'progress') return onProgress?.(reply.data.done, reply.data.total);
        const { rows, snapshots, expected: check, auditMs } = reply.data;
        end({ rows, snapshots, expected: check, auditMs });
      };
      void (async () => {
        try {
          for (const [at, items] of this.unsent(prepared)) {
            if (signal?.aborted) return;
            worker.postMessage({ type: 'items', at, items: items as unknown as WorkerItem[] } satisfies AuditWorkerRequest);
            await new Promise((next) => setTimeout(next, 0)); // let the view answer between parts
          }
          worker.postMessage({ type: 'run', count: prepared.length, lang, known, expected } satisfies AuditWorkerRequest);
        } catch {
          end(null);
        }
      })();
    });
  }

  /** The worker stopped, whatever it was doing (a batch that ended before its audit). */
  close(): void {
    this.worker.terminate();
  }

  /** The inputs not handed over yet, in runs of consecutive places, SEND at most each. */
  private *unsent(prepared: Prepared[]): Generator<[number, Prepared[]]> {
    let at = 0;
    while (at < prepared.length) {
      if (this.sent.has(at)) {
        at += 1;
        continue;
      }
      let end = at;
      while (end < prepared.length && end - at < SEND && !this.sent.has(end)) end += 1;
      yield [at, prepared.slice(at, end)];
      at = end;
    }
  }
}

/** Reports sent to the audit worker at a time. */
const SEND = 10;
