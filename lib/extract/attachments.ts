/**
 * Attachment links of a page whose body holds no report tables: many agencies publish the report
 * only as a PDF or Word file and their report page holds just the title and a download link.
 */
import type { DocumentLike } from './dom';

export type AttachmentKind = 'pdf' | 'docx' | 'doc' | 'wps';

export interface Attachment {
  /** Absolute http(s) URL of the file. */
  url: string;
  /** The link's text (or the file name when the link has none), for the popup. */
  name: string;
  /** From the file name; null when only the link's words say it is an attachment. */
  kind: AttachmentKind | null;
  /** The link or the page names an annual report (年度报告/年报): listed first. */
  likely: boolean;
}

const EXTENSION = /\.(pdf|docx|doc|wps)$/i;
const ATTACHMENT_WORDS = /附件|下载/;
const REPORT_WORDS = /年度报告|年报/;
const MAX_LINKS = 5000;
const MAX_ATTACHMENTS = 10;

function kindOf(text: string): AttachmentKind | null {
  const match = EXTENSION.exec(text.trim());
  return match ? (match[1]!.toLowerCase() as AttachmentKind) : null;
}

/**
 * The kind a URL names: by its path, or by a file name passed in its query (download.jsp?file=x.pdf).
 * The query is walked with forEach: in a Firefox content script (the auditor runs there),
 * searchParams.values() gives an iterator without [Symbol.iterator] (“is not iterable”), so a for-of
 * over it threw on every page with an ordinary link and Firefox never offered 审核附件.
 */
export function kindOfUrl(url: URL): AttachmentKind | null {
  const path = kindOf(decodeURIComponentSafe(url.pathname));
  if (path) return path;
  let named: AttachmentKind | null = null;
  url.searchParams.forEach((value) => {
    named ??= kindOf(value);
  });
  return named;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function resolve(href: string | null, base: string): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function fileName(url: URL): string {
  return decodeURIComponentSafe(url.pathname.split('/').pop() ?? '') || url.host;
}

/**
 * Links to a PDF/Word file, or links named 附件/下载 together with 年度报告; first the likely reports.
 * Reads only the DocumentLike members, so the batch (parse5 in Node, DOMParser in the batch view) shares it.
 */
export function findAttachments(doc: DocumentLike, pageUrl?: string): Attachment[] {
  const base = pageUrl ?? ((doc as Partial<Document>).baseURI || (doc as Partial<Document>).URL || 'about:blank');
  const pageNamesReport = REPORT_WORDS.test(doc.title ?? '') || REPORT_WORDS.test(doc.getElementsByTagName('h1')[0]?.textContent ?? '');
  const seen = new Set<string>();
  const found: Attachment[] = [];
  const links = Array.from(doc.getElementsByTagName('a')).slice(0, MAX_LINKS);
  for (const link of links) {
    const url = resolve(link.getAttribute('href'), base);
    if (!url) continue;
    const text = (link.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    const title = link.getAttribute('title') ?? '';
    const kind = kindOfUrl(url) ?? kindOf(text) ?? kindOf(title);
    const named = ATTACHMENT_WORDS.test(text + title) && REPORT_WORDS.test(text + title);
    if (!kind && !named) continue;
    url.hash = '';
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const likely = REPORT_WORDS.test(text + title + decodeURIComponentSafe(url.pathname + url.search)) || pageNamesReport;
    found.push({ url: url.href, name: text || title || fileName(url), kind, likely });
  }
  // Stable: page order within each group; one report offered as a PDF and a .docx is one attachment.
  const one = oneFormatEach(found, (a) => ({ url: a.url, text: a.name }));
  return [...one.filter((a) => a.likely), ...one.filter((a) => !a.likely)].slice(0, MAX_ATTACHMENTS);
}

/**
 * The formats of one report, best read first: a Word file holds the tables as cells; a PDF only as
 * drawn rules and placed text that the layout reader rebuilds (every cut table of issue 19 was a
 * PDF's); an old .doc or .wps gives text alone.
 */
const PREFERRED: readonly AttachmentKind[] = ['docx', 'pdf', 'doc', 'wps'];
/** “（PDF版）”, “Word格式”, “.docx”: the words of a link that say only its format. */
const FORMAT_WORDS = /[（(【[]?\s*(?:pdf|word|docx?|wps)\s*(?:版|格式|文件|文档)?\s*[)）】\]]?|\.(?:pdf|docx?|wps)\b/gi;

function sameReportKeys(url: URL, text: string): string[] {
  const path = decodeURIComponentSafe(url.pathname);
  const keys = [`path ${url.host}${path.replace(EXTENSION, '')}`];
  const words = text.replace(FORMAT_WORDS, '').replace(/\s+/g, '');
  // Only words that name the report itself: two links both called “下载” are two files.
  if (REPORT_WORDS.test(words) || /(?:19|20)\d{2}/.test(words)) keys.push(`text ${words}`);
  return keys;
}

/**
 * One link for each report a page offers in several formats (a PDF and a .docx of the same report,
 * side by side: 2023年度报告.pdf | 2023年度报告.docx, or （PDF版）|（Word版）): the best-read format
 * (PREFERRED) in the place of the first. Links of one format, or naming different reports, all stay.
 */
export function oneFormatEach<T>(items: readonly T[], linkOf: (item: T) => { url: string; text: string }): T[] {
  const read = items.map((item) => {
    const link = linkOf(item);
    const url = resolve(link.url, link.url);
    const kind = url ? kindOfUrl(url) ?? kindOf(link.text) : null;
    return { kind, keys: url && kind ? sameReportKeys(url, link.text) : [] };
  });
  const kept: T[] = [];
  const taken = new Set<number>();
  items.forEach((item, i) => {
    if (taken.has(i)) return;
    const { kind, keys } = read[i]!;
    // Later links of this report in another format.
    const others = kind ? read.flatMap((other, j) => (j > i && !taken.has(j) && other.kind && other.kind !== kind && other.keys.some((key) => keys.includes(key)) ? [j] : [])) : [];
    for (const j of others) taken.add(j);
    const best = others.reduce((a, b) => (PREFERRED.indexOf(read[b]!.kind!) < PREFERRED.indexOf(read[a]!.kind!) ? b : a), i);
    kept.push(items[best]!);
  });
  return kept;
}
