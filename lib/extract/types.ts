import type { TextBlock } from '../model/report';

/** One table cell (or one cell-like line of a text dump), in reading order. */
export interface Token {
  text: string;
  /** Index of the source element (DOM) or line (text) that holds it. */
  src: number | null;
  /** The row it sits in, where the source has rows (DOM tables, tab-separated lines); null otherwise. */
  row: number | null;
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
