import type { TextBlock } from '../model/report';
export { looksLikeReport } from './looks-like-report';
import { CDATA_SECTION_NODE, closestElement, DOCUMENT_NODE, ELEMENT_NODE, findElements, hasClass, hasDescendant, isElement, isInside, tagOf, TEXT_NODE, type DocumentLike, type ElementLike, type NodeLike } from './dom';
import { buildGrid, pageBudget } from './grid';
import { cellText, isHidden, walkText } from './dom-text';
import { normalizeText, tidyText } from './normalize';
import { dateIn, datesFromLines, findLabelledDates } from './dates';
import { metaContent, readPageFacts } from './page-facts';
import type { Extracted, Token } from './types';
import type { DateCandidate } from '../model/report';

/** Words that only report tables contain; a table needs two of them to be read at all. */
export const TABLE_HINTS = ['予以公开', '结果维持', '信息内容', '本年新收', '申请人情况', '行政复议', '第二十条', '行政许可', '自然人', '尚未审结',
  '本年制发件数', '不予公开', '结转', '行政处罚', '规范性文件', '勾稽', '无法提供', '不予处理', '其他处理', '行政执法案卷', '行政强制',
  '行政事业性收费', '政府集中采购', '复议后起诉', '未经复议', '结果纠正'];
/** The CMS and Word containers that hold a report's text (`.TRS_Editor, #zoom, …, article`). */
export const CONTAINER_CLASSES: ReadonlySet<string> = new Set(['TRS_Editor', 'WordSection1', 'Section1', 'Custom_UnionStyle', 'article-content', 'article_con', 'view']);
const CONTAINER_IDS = new Set(['zoom', 'UCAP-CONTENT']);
export const TITLE_CLASSES: ReadonlySet<string> = new Set(['title', 'article-title']);
const DATE_META = new Set(['PubDate', 'pubdate', 'publishdate', 'PublishDate', 'firstpublishedtime', 'createDate']);
const MAX_BLOCKS = 4000;

export interface DomExtraction<E extends ElementLike = ElementLike> {
  extracted: Extracted;
  /** `src` of tokens and blocks indexes this array. */
  elements: E[];
  /** The tables the report was read from. */
  tables: E[];
}

/** Template words outside links: a portal's navigation table (<a>行政许可</a> …) names them too, as links. */
function hintCount(table: ElementLike): number {
  let text = table.textContent ?? '';
  for (const link of Array.from(table.getElementsByTagName('a'))) text = text.replace(link.textContent ?? '', ' ');
  const normalized = normalizeText(text);
  return TABLE_HINTS.filter((hint) => normalized.includes(hint)).length;
}

/** A number (with a unit some agencies write in the cell), a blank, or a mark meaning none. */
const VALUE_CELL = /^[-+]?[\d,，.．]*(件|个|条|项|次|起|宗|万元|元)?$|^(无|—|－|-|\/|／)$/;

/** A report table has cells for numbers under its labels: numbers, or blanks where the template was left unfilled. */
function hasValueCells(table: ElementLike): boolean {
  let values = 0;
  for (const tag of ['td', 'th']) {
    // By index, not copied to an array: a browser then makes objects only for the cells read before
    // the second value (a few header cells), not for every cell of the table.
    const cells = table.getElementsByTagName(tag);
    for (let i = 0; i < cells.length; i += 1) {
      if (VALUE_CELL.test(normalizeText(cells[i]!.textContent ?? '')) && (values += 1) >= 2) return true;
    }
  }
  return false;
}

/** The innermost tables that look like report tables (a layout table around them is not one). */
export function findReportTables<E extends ElementLike>(root: { getElementsByTagName(name: string): ArrayLike<E> }): E[] {
  const tables = Array.from(root.getElementsByTagName('table'));
  // In document order a table's descendants follow it at once: it holds a table if and only if the
  // next table is inside it (a climb of the page's depth, where a search would walk the table).
  const holdsTable = (i: number) => i + 1 < tables.length && isInside(tables[i + 1]!, tables[i]!);
  return tables.filter((table, i) => !holdsTable(i) && !isHidden(table) && hintCount(table) >= 2 && hasValueCells(table));
}


function isContainer(element: ElementLike): boolean {
  const id = element.getAttribute('id');
  return tagOf(element) === 'article' || (id !== null && CONTAINER_IDS.has(id)) || hasClass(element, CONTAINER_CLASSES);
}

export function extractFromDocument<E extends ElementLike>(doc: DocumentLike & { getElementsByTagName(name: string): ArrayLike<E> }): DomExtraction<E> {
  const elements: E[] = [];
  const tables = findReportTables<E>(doc);
  const tokens: Token[] = [];
  const anomalies: string[] = [];
  const budget = pageBudget();
  let rowBase = 0;
  tables.forEach((table, t) => {
    const grid = buildGrid(table, budget);
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
  const root = (tables[0] ? closestElement(tables[0], isContainer) : null) ?? doc.body ?? doc.documentElement;
  const blocks = root ? collectBlocks(root, elements as ElementLike[]) : [];
  const headings = findHeadings(doc, 12);
  const container = tables[0] ? closestElement(tables[0], isContainer) ?? tables[0] : null;
  const { title, publishers } = readPageFacts(doc, container, blocks, headings);
  return {
    extracted: {
      tokens, blocks, title, ...(publishers.length ? { publishers } : {}), dates: findDates(doc, blocks, tables[0], headings), anomalies,
      ...(tables.length ? {} : { attachments: findAttachments(doc) }),
    },
    elements,
    tables,
  };
}

function isHeading(element: ElementLike): boolean {
  const tag = tagOf(element);
  return tag === 'h1' || tag === 'h2' || tag === 'h3' || element.getAttribute('id') === 'title' || hasClass(element, TITLE_CLASSES);
}

/**
 * What `isHeading` tests, as a selector. Not `.title`/`#title`: in quirks mode (pages without a
 * doctype) browsers match those case-blind; attribute selectors compare case-sensitively in every
 * mode, as `getAttribute` does, and `~=` splits on the whitespace `hasClass` splits on.
 */
const HEADING_SELECTOR = ['h1', 'h2', 'h3', '[id="title"]', ...[...TITLE_CLASSES].map((name) => `[class~="${name}"]`)].join(',');
/**
 * The same parts one by one, ids and classes as id and class selectors: each takes a browser's fast
 * path (a tag's list, its index of ids and classes), where the list above matches every element
 * against every part (about 0.1 ms on a Word page; these six, under 0.02 ms). Case-blind in quirks
 * mode, they find a superset: enough to learn that a page has no heading at all, as Word's mostly have.
 */
const HEADING_PROBES = ['h1', 'h2', 'h3', '#title', ...[...TITLE_CLASSES].map((name) => `.${name}`)];

/**
 * The first `limit` headings in document order (below the root element, as a walk from it finds
 * them). Natively in browsers, a selector match instead of a call into the page per element; the
 * command line walks its tree.
 */
function findHeadings(doc: DocumentLike, limit: number): ElementLike[] {
  const root = doc.documentElement;
  if (!root) return [];
  if (!doc.querySelectorAll) return findElements(root, isHeading, limit);
  if (!HEADING_PROBES.some((probe) => doc.querySelectorAll!(probe).length > 0)) return [];
  const found = doc.querySelectorAll(HEADING_SELECTOR);
  const out: ElementLike[] = [];
  for (let i = 0; i < found.length && out.length < limit; i += 1) if (found[i] !== root) out.push(found[i]!);
  return out;
}

function nextElement(node: NodeLike | null | undefined): ElementLike | null {
  for (let at = node?.nextSibling ?? null; at; at = at.nextSibling) if (isElement(at)) return at;
  return null;
}

/**
 * `at.textContent`, given the text of its child `inner`: the other children read, that one's text
 * reused, so that climbing from the report to the page reads each part of the page once, not once
 * per level. (A document has no `textContent` in browsers: it is read as it is.)
 */
function textAround(at: NodeLike, inner: NodeLike, innerText: string): string {
  if (at.nodeType === DOCUMENT_NODE) return at.textContent ?? '';
  let text = '';
  for (let child = at.firstChild; child; child = child.nextSibling) {
    if (child === inner) text += innerText;
    else if (child.nodeType === ELEMENT_NODE) text += child.textContent ?? '';
    else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) text += child.data ?? '';
  }
  return text;
}

/** TRS pages carry the article's date in an element of its own (`<publishtime>2021-02-26 10:00</publishtime>`). */
const DATE_TAGS = ['publishtime'];

/** A site date from metadata or a TRS date element. */
function siteDateOf(text: string | null | undefined): DateCandidate[] {
  const date = text ? dateIn(text.slice(0, 100)) : null;
  return date ? [{ date, source: 'site' }] : [];
}

/**
 * Every publication date of a page, best first within each source (lib/facts/published.ts decides):
 * the site's metadata and date elements; the labelled date nearest the report (a portal's side list
 * carries other articles' dates; an 信息索引 table's 发布日期 cell reads as a labelled date); the
 * page's first labelled date; a date printed under the title; then the report's own prose (labelled
 * dates, and the dates under its title and its signature).
 */
function findDates(doc: DocumentLike, blocks: TextBlock[], report: ElementLike | undefined, headingElements: ElementLike[]): DateCandidate[] {
  const out: DateCandidate[] = [...siteDateOf(metaContent(doc, DATE_META, 'article:published_time'))];
  for (const tag of DATE_TAGS) {
    const found = doc.getElementsByTagName(tag);
    for (let i = 0; i < Math.min(found.length, 3); i += 1) out.push(...siteDateOf(found[i]!.textContent));
  }
  const reportText = report?.textContent ?? '';
  const anchor = reportText.trim().slice(0, 40);
  let depth = 0;
  let inner: NodeLike | undefined = report;
  let innerText = reportText;
  let near: ReturnType<typeof findLabelledDates> = [];
  for (let at = report?.parentNode ?? null; at && anchor && depth < 6 && near.length === 0; inner = at, at = at.parentNode, depth += 1) {
    innerText = textAround(at, inner!, innerText);
    const text = innerText.slice(0, 200_000);
    const offset = text.indexOf(anchor);
    near = findLabelledDates(text).sort((a, b) => Math.abs(a.index - offset) - Math.abs(b.index - offset));
  }
  if (near.length === 0) near = findLabelledDates((doc.body?.textContent ?? '').slice(0, 50_000)).slice(0, 1);
  out.push(...near.map(({ date, source }) => ({ date, source })));
  for (const heading of headingElements.slice(0, 3)) {
    for (const next of [nextElement(heading), nextElement(nextElement(heading))]) {
      const line = next && !hasDescendant(next, 'table') ? (next.textContent ?? '').trim() : '';
      const date = line.length <= 80 ? dateIn(line) : null;
      if (date) out.push({ date, source: 'site' });
    }
  }
  out.push(...datesFromLines(blocks.map((block) => block.text)));
  return out;
}

const ATTACHMENT = /\.(pdf|docx?|wps|ofd|xlsx?|et|zip|rar)(\s*$|[?#])/i;

/** Links to attached documents, by their text (the file name a reader sees). */
function findAttachments(doc: DocumentLike): string[] {
  const links = Array.from(doc.getElementsByTagName('a')).filter((a) => ATTACHMENT.test(a.getAttribute('href') ?? '') || ATTACHMENT.test(a.textContent ?? ''));
  const names = links.map((a) => tidyText(a.textContent ?? '') || (a.getAttribute('href') ?? '').split('/').pop() || '');
  return [...new Set(names)].filter(Boolean).slice(0, 5);
}

/** Prose outside tables, one block per paragraph-like element (or run of text between them). */
function collectBlocks(root: ElementLike, elements: ElementLike[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: string[] = [];
  let owner: ElementLike = root;
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
      if (tagOf(element) !== 'table') return false;
      flush();
      return true;
    },
    enterBlock: (element) => {
      flush();
      owner = element;
    },
    leaveBlock: (_, parent) => {
      flush();
      owner = parent as ElementLike;
    },
  });
  flush();
  return blocks;
}

