import { browser } from 'wxt/browser';
import { auditBatch } from '../../lib/batch/audit-batch';
import type { ReportLink } from '../../lib/batch/links';
import { MEMORY_KEY, readMemory, remember } from '../../lib/batch/memory';
import type { ExpectedCheck } from '../../lib/batch/expected';
import { emptyRow, type BatchRow } from '../../lib/batch/row';
import type { PreviousReport } from '../../lib/model/report';
import AuditWorker from './audit-worker?worker';
import { auditWorkerReplySchema } from './audit-protocol';
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

/** The batch in the extension page: the list's links (and its next pages), each report fetched politely, all audited with last year's at hand. */
export async function runBatch(request: BatchRequest, lang: Lang, signal: AbortSignal, callbacks: RunCallbacks, expected: ExpectedList | null = null): Promise<RunOutcome> {
  const env: ListEnv = {
    get: politeGetter({ get: browserGet, concurrency: 2, delayMs: request.delayMs ?? DELAY_MS, signal }),
    maxPages: MAX_LIST_PAGES, parseHtml, lang,
    // The viewer's readers (pdf.js with its worker, mammoth): pdf.js loaded at the first PDF only.
    readers: { parseHtml, pdfjs: async () => (await import('../viewer/read')).pagePdfjs },
    onProgress: (done, total) => callbacks.onProgress(done, total),
  };
  // A document that exhausts pdf.js's worker is a row; the batch goes on (lib/extract/budgets.ts).
  env.prepare = preparedWithin(PAGE_READ_MS, { ...env });
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
  const outcome = await auditRead(prepared, lang, expected, true, signal, (done, total) => callbacks.onAuditing(done, total));
  return { ...outcome, stopped: signal.aborted };
}

/**
 * What was read, audited as one batch with what is remembered of earlier years (and remembered in
 * turn): after a run, and again when a list of the units that must publish is loaded afterwards.
 */
export async function auditRead(
  prepared: Prepared[], lang: Lang, expected: ExpectedList | null, keep: boolean, signal?: AbortSignal, onProgress?: (done: number, total: number) => void,
): Promise<Omit<RunOutcome, 'stopped'>> {
  const stored = await browser.storage.local.get(MEMORY_KEY).catch(() => ({}) as Record<string, unknown>);
  const memory = readMemory(stored[MEMORY_KEY]);
  const started = performance.now();
  const fromWorker = await inWorker(prepared, lang, memory, expected, signal, onProgress);
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
 * The batch audited in a worker (audit-worker.ts), so that the view stays responsive and can stop it;
 * null when no worker could run it (then the view audits on its own thread: slower to answer, nothing lost).
 */
function inWorker(
  prepared: Prepared[], lang: Lang, known: PreviousReport[], expected: ExpectedList | null, signal?: AbortSignal, onProgress?: (done: number, total: number) => void,
): Promise<WorkerAudit | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new AuditWorker();
    } catch {
      resolve(null);
      return;
    }
    const end = (value: WorkerAudit | null) => {
      worker.terminate();
      signal?.removeEventListener('abort', stop);
      resolve(value);
    };
    const stop = () => end({ rows: [], snapshots: [], expected: null, auditMs: 0 });
    signal?.addEventListener('abort', stop);
    worker.onerror = () => end(null);
    worker.onmessage = (event: MessageEvent) => {
      const reply = auditWorkerReplySchema.safeParse(event.data);
      if (!reply.success || reply.data.type === 'failed') return end(null);
      if (reply.data.type === 'progress') return onProgress?.(reply.data.done, reply.data.total);
      const { rows, snapshots, expected: check, auditMs } = reply.data;
      end({ rows, snapshots, expected: check, auditMs });
    };
    void (async () => {
      for (let i = 0; i < prepared.length; i += SEND) {
        if (signal?.aborted) return;
        worker.postMessage({ type: 'items', items: prepared.slice(i, i + SEND) });
        await new Promise((next) => setTimeout(next, 0)); // let the view answer between parts
      }
      worker.postMessage({ type: 'run', lang, known, expected });
    })();
  });
}

/** Reports sent to the audit worker at a time. */
const SEND = 10;
