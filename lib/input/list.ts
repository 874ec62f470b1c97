/**
 * A list page (an agency's 年报 column) as inputs: its links across its pages (下一页), each read
 * through the one input path. What becomes of a page that fails, a link to another host or a link
 * past the bound is a row of its own, never silence.
 */
import { decodePage } from '../extract/decode';
import type { ParsedHtml } from '../extract/document';
import { fetchReason } from '../i18n/inputs';
import { readListPage, type ReportLink } from '../batch/links';
import { StoppedError, type FetchedPage } from './fetch';
import { prepareUrl, reasonOf, type InputEnv, type Prepared } from './prepare';

export interface ListEnv extends InputEnv {
  get: (url: string) => Promise<FetchedPage>;
  parseHtml(html: string): ParsedHtml;
  /** Pages of a list followed through 下一页, at most. */
  maxPages?: number;
  /** Links taken from a list, at most (a list of 500 links is cut, and says so). */
  maxLinks?: number;
  /** After each link is read: how many of how many, and what became of it (`at`: its place among the links). */
  onProgress?(done: number, total: number, source: string, item: Prepared, at?: number): void;
}

export interface ListRead {
  links: ReportLink[];
  /** Rows to show besides the links: list pages that failed, links off the host, links cut by the bound. */
  notes: Prepared[];
  pages: number;
}

const failed = (source: string, reason: string): Prepared => ({ source, linkText: null, listedAt: null, extracted: null, status: 'fetch-failed', reason });

/** A list page and its following pages (下一页) up to the bound; a page seen twice ends the walk. */
export async function readList(listUrl: string, env: ListEnv): Promise<ListRead> {
  const links: ReportLink[] = [];
  const notes: Prepared[] = [];
  const seenPages = new Set<string>();
  const seenLinks = new Set<string>();
  const listWord = env.lang === 'zh' ? '列表页' : 'list page';
  let url: string | null = listUrl;
  let pages = 0;
  while (url && !seenPages.has(url) && pages < (env.maxPages ?? MAX_LIST_PAGES)) {
    seenPages.add(url);
    pages += 1;
    let page: FetchedPage;
    try {
      page = await env.get(url);
    } catch (error) {
      if (error instanceof StoppedError) break;
      notes.push(failed(url, `${listWord}: ${reasonOf(error, env.lang)}`));
      break;
    }
    if (page.status < 200 || page.status >= 300) {
      notes.push(failed(url, `${listWord}: ${fetchReason(env.lang, 'http', page.status)}`));
      break;
    }
    const list = readListPage(env.parseHtml(decodePage(page.bytes, page.contentType).text), page.url);
    for (const link of list.links) {
      if (seenLinks.has(link.url) || seenPages.has(link.url)) continue;
      seenLinks.add(link.url);
      links.push(link);
    }
    for (const off of list.offHost) notes.push(failed(off, fetchReason(env.lang, 'not-fetched-host', new URL(off).host)));
    url = list.next;
  }
  const capped = capLinks(links, env.maxLinks ?? MAX_LIST_LINKS, env.lang);
  return { links: capped.links, notes: [...notes, ...capped.over], pages };
}

/** Pages of one list followed through 下一页 at most (the command line's --follow and the batch view alike). */
export const MAX_LIST_PAGES = 10;

/** Links taken from one list (all its pages) at most: a column of 500 links is cut, and says so. */
export const MAX_LIST_LINKS = 300;

/** The first `max` links, and a row for each one past the bound (never silence). */
export function capLinks(links: readonly ReportLink[], max: number, lang: ListEnv['lang']): { links: ReportLink[]; over: Prepared[] } {
  const over = links.slice(max).map((link): Prepared => ({
    source: link.url, linkText: link.text, listedAt: link.listedAt, extracted: null, status: 'stopped', reason: fetchReason(lang, 'over-bound', max),
  }));
  return { links: links.slice(0, max), over };
}

/** Every link, read through the one input path; progress after each. Order is the links' order. */
export async function prepareLinks(links: readonly ReportLink[], env: InputEnv & Pick<ListEnv, 'onProgress'>): Promise<Prepared[]> {
  let done = 0;
  return Promise.all(links.map(async (link, at) => {
    const prepared = await prepareUrl({ source: link.url, linkText: link.text, listedAt: link.listedAt }, link.url, env);
    done += 1;
    env.onProgress?.(done, links.length, link.url, prepared, at);
    return prepared;
  }));
}

/** A list URL end to end: its links (across pages), each read; notes (failed pages, other hosts, cut links) after them. */
export async function prepareList(listUrl: string, env: ListEnv): Promise<Prepared[]> {
  const list = await readList(listUrl, env);
  return [...(await prepareLinks(list.links, env)), ...list.notes];
}
