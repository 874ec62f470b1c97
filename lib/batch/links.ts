import { findAttachments, oneFormatEach } from '../extract/attachments';
import { dateIn } from '../extract/dates';
import { closestElement, isElement, tagOf, type DocumentLike, type ElementLike } from '../extract/dom';

/**
 * Reading an agency's list page (its 年报 column): the links to reports on the same host, the date
 * printed beside each, and the next page. Pure: takes a parsed document (a browser's, or the command
 * line's parse5 tree: only the node interface of lib/extract/dom.ts is read) and the page's address.
 */

export interface ReportLink {
  url: string;
  /** The link text (or its title attribute), whitespace tidied. */
  text: string;
  /** The date printed beside the link on the list (YYYY-MM-DD), if any. */
  listedAt: string | null;
}

export interface ListPage {
  links: ReportLink[];
  /** The next page of the list (下一页), on the same host, if any. */
  next: string | null;
  /** Links that name a report but point to another host: never fetched, reported. */
  offHost: string[];
}

/** 年度报告, 年报, and the 2008-era 政府信息公开工作报告 (2022年度政府信息公开工作报告: 年度 and 报告 apart). */
const REPORT_TEXT = /年度报告|年报|(信息公开|政务公开)(工作)?报告/;
/** 企业年报 (company filings) and 年报公示 are not government disclosure reports. */
const NOT_REPORT_TEXT = /企业年报|年报公示|年报申报|工商年报|统计年报/;
const NEXT_TEXT = /^(下一页|下页|后一页|next|>|›|»|＞)$/i;
/** TRS and similar CMSs write their pager from a script: createPageHTML(total, current, "index", "html"), newer ones with the pager's element id first. */
const TRS_PAGER = /createPage(?:HTML)?\(\s*(?:['"][\w-]*['"]\s*,\s*)?['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/;

function tidy(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function resolve(href: string | null, base: string): URL | null {
  if (!href || /^(javascript|mailto|tel|data):/i.test(href.trim())) return null;
  try {
    const url = new URL(href.trim(), base);
    url.hash = '';
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The date on the list line of a link: the row or item around it, without the link's own text (whose year is the report's). */
const LINE_TAGS = new Set(['li', 'tr', 'dd', 'dt', 'p']);

function listedDate(link: ElementLike): string | null {
  const parent = link.parentNode;
  const line = closestElement(link, (element) => LINE_TAGS.has(tagOf(element))) ?? (parent && isElement(parent) ? parent : null);
  if (!line) return null;
  const own = link.textContent ?? '';
  const around = (line.textContent ?? '').replace(own, ' ');
  return dateIn(around) ?? dateIn(link.getAttribute('title') ?? '');
}

export function isReportLinkText(text: string): boolean {
  return REPORT_TEXT.test(text) && !NOT_REPORT_TEXT.test(text) && text.length <= 200;
}

/** The reports a list page links to on its own host, in page order, each once, and its next page. */
export function readListPage(doc: DocumentLike, pageUrl: string): ListPage {
  const page = resolve(pageUrl, pageUrl);
  const links: ReportLink[] = [];
  const offHost: string[] = [];
  const seen = new Set<string>(page ? [page.href] : []);
  let next: string | null = null;
  for (const anchor of Array.from(doc.getElementsByTagName('a'))) {
    const url = resolve(anchor.getAttribute('href'), pageUrl);
    if (!url || !page) continue;
    const text = tidy(anchor.textContent) || tidy(anchor.getAttribute('title'));
    if (!next && NEXT_TEXT.test(text) && url.host === page.host && url.href !== page.href) next = url.href;
    const full = tidy(anchor.getAttribute('title')) || text;
    if (!isReportLinkText(full) || seen.has(url.href)) continue;
    seen.add(url.href);
    if (url.host !== page.host) offHost.push(url.href);
    else links.push({ url: url.href, text: full, listedAt: listedDate(anchor) });
  }
  // A report linked as a PDF and as a .docx is one report, not a list of two (a page offering both
  // formats was offered as a column of two reports).
  return { links: oneFormatEach(links, (link) => link), next: next ?? trsNextPage(doc, pageUrl), offHost };
}

function trsNextPage(doc: DocumentLike, pageUrl: string): string | null {
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    const match = TRS_PAGER.exec(script.textContent ?? '');
    if (!match) continue;
    const [, total, current, name, ext] = match;
    const following = Number(current) + 1;
    if (following >= Number(total)) return null;
    return resolve(`${name}_${following}.${ext}`, pageUrl)?.href ?? null;
  }
  return null;
}

/** A pasted list of report addresses: every http(s) URL in the text, each once, in order. */
export function parseUrlList(text: string): string[] {
  const urls = [...text.matchAll(/https?:\/\/[^\s"'<>，。；、]+/gi)].map((match) => resolve(match[0], match[0])?.href).filter((url): url is string => !!url);
  return [...new Set(urls)];
}

/** Does this page look like a list of reports rather than a report (several report links, no report tables needed to say so)? */
export function looksLikeList(page: ListPage): boolean {
  return page.links.length >= 2;
}

/** The document a report page links to when the report itself is an attachment (PDF, Word): the extension's finder, same host only. */
export function attachmentLink(doc: DocumentLike, pageUrl: string): string | null {
  const page = resolve(pageUrl, pageUrl);
  if (!page) return null;
  return findAttachments(doc, page.href).find((attachment) => new URL(attachment.url).host === page.host)?.url ?? null;
}
