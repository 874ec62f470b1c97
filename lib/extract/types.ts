import type { Box, DateCandidate, TextBlock } from '../model/report';

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
  /** Agency names the page's metadata gives (ContentSource, 发布机构, 来源), best first: lib/facts/agency.ts decides. */
  publishers?: string[];
  /** Every publication date the reader found, best first within each source (lib/facts/published.ts decides). */
  dates: DateCandidate[];
  anomalies: string[];
  /** Links to attached documents (.pdf, .doc …) on a page that holds no report table: the report may be in one. */
  attachments?: string[];
  /**
   * Source tables (`Token.pos.table`) that run past the page's edge: the document itself does not
   * show all of their cells (a PDF whose table is wider than its page).
   */
  cuts?: { table: number; edge: 'right' }[];
}

/** 年度报告, 年报, or 政府信息公开（工作）报告 in any order with the year (“某某局2021年度政府信息公开工作报告”). */
const TITLE_HINT = /(年度报告|年报|(政府信息公开|政务公开)(工作)?(年度)?报告)/;
const YEAR = /(19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}年/;
/** Breadcrumbs, column names and crawler labels: they name the page's place, not the report. */
const NOT_A_TITLE = /^(栏目|所属栏目|当前位置|您的位置|您现在的位置|所在位置|位置|首页|来源|分类|主题分类|信息分类|频道)\s*[:：>»]|[>»›]|首页\s*[/|]/;

/** A breadcrumb or column label line. */
export function isCrumb(text: string): boolean {
  return NOT_A_TITLE.test(text.trim());
}

/** The report words alone: a column's name (政府信息公开年报, 年度报告), not a report's title. */
const REPORT_WORDS_ONLY = /^(?:政府信息公开|政务公开|信息公开|工作|年度|报告|年报|专栏|栏目|[\s\p{P}\p{S}])*$/u;

/** Report words, not a breadcrumb: a title, or the half of one printed on its own line. */
function hasTitleWords(text: string): boolean {
  return text.length >= 6 && text.length <= 120 && TITLE_HINT.test(text) && !NOT_A_TITLE.test(text);
}

function isTitle(text: string): boolean {
  return hasTitleWords(text) && !REPORT_WORDS_ONLY.test(text);
}

const yearOf = (text: string) => Number(/((?:19|20)\d{2})\s*年/.exec(text)?.[1] ?? 0) || null;

/**
 * The first candidate that reads like a report title, one with a year before one without. When the
 * candidates name different years (a list of related reports beside the article), the one with
 * `year` (the statistics period the report states) is the report's own.
 */
export function pickTitle(candidates: readonly (string | null | undefined)[], year: number | null = null): string | null {
  const titles = candidates.map((candidate) => candidate?.replace(/\s+/g, ' ').trim() ?? '').filter(isTitle);
  const dated = titles.filter((text) => YEAR.test(text));
  const years = new Set(dated.map(yearOf));
  const own = year !== null && years.size > 1 ? dated.find((text) => yearOf(text) === year) : undefined;
  return own ?? dated[0] ?? titles[0] ?? null;
}

/**
 * A title printed over two lines (“某某县2023年” / “政府信息公开工作年度报告”): the short line
 * before the one with the report words, when it has neither the report words nor sentence
 * punctuation, is the title's first half. Returns the lines with such pairs joined.
 */
export function joinSplitTitles(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const first = lines[i]!.replace(/\s+/g, ' ').trim();
    const second = lines[i + 1]?.replace(/\s+/g, ' ').trim() ?? '';
    const joinable = first.length >= 2 && first.length <= 40 && !/[。，；：:,;]/.test(first) && !NOT_A_TITLE.test(first) && !hasTitleWords(first)
      && hasTitleWords(second) && /^(\d{4}\s*年度?)?(政府信息公开|政务公开|年度)/.test(second) && !/^[一二三四五六七八九十\d]+[、.．]/.test(first);
    if (joinable) {
      out.push(`${first}${second}`);
      i += 1;
    } else out.push(first);
  }
  return out;
}
