import { browser } from 'wxt/browser';
import { auditBatch, type Prepared } from '../../lib/batch/audit-batch';
import { attachmentReader } from '../../lib/batch/attachment';
import { FetchFailure, prepareLinks, readList, politeGetter, type BatchEnv, type FetchedPage } from '../../lib/batch/fetch';
import type { ReportLink } from '../../lib/batch/links';
import { MEMORY_KEY, readMemory, remember } from '../../lib/batch/memory';
import type { BatchRow } from '../../lib/batch/row';
import type { BatchRequest } from '../../lib/batch/store';
import type { Lang } from '../../lib/i18n/render';

const TIMEOUT_MS = 30_000;
const MAX_BYTES = 20 * 1024 * 1024;
/** A short pause after each request, per slot: agency servers are small. */
const DELAY_MS = 400;
const MAX_PAGES = 10;

/** fetch from the extension page: no cookies sent, the body cut at MAX_BYTES. The host permission (granted, or *.gov.cn) decides what may be fetched. */
async function browserGet(url: string, signal: AbortSignal): Promise<FetchedPage> {
  const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]), credentials: 'omit', redirect: 'follow' });
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) {
    await response.body?.cancel();
    throw new FetchFailure(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new FetchFailure(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { url: response.url || url, status: response.status, contentType: response.headers.get('content-type'), bytes };
}

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
  const env: BatchEnv = {
    get: browserGet, concurrency: 2, delayMs: request.delayMs ?? DELAY_MS, signal, maxPages: MAX_PAGES,
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
    // The viewer's readers (pdf.js with its worker, mammoth), loaded at the first attachment only.
    readAttachment: attachmentReader(async () => (await import('../viewer/read')).pageReaderEnv, lang),
    onProgress: (done, total) => callbacks.onProgress(done, total),
  };
  const links: ReportLink[] = [...request.links];
  let notes: Prepared[] = [];
  if (request.next) {
    const more = await readList(request.next, politeGetter(env), { ...env, maxPages: MAX_PAGES - 1 });
    const known = new Set(links.map((link) => link.url));
    if (request.listUrl) known.add(request.listUrl);
    links.push(...more.links.filter((link) => !known.has(link.url)));
    notes = more.notes;
  }
  callbacks.onProgress(0, links.length);
  const prepared = [...(await prepareLinks(links, env)), ...notes];
  callbacks.onAuditing();
  const stored = await browser.storage.local.get(MEMORY_KEY).catch(() => ({}) as Record<string, unknown>);
  const memory = readMemory(stored[MEMORY_KEY]);
  const started = performance.now();
  const { rows, snapshots } = auditBatch(prepared, { lang, known: memory });
  const auditMs = performance.now() - started;
  await browser.storage.local.set({ [MEMORY_KEY]: snapshots.reduce((kept, snapshot) => remember(kept, snapshot), memory) }).catch(() => undefined);
  return { rows, stopped: signal.aborted, auditMs };
}
