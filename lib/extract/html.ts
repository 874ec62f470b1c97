import type { TextBlock } from '../model/report';
import { buildGrid } from './grid';
import { cellText, isHidden, walkText } from './dom-text';
import { normalizeText, tidyText } from './normalize';
import { dateFromLines, dateInShortLine, findLabelledDates } from './dates';
import { findPublicationDate, joinSplitTitles, pickTitle, type Extracted, type Token } from './types';

/** Words that only report tables contain; a table needs two of them to be read at all. */
const TABLE_HINTS = ['予以公开', '结果维持', '信息内容', '本年新收', '申请人情况', '行政复议', '第二十条', '行政许可', '自然人', '尚未审结',
  '本年制发件数', '不予公开', '结转', '行政处罚', '规范性文件', '勾稽', '无法提供', '不予处理', '其他处理', '行政执法案卷', '行政强制',
  '行政事业性收费', '政府集中采购', '复议后起诉', '未经复议', '结果纠正'];
const CONTAINERS = '.TRS_Editor, #zoom, .WordSection1, .Section1, .Custom_UnionStyle, .article-content, .article_con, #UCAP-CONTENT, .view, article';
const MAX_BLOCKS = 4000;

export interface DomExtraction {
  extracted: Extracted;
  /** `src` of tokens and blocks indexes this array. */
  elements: Element[];
  /** The tables the report was read from. */
  tables: Element[];
}

/** Template words outside links: a portal's navigation table (<a>行政许可</a> …) names them too, as links. */
function hintCount(table: Element): number {
  let text = table.textContent ?? '';
  for (const link of Array.from(table.querySelectorAll('a'))) text = text.replace(link.textContent ?? '', ' ');
  const normalized = normalizeText(text);
  return TABLE_HINTS.filter((hint) => normalized.includes(hint)).length;
}

/** A number (with a unit some agencies write in the cell), a blank, or a mark meaning none. */
const VALUE_CELL = /^[-+]?[\d,，.．]*(件|个|条|项|次|起|宗|万元|元)?$|^(无|—|－|-|\/|／)$/;

/** A report table has cells for numbers under its labels: numbers, or blanks where the template was left unfilled. */
function hasValueCells(table: Element): boolean {
  let values = 0;
  for (const cell of Array.from(table.querySelectorAll('td, th'))) {
    if (VALUE_CELL.test(normalizeText(cell.textContent ?? '')) && (values += 1) >= 2) return true;
  }
  return false;
}

/** The innermost tables that look like report tables (a layout table around them is not one). */
export function findReportTables(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('table')).filter(
    (table) => table.querySelector('table') === null && !isHidden(table) && hintCount(table) >= 2 && hasValueCells(table),
  );
}

/** Cheap first look: does this document hold report tables at all? */
export function looksLikeReport(doc: Document): boolean {
  const tables = doc.getElementsByTagName('table');
  for (let i = 0; i < tables.length; i += 1) {
    const text = tables[i]!.textContent ?? '';
    if (text.includes('予以公开') || text.includes('结果维持') || text.includes('信息内容') || text.includes('本年新收')) return true;
  }
  return false;
}

export function extractFromDocument(doc: Document): DomExtraction {
  const elements: Element[] = [];
  const tables = findReportTables(doc);
  const tokens: Token[] = [];
  const anomalies: string[] = [];
  let rowBase = 0;
  tables.forEach((table, t) => {
    const grid = buildGrid(table);
    anomalies.push(...grid.anomalies);
    grid.slots.forEach((line, r) => {
      for (const slot of line) {
        if (!slot?.origin) continue;
        const cell = grid.cells[slot.cell]!;
        const pos = { table: t, col: cell.col, colSpan: cell.colSpan, rowSpan: cell.rowSpan };
        tokens.push({ text: cellText(cell.element), src: elements.push(cell.element) - 1, row: rowBase + r, pos });
      }
    });
    rowBase += grid.slots.length;
  });
  const root = (tables[0]?.closest(CONTAINERS) as Element | null) ?? doc.body ?? doc.documentElement;
  const blocks = root ? collectBlocks(root, elements) : [];
  return {
    extracted: { tokens, blocks, title: findTitle(doc, blocks), publishedAt: findDate(doc, blocks, tables[0]), anomalies, ...(tables.length ? {} : { attachments: findAttachments(doc) }) },
    elements,
    tables,
  };
}

const TITLE_ELEMENTS = 'h1, h2, h3, .title, #title, .article-title';

function findTitle(doc: Document, blocks: TextBlock[]): string | null {
  const meta = doc.querySelector('meta[name="ArticleTitle"], meta[name="title"], meta[property="og:title"]')?.getAttribute('content');
  const headings = Array.from(doc.querySelectorAll(TITLE_ELEMENTS)).slice(0, 12).map((el) => el.textContent);
  const lines = joinSplitTitles(blocks.slice(0, 13).map((block) => block.text));
  return pickTitle([meta, ...headings, ...lines, doc.title]);
}

const DATE_META = ['PubDate', 'pubdate', 'publishdate', 'PublishDate', 'firstpublishedtime', 'createDate'].map((name) => `meta[name="${name}"]`)
  .concat('meta[property="article:published_time"]').join(', ');

/** Metadata, a 发布日期 line, the date printed under the title, or the date under the signature. */
function findDate(doc: Document, blocks: TextBlock[], report: Element | undefined): string | null {
  const meta = doc.querySelector(DATE_META)?.getAttribute('content');
  const fromMeta = meta ? findPublicationDate(`日期:${meta}`) : null;
  if (fromMeta) return fromMeta;
  // The labelled date nearest the report: a portal's side list may carry other articles' dates.
  const anchor = (report?.textContent ?? '').trim().slice(0, 40);
  for (let el = report?.parentElement ?? null, depth = 0; el && anchor && depth < 6; el = el.parentElement, depth += 1) {
    const text = (el.textContent ?? '').slice(0, 200_000);
    const at = text.indexOf(anchor);
    const dates = findLabelledDates(text);
    if (dates.length) return dates.reduce((a, b) => (Math.abs(b.index - at) < Math.abs(a.index - at) ? b : a)).date;
  }
  const labelled = findPublicationDate((doc.body?.textContent ?? '').slice(0, 50_000));
  if (labelled) return labelled;
  const underTitle = Array.from(doc.querySelectorAll(TITLE_ELEMENTS)).slice(0, 3)
    .flatMap((el) => [el.nextElementSibling, el.nextElementSibling?.nextElementSibling])
    .map((el) => (el && !el.querySelector('table') ? (el.textContent ?? '').trim() : ''));
  for (const line of underTitle) {
    const date = line.length <= 80 ? dateInShortLine(line) : null;
    if (date) return date;
  }
  return dateFromLines(blocks.map((block) => block.text));
}

/** Links to attached documents, by their text (the file name a reader sees). */
function findAttachments(doc: Document): string[] {
  const links = Array.from(doc.querySelectorAll('a[href]')).filter((a) => ATTACHMENT.test(a.getAttribute('href') ?? '') || ATTACHMENT.test(a.textContent ?? ''));
  return [...new Set(links.map((a) => tidyText(a.textContent ?? '') || (a.getAttribute('href') ?? '').split('/').pop() || ''))].filter(Boolean).slice(0, 5);
}
const ATTACHMENT = /\.(pdf|docx?|wps|ofd|xlsx?|et|zip|rar)(\s*$|[?#])/i;

/** Prose outside tables, one block per paragraph-like element (or run of text between them). */
function collectBlocks(root: Element, elements: Element[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: string[] = [];
  let owner: Element = root;
  const flush = () => {
    const text = tidyText(parts.join(''));
    parts = [];
    if (text && blocks.length < MAX_BLOCKS) {
      for (const line of text.split('\n')) blocks.push({ text: line, src: elements.push(owner) - 1 });
    }
  };
  walkText(root, {
    text: (data) => void parts.push(data),
    lineBreak: () => void parts.push('\n'),
    skip: (element) => {
      if (element.tagName.toLowerCase() !== 'table') return false;
      flush();
      return true;
    },
    enterBlock: (element) => {
      flush();
      owner = element;
    },
    leaveBlock: (_, parent) => {
      flush();
      owner = parent as Element;
    },
  });
  flush();
  return blocks;
}

