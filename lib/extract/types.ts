import type { Box, TextBlock } from '../model/report';

/**
 * Where a cell sits in its source table's grid, where the source has one (an HTML table with its
 * spans resolved, a PDF table whose columns come from the header cells' x ranges). `table` counts
 * the source tables of the page from 0; `col` is the first grid column the cell covers.
 */
export interface GridPos {
  table: number;
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** One table cell (or one cell-like line of a text dump), in reading order. */
export interface Token {
  text: string;
  /** Index of the source element (DOM) or line (text) that holds it. */
  src: number | null;
  /** The row it sits in, counted across the page's tables, where the source has rows; null otherwise. */
  row: number | null;
  /** Grid position; absent for text dumps, whose values are placed by order. */
  pos?: GridPos;
  /** The cell's box on a PDF page (PDF points, origin top left), so a viewer can mark it. */
  box?: Box;
}

/** What extraction hands to the template matcher: the same shape from a DOM and from a text dump. */
export interface Extracted {
  tokens: Token[];
  /** Prose outside the tables: headings and paragraphs, for sections and leftover text. */
  blocks: TextBlock[];
  title: string | null;
  publishedAt: string | null;
  anomalies: string[];
}

const DATE = /(?:发布|公开|成文|印发|生成)?(?:日期|时间)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** “发布日期：2021-01-20”, “发布时间：2021年1月20日” → 2021-01-20. */
export function findPublicationDate(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [, y, m, d] = match;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

const TITLE_HINT = /(年度报告|年报)/;
const YEAR = /(19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}年/;

/** The first candidate that reads like a report title. */
export function pickTitle(candidates: readonly (string | null | undefined)[]): string | null {
  const titles = candidates
    .map((candidate) => candidate?.replace(/\s+/g, ' ').trim() ?? '')
    .filter((text) => text.length >= 6 && text.length <= 120 && TITLE_HINT.test(text));
  return titles.find((text) => YEAR.test(text)) ?? titles[0] ?? null;
}
