import { browser } from 'wxt/browser';
import { auditBatch } from '../../lib/batch/audit-batch';
import type { ReportLink } from '../../lib/batch/links';
import { MEMORY_KEY, readMemory, remember } from '../../lib/batch/memory';
import type { BatchRow } from '../../lib/batch/row';
import type { BatchRequest } from '../../lib/batch/store';
import type { Lang } from '../../lib/i18n/render';
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
  onAuditing(): void;
}

export interface RunOutcome {
  rows: BatchRow[];
  stopped: boolean;
  /** Milliseconds spent auditing (extraction to findings), for the benchmark. */
  auditMs: number;
}

/** The batch in the extension page: the list's links (and its next pages), each report fetched politely, all audited with last year's at hand. */
export async function runBatch(request: BatchRequest, lang: Lang, signal: AbortSignal, callbacks: RunCallbacks): Promise<RunOutcome> {
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
  const stored = await browser.storage.local.get(MEMORY_KEY).catch(() => ({}) as Record<string, unknown>);
  const memory = readMemory(stored[MEMORY_KEY]);
  const started = performance.now();
  const { rows, snapshots } = auditBatch(prepared, { lang, known: memory });
  const auditMs = performance.now() - started;
  await browser.storage.local.set({ [MEMORY_KEY]: snapshots.reduce((kept, snapshot) => remember(kept, snapshot), memory) }).catch(() => undefined);
  return { rows, stopped: signal.aborted, auditMs };
}
