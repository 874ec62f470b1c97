import pLimit from 'p-limit';
import type { DocumentLike } from '../extract/dom';
import { sniffKind } from '../extract/document';
import type { Extracted } from '../extract/types';
import { extractFromDocument, looksLikeReport } from '../extract/html';
import type { Prepared } from './audit-batch';
import type { AttachmentRead } from './attachment';
import { decodePage } from '../extract/decode';
import { attachmentLink, readListPage, type ReportLink } from './links';

/** One response, as the command line (Node fetch) or the extension (window fetch) got it. */
export interface FetchedPage {
  /** The address finally answered, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
}

/** Thrown by a getter for a failure that is the link's, not ours: a row's reason. */
export class FetchFailure extends Error {}

export interface PoliteOptions {
  get(url: string, signal: AbortSignal): Promise<FetchedPage>;
  /** At most this many requests at a time (2: agency servers are small). */
  concurrency?: number;
  /** Pause after each request, per slot. */
  delayMs?: number;
  signal?: AbortSignal;
}

export interface BatchEnv extends PoliteOptions {
  parseHtml(html: string): DocumentLike;
  /** Reads a PDF or Word attachment (lib/batch/attachment.ts); without it the row stays at 报告在附件中. */
  readAttachment?(file: FetchedPage): Promise<AttachmentRead>;
  /** Pages of a list followed through 下一页, at most. */
  maxPages?: number;
  /** Links taken from a list, at most (a list of 500 links is cut, and says so). */
  maxLinks?: number;
  onProgress?(done: number, total: number, source: string): void;
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  if (ms <= 0 || signal?.aborted) return resolve();
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => {
    clearTimeout(timer);
    resolve();
  }, { once: true });
});

export class StoppedError extends Error {}

/** get, politely: a limited number at a time, a pause after each, one retry on a network error or a 5xx. */
export function politeGetter(options: PoliteOptions): (url: string) => Promise<FetchedPage> {
  const limit = pLimit(options.concurrency ?? 2);
  const signal = options.signal ?? new AbortController().signal;
  const once = async (url: string): Promise<FetchedPage> => {
    if (signal.aborted) throw new StoppedError('stopped');
    try {
      return await options.get(url, signal);
    } finally {
      await sleep(options.delayMs ?? 0, signal);
    }
  };
  return (url) => limit(async () => {
    let page: FetchedPage;
    try {
      page = await once(url);
    } catch (error) {
      if (error instanceof StoppedError || signal.aborted) throw new StoppedError('stopped');
      return once(url);
    }
    return page.status >= 500 || page.status === 429 ? once(url) : page;
  });
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
}

/** Failure reasons worth a row: HTTP status, redirect off the host. Null when the page is fine. */
function problemOf(requested: string, page: FetchedPage): string | null {
  if (!sameHost(requested, page.url)) return `redirected to another host: ${new URL(page.url).host}`;
  if (page.status < 200 || page.status >= 300) return `HTTP ${page.status}`;
  return null;
}

export interface ListRead {
  links: ReportLink[];
  /** Rows to show besides the links: list pages that failed, links off the host, links cut by the bound. */
  notes: Prepared[];
  pages: number;
}

/** A list page and its following pages (下一页) up to the bound; a page seen twice ends the walk. */
export async function readList(listUrl: string, get: (url: string) => Promise<FetchedPage>, env: BatchEnv): Promise<ListRead> {
  const links: ReportLink[] = [];
  const notes: Prepared[] = [];
  const seenPages = new Set<string>();
  const seenLinks = new Set<string>();
  let url: string | null = listUrl;
  let pages = 0;
  while (url && !seenPages.has(url) && pages < (env.maxPages ?? 10)) {
    seenPages.add(url);
    pages += 1;
    let page: FetchedPage;
    try {
      page = await get(url);
    } catch (error) {
      if (error instanceof StoppedError) break;
      notes.push(failed(url, `list page: ${reasonOf(error)}`));
      break;
    }
    const problem = problemOf(url, page);
    if (problem) {
      notes.push(failed(url, `list page: ${problem}`));
      break;
    }
    const list = readListPage(env.parseHtml(decodePage(page.bytes, page.contentType).text), page.url);
    for (const link of list.links) {
      if (seenLinks.has(link.url) || seenPages.has(link.url)) continue;
      seenLinks.add(link.url);
      links.push(link);
    }
    for (const off of list.offHost) notes.push({ ...failed(off, 'another host: not fetched'), linkText: null });
    url = list.next;
  }
  const max = env.maxLinks ?? 300;
  if (links.length > max) {
    for (const link of links.slice(max)) notes.push({ source: link.url, linkText: link.text, listedAt: link.listedAt, extracted: null, status: 'stopped', reason: `more than ${max} links: not fetched` });
    links.length = max;
  }
  return { links, notes, pages };
}

function safeLooksLikeReport(doc: DocumentLike): boolean {
  try {
    return looksLikeReport(doc);
  } catch {
    return false;
  }
}

function failed(source: string, reason: string): Prepared {
  return { source, linkText: null, listedAt: null, extracted: null, status: 'fetch-failed', reason };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout|timed out|aborted due to timeout/i.test(message) || (error as Error)?.name === 'TimeoutError') return 'timeout';
  return message.slice(0, 200);
}

/** Extraction that never throws: a page that breaks the reader is read as holding nothing, with the reason kept. */
export function extractSafely(read: () => DocumentLike): Extracted {
  try {
    return extractFromDocument(read()).extracted;
  } catch (error) {
    return { tokens: [], blocks: [], title: null, publishedAt: null, anomalies: [`extract: ${String(error).slice(0, 200)}`] };
  }
}

/** Fetch and read one report link: its page, or the attachment the page links to when the page holds no report tables. */
export async function prepareLink(link: ReportLink, get: (url: string) => Promise<FetchedPage>, env: BatchEnv): Promise<Prepared> {
  const base = { source: link.url, linkText: link.text, listedAt: link.listedAt };
  let page: FetchedPage;
  try {
    page = await get(link.url);
  } catch (error) {
    if (error instanceof StoppedError) return { ...base, extracted: null, status: 'stopped', reason: null };
    return { ...base, extracted: null, status: 'fetch-failed', reason: reasonOf(error) };
  }
  const problem = problemOf(link.url, page);
  if (problem) return { ...base, extracted: null, status: 'fetch-failed', reason: problem };
  if (isDocument(page)) {
    // The link is the document itself: audited, its row needs no reason; else the reader's.
    if (!env.readAttachment) return { ...base, extracted: null, status: 'attachment', reason: page.url };
    const read = await readFile(page, page.url, env);
    return { ...base, ...read, reason: read.extracted ? null : read.reason };
  }
  return preparePage(base, env.parseHtml(decodePage(page.bytes, page.contentType).text), page.url, get, env);
}

/** A fetched report page: its own tables, or, when it holds none, the attachment it links to (same host). */
export async function preparePage(
  base: Pick<Prepared, 'source' | 'linkText' | 'listedAt'>, doc: DocumentLike, pageUrl: string,
  get: (url: string) => Promise<FetchedPage>, env: BatchEnv,
): Promise<Prepared> {
  const attachment = safeLooksLikeReport(doc) ? null : attachmentLink(doc, pageUrl);
  if (!attachment) return { ...base, extracted: extractSafely(() => doc) };
  if (!env.readAttachment) return { ...base, extracted: null, status: 'attachment', reason: attachment };
  try {
    const file = await get(attachment);
    const fileProblem = problemOf(attachment, file);
    if (fileProblem) return { ...base, extracted: null, status: 'fetch-failed', reason: `${attachment}: ${fileProblem}` };
    return { ...base, ...(await readFile(file, attachment, env)) };
  } catch (error) {
    if (error instanceof StoppedError) return { ...base, extracted: null, status: 'stopped', reason: null };
    return { ...base, extracted: null, status: 'fetch-failed', reason: `${attachment}: ${reasonOf(error)}` };
  }
}

/** A PDF or Word file by its bytes (a .docx's content type says "xml", a PDF's is often octet-stream). */
function isDocument(page: FetchedPage): boolean {
  const kind = sniffKind(page.bytes, { name: page.url, contentType: page.contentType });
  return kind === 'pdf' || kind === 'docx' || kind === 'doc';
}

/** The attachment audited, its address as the row's reason; or the reader's word for why not (扫描件 …). */
async function readFile(file: FetchedPage, url: string, env: BatchEnv): Promise<Pick<Prepared, 'extracted' | 'status' | 'reason'>> {
  const read = await env.readAttachment!(file).catch((error: unknown) => ({ extracted: null, problem: reasonOf(error) }));
  if (read.extracted) return { extracted: read.extracted, reason: url };
  return { extracted: null, status: 'attachment', reason: `${url}: ${read.problem ?? 'unreadable'}` };
}

/** Every link, read politely; progress after each. Order is the links' order. */
export async function prepareLinks(links: readonly ReportLink[], env: BatchEnv): Promise<Prepared[]> {
  const get = politeGetter(env);
  let done = 0;
  return Promise.all(links.map(async (link) => {
    const prepared = await prepareLink(link, get, env);
    done += 1;
    env.onProgress?.(done, links.length, link.url);
    return prepared;
  }));
}

/** A list URL end to end: its links (across pages), each read; notes (failed pages, other hosts, cut links) after them. */
export async function prepareList(listUrl: string, env: BatchEnv): Promise<Prepared[]> {
  const list = await readList(listUrl, politeGetter(env), env);
  return [...(await prepareLinks(list.links, env)), ...list.notes];
}
