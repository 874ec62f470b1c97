import type { TextBlock } from '../model/report';
import { buildGrid } from './grid';
import { cellText, isHidden, walkText } from './dom-text';
import { normalizeText, tidyText } from './normalize';
import { findPublicationDate, pickTitle, type Extracted, type Token } from './types';

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

function hintCount(table: Element): number {
  const text = normalizeText(table.textContent ?? '');
  return TABLE_HINTS.filter((hint) => text.includes(hint)).length;
}

/** The innermost tables that look like report tables (a layout table around them is not one). */
export function findReportTables(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('table')).filter(
    (table) => table.querySelector('table') === null && !isHidden(table) && hintCount(table) >= 2,
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
    extracted: { tokens, blocks, title: findTitle(doc, blocks), publishedAt: findDate(doc), anomalies },
    elements,
    tables,
  };
}

function findTitle(doc: Document, blocks: TextBlock[]): string | null {
  const meta = doc.querySelector('meta[name="ArticleTitle"], meta[name="title"], meta[property="og:title"]')?.getAttribute('content');
  const headings = Array.from(doc.querySelectorAll('h1, h2, h3, .title, #title, .article-title')).slice(0, 12).map((el) => el.textContent);
  return pickTitle([meta, ...headings, ...blocks.slice(0, 12).map((block) => block.text), doc.title]);
}

function findDate(doc: Document): string | null {
  const meta = doc.querySelector('meta[name="PubDate"], meta[name="pubdate"], meta[name="publishdate"]')?.getAttribute('content');
  if (meta) return findPublicationDate(`日期:${meta}`);
  return findPublicationDate((doc.body?.textContent ?? '').slice(0, 50_000));
}

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

