import type { Box, TextBlock } from '../model/report';
import { normalizeText, splitOrdinal } from './normalize';
import { readNumber } from './number';
import { TABLE_HINTS } from './html';
import { ruledTable, ruleGroups, type RuledCell, type RuleGroup, type RuledTable, type Segment } from './ruled';
import type { Token } from './types';

/**
 * One run of text at a known place: a PDF text item (points, origin top left) or a run of a
 * space-aligned text line (character columns, one unit per line). `page` counts from 1.
 */
export interface Chunk {
  text: string;
  page: number;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

export interface Metrics {
  /** Page heights by page number, where known: footers are looked for in the margins. */
  pageHeight?: (page: number) => number | null;
  /** Lines of one table cell sit at most this far apart (top of one to bottom of the last), per font size. */
  wrapGap: number;
  /** Tabular lines of one table sit at most this far apart, per font size. */
  rowGap: number;
  /** Header lines sit at most this far above a table's first tabular line, per font size. */
  headerGap: number;
  /** Runs of a line this far apart (per font size) are separate cells: prose never has such gaps. */
  cellGap: number;
  /**
   * A numbered cell's unnumbered lines may sit this far apart (per font size): Word splits a label
   * into paragraphs (7.属于行 / 政执法案卷) with space between. Defaults to `wrapGap`.
   */
  paragraphGap?: number;
  /** Label columns start this far apart at least (per font size). */
  labelTolerance: number;
  /** Whether tokens carry PDF boxes. */
  boxes: boolean;
}

interface Line {
  chunks: Chunk[];
  page: number;
  /** Virtual y across the pages of a continued table: pages stacked with their gaps removed. */
  top: number;
  bottom: number;
  size: number;
  order: number;
  /** How far stacking moved this line from its page's y. */
  shift: number;
}

const FOOTER = /^(?:[-—–―]\s*\d{1,4}\s*[-—–―]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|[-—–―]?\s*\d{1,3}\s*[-—–―]?)$/;
/** The report's part headings (一、总体情况 … 六、其他需要报告的事项), never a row label. */
const SECTION_HEADING = /^[一二三四五六七八九十]+[、,].{2,30}(?:情况|问题|事项)[。.]?$/;
/** A label line that opens a new cell, never the continuation of the one above. */
const OPENS_CELL = /^(?:[一二三四五六七八九十]+[、,]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[.、．,]|第二十条|信息内容)/;

/** A label's ordinal: 一、 （一） 1. 1、 */
const ORDINAL = /^(?:[一二三四五六七八九十]+[、,]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[.、．,])/;

const isNumeric = (text: string) => {
  const status = readNumber(text, 'signed').status;
  return status === 'number' || status === 'none-mark';
};

/** Group chunks into lines: a chunk joins the line whose band it overlaps by half its height. */
function toLines(chunks: Chunk[]): Line[] {
  const sorted = [...chunks].sort((a, b) => a.page - b.page || a.top - b.top || a.x0 - b.x0);
  const lines: Line[] = [];
  for (const chunk of sorted) {
    const height = Math.max(chunk.bottom - chunk.top, 1e-6);
    const line = lines.findLast((candidate) => {
      if (candidate.page !== chunk.page) return false;
      const overlap = Math.min(candidate.bottom, chunk.bottom) - Math.max(candidate.top, chunk.top);
      return overlap >= 0.5 * Math.min(height, candidate.bottom - candidate.top);
    });
    if (line && lines.length - lines.indexOf(line) <= 3) {
      line.chunks.push(chunk);
      line.top = Math.min(line.top, chunk.top);
      line.bottom = Math.max(line.bottom, chunk.bottom);
      line.size = Math.max(line.size, chunk.size);
    } else {
      lines.push({ chunks: [chunk], page: chunk.page, top: chunk.top, bottom: chunk.bottom, size: chunk.size, order: 0, shift: 0 });
    }
  }
  lines.forEach((line, i) => {
    line.chunks.sort((a, b) => a.x0 - b.x0);
    line.order = i;
  });
  return lines;
}

function isFooter(line: Line, metrics: Metrics): boolean {
  if (line.chunks.length !== 1 || !FOOTER.test(line.chunks[0]!.text.trim())) return false;
  const height = metrics.pageHeight?.(line.page) ?? null;
  if (height === null) return /[-—–―页/]/.test(line.chunks[0]!.text);
  return line.top > height * 0.85 || line.bottom < height * 0.1;
}

interface Table {
  lines: Line[];
}

/**
 * Split the lines into prose and tables. A table is a run of tabular lines (two or more separate
 * runs of text) with the short lines between them, the header lines just above, and its
 * continuation at the top of the next page when it reached the bottom of this one.
 */
function findTables(lines: Line[], metrics: Metrics): { tables: Table[]; prose: Line[] } {
  const tabular = lines.map((line, i) => (line.chunks.length >= 2 && widestGap(line) >= metrics.cellGap * line.size) || besideLabel(lines, i, metrics));
  const inTable = new Array<number>(lines.length).fill(-1);
  let current = -1;
  let lastTabular = -1;
  for (let i = 0; i < lines.length; i += 1) {
    if (!tabular[i]) continue;
    const previous = lastTabular >= 0 ? lines[lastTabular]! : null;
    const near = previous !== null && isNear(previous, lines[i]!, lines, lastTabular, i, metrics);
    if (!near) current += 1;
    const from = near ? lastTabular + 1 : headerStart(lines, i, metrics, inTable);
    for (let j = from; j <= i; j += 1) inTable[j] = current;
    lastTabular = i;
  }
  // The wrapped last lines of a table's last row sit below its last tabular line.
  for (let i = 1; i < lines.length; i += 1) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    if (inTable[i]! >= 0 || inTable[i - 1]! < 0 || line.page !== previous.page) continue;
    if (line.chunks.length === 1 && !isProse(line, previous) && line.top - previous.bottom <= metrics.wrapGap * line.size) inTable[i] = inTable[i - 1]!;
  }
  const tables: Table[] = [];
  const prose: Line[] = [];
  lines.forEach((line, i) => {
    const t = inTable[i]!;
    if (t < 0) prose.push(line);
    else (tables[t] ??= { lines: [] }).lines.push(line);
  });
  return { tables: tables.filter(Boolean), prose };
}

/**
 * A line of values alone beside a wrapped label (行政事业 / 96171.6 / 性收费: the value centred
 * between the label's lines, none level with it) is a table's line as much as one holding both.
 */
function besideLabel(lines: Line[], i: number, metrics: Metrics): boolean {
  const line = lines[i]!;
  if (!line.chunks.every((chunk) => isNumeric(chunk.text))) return false;
  const x0 = line.chunks[0]!.x0;
  const nextTo = (other: Line | undefined) => other !== undefined && other.page === line.page
    && Math.max(other.top - line.bottom, line.top - other.bottom) <= metrics.wrapGap * line.size
    && x0 - other.chunks[other.chunks.length - 1]!.x1 >= metrics.cellGap * line.size;
  return nextTo(lines[i - 1]) || nextTo(lines[i + 1]);
}

function widestGap(line: Line): number {
  let widest = 0;
  for (let i = 1; i < line.chunks.length; i += 1) widest = Math.max(widest, line.chunks[i]!.x0 - line.chunks[i - 1]!.x1);
  return widest;
}

/** The next tabular line belongs to the same table: close below it, or at the top of the next page with nothing between. */
function isNear(previous: Line, next: Line, lines: Line[], from: number, to: number, metrics: Metrics): boolean {
  const between = lines.slice(from + 1, to);
  if (between.some((line) => isProse(line, previous))) return false;
  if (previous.page === next.page) return next.top - previous.bottom <= metrics.rowGap * previous.size;
  if (next.page !== previous.page + 1) return false;
  // Across a page break: only the short lines of the table's cells may sit between.
  return between.every((line) => line.size <= previous.size * 1.2);
}

/** A wide line in a larger font than the table's, or a long sentence: prose, which ends a table. */
function isProse(line: Line, table: Line): boolean {
  const text = normalizeText(line.chunks.map((chunk) => chunk.text).join(''));
  return line.chunks.length === 1 && (line.size > table.size * 1.3 || text.length > 40 || SECTION_HEADING.test(text));
}

function headerStart(lines: Line[], first: number, metrics: Metrics, inTable: number[]): number {
  let start = first;
  for (let j = first - 1; j >= 0 && inTable[j]! < 0; j -= 1) {
    const line = lines[j]!;
    const below = lines[start]!;
    if (line.page !== below.page || below.top - line.bottom > metrics.headerGap * below.size || isProse(line, lines[first]!)) break;
    // The wrapped last line of the table above (性文件 under 行政规范's values) is not this table's header.
    const upper = lines[j - 1];
    if (upper && inTable[j - 1]! >= 0 && upper.page === line.page && line.top - upper.bottom <= metrics.wrapGap * line.size) break;
    start = j;
  }
  return start;
}

/** Stack the pages of a continued table into one y axis, so a cell split by a page break stays one cell. */
function stackPages(table: Table): void {
  let offset = 0;
  let previous: Line | null = null;
  const shift = new Map<number, number>();
  for (const line of table.lines) {
    if (previous && line.page !== previous.page && !shift.has(line.page)) {
      const gap = Math.min(line.size, previous.size) * 0.5;
      offset = previous.bottom + gap - line.top;
      shift.set(line.page, offset);
    }
    const delta = shift.get(line.page) ?? 0;
    if (delta !== 0 && line.shift === 0) {
      line.top += delta;
      line.bottom += delta;
      line.shift = delta;
    }
    previous = line;
  }
}

interface Column {
  x0: number;
  x1: number;
}

/** Value columns: numbers that overlap horizontally share a column, whatever their alignment. */
function clusterColumns(numbers: Chunk[]): Column[] {
  numbers.sort((a, b) => a.x0 - b.x0);
  const columns: Column[] = [];
  for (const chunk of numbers) {
    const last = columns[columns.length - 1];
    if (last && chunk.x0 <= last.x1) last.x1 = Math.max(last.x1, chunk.x1);
    else columns.push({ x0: chunk.x0, x1: chunk.x1 });
  }
  return columns;
}

/**
 * Columns from the rows that fill every column: their k-th numbers make column k. Where two or more
 * rows agree this beats overlap, which a text dump's character grid can miss by a column.
 */
function fullRowColumns(lines: Chunk[][]): Column[] | null {
  const width = Math.max(0, ...lines.map((numbers) => numbers.length));
  const full = lines.filter((numbers) => numbers.length === width);
  if (width < 2 || full.length < 2) return null;
  const columns = Array.from({ length: width }, (_, k) => ({
    x0: Math.min(...full.map((numbers) => numbers[k]!.x0)),
    x1: Math.max(...full.map((numbers) => numbers[k]!.x1)),
  }));
  // Overlapping columns mean the rows do not line up: fall back to overlap clustering.
  return columns.every((column, k) => k === 0 || column.x0 > columns[k - 1]!.x1) ? columns : null;
}

/**
 * Value columns page by page (a text dump sets each page's columns at its own character offsets),
 * numbered as on the page with the most columns: a page with as many takes them by order, a page
 * with fewer maps each of its columns to the nearest one.
 */
function valueColumns(table: Table, geometric: boolean): { canonical: Column[]; byPage: Map<number, Column[]> } {
  const pages = new Map<number, Chunk[][]>();
  for (const line of table.lines) {
    // A line of values alone counts too: its label's lines sit above and below it.
    if (line.chunks.length < 2 && !isNumeric(line.chunks[0]!.text)) continue;
    // Columns come from numbers only: a none-mark alone (无) is as often the wrapped piece of a label (（四）无 / 法提供).
    pages.set(line.page, [...(pages.get(line.page) ?? []), line.chunks.filter((c) => readNumber(c.text, 'signed').status === 'number')]);
  }
  const byPage = new Map<number, Column[]>();
  for (const [page, lines] of pages) byPage.set(page, fullRowColumns(lines) ?? clusterColumns(lines.flat()));
  // A text dump's header pieces sit on a coarse character grid, often beside their column's numbers: only real geometry tells a blank column.
  if (geometric) addBlankColumns(table, byPage);
  const canonical = [...byPage.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  for (const [page, own] of byPage) {
    // A page with no values (the header, the values on the next page) takes the table's columns.
    if (own.length === 0) byPage.delete(page);
    if (own.length === canonical.length || own.length === 0) continue;
    const mapped = canonical.map((column) => ({ ...column }));
    for (const column of own) {
      const center = (column.x0 + column.x1) / 2;
      const nearest = canonical.reduce((best, c, i) => (Math.abs((c.x0 + c.x1) / 2 - center) < Math.abs((canonical[best]!.x0 + canonical[best]!.x1) / 2 - center) ? i : best), 0);
      mapped[nearest] = column;
    }
    byPage.set(page, mapped);
  }
  return { canonical, byPage };
}

/**
 * A column left blank in every row has no number to find it by; its header cell does. A header
 * piece over the value columns that overlaps none of them, with no header below it (a leaf, not
 * a group header sitting in a gap), marks such a column; stacked pieces (尚 / 未 / 审 / 结) are one.
 */
function addBlankColumns(table: Table, byPage: Map<number, Column[]>): void {
  const first = table.lines.findIndex((line) => line.chunks.some((chunk) => readNumber(chunk.text, 'signed').status === 'number'));
  if (first <= 0) return;
  const page = table.lines[first]!.page;
  const own = byPage.get(page);
  if (!own || own.length < 2) return;
  // The header may end a page whose next one holds the values: a PDF prints a table's columns at the same x on both.
  const header = table.lines.slice(0, first).flatMap((line) => line.chunks);
  const free = header.filter((chunk) => chunk.x0 >= own[0]!.x1 && chunk.x1 <= own[own.length - 1]!.x0 && !own.some((column) => chunk.x0 < column.x1 && chunk.x1 > column.x0));
  const stacks: (Column & { chunks: Chunk[] })[] = [];
  for (const chunk of [...free].sort((a, b) => a.x0 - b.x0)) {
    const last = stacks[stacks.length - 1];
    if (last && chunk.x0 < last.x1) {
      last.x1 = Math.max(last.x1, chunk.x1);
      last.chunks.push(chunk);
    } else stacks.push({ x0: chunk.x0, x1: chunk.x1, chunks: [chunk] });
  }
  const leaves = stacks.filter((stack) => {
    const bottom = Math.max(...stack.chunks.map((chunk) => chunk.bottom));
    return !header.some((other) => !stack.chunks.includes(other) && other.top >= bottom - 0.01 && other.x0 < stack.x1 && other.x1 > stack.x0);
  });
  // Still parted from the value columns on either side (a header wider than its column overlaps
  // them), and where a column is missing: the value columns beside it lie twice their usual step
  // apart. A wrapped header's last piece (业 of 商业企业) can miss its narrow numbers, not leave a gap.
  const centres = own.map((column) => (column.x0 + column.x1) / 2);
  const steps = centres.slice(1).map((centre, i) => centre - centres[i]!).sort((a, b) => a - b);
  const step = steps[Math.floor(steps.length / 2)]!;
  const inGap = (stack: Column) => {
    const centre = (stack.x0 + stack.x1) / 2;
    const right = centres.findIndex((x) => x > centre);
    return right > 0 && centres[right]! - centres[right - 1]! >= step * 1.6;
  };
  const blank = leaves.filter((stack) => !own.some((column) => stack.x0 < column.x1 && stack.x1 > column.x0) && inGap(stack));
  if (blank.length === 0) return;
  byPage.set(page, [...own, ...blank.map(({ x0, x1 }) => ({ x0, x1 }))].sort((a, b) => a.x0 - b.x0));
}

/** Value cells are numbered from here until the label columns are known. */
const VALUE_COL = 1000;

interface Cell {
  text: string;
  page: number;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Real top on its page (for the box). */
  pageTop: number;
  pageBottom: number;
  col: number;
  colSpan: number;
  chunks: Chunk[];
}

interface Row {
  top: number;
  bottom: number;
  cells: Cell[];
  label: boolean;
}

export interface PositionedResult {
  tokens: Token[];
  blocks: TextBlock[];
  /** Lines in reading order, as text: for the title, the date and the prose checks. */
  lines: string[];
}

/**
 * Lay out positioned text: tables become tokens with grid positions and boxes, the rest prose blocks.
 * Tables drawn with rules (`rules`: a PDF's borders) are read by their drawn cells; the others by
 * the positions of their text alone.
 */
export function readPositioned(chunks: Chunk[], metrics: Metrics, rules: readonly Segment[] = []): PositionedResult {
  const real = new Map<Chunk, { top: number; bottom: number }>();
  for (const chunk of chunks) real.set(chunk, { top: chunk.top, bottom: chunk.bottom });
  const all = toLines(chunks);
  const footer = (line: Line) => isFooter(line, metrics);
  const drawn = drawnTables(all, rules, footer);
  // A number alone at the head of a page is a footer, unless it sits in a drawn table's cell.
  const lines = all.filter((line) => !footer(line) || line.chunks.some((chunk) => drawn.has(chunk)));
  const order = new Map<Chunk, number>();
  for (const line of lines) for (const chunk of line.chunks) order.set(chunk, line.order);
  // Every line's text, drawn tables' included, for the title, the date and the prose checks.
  const texts = lines.map(joinLine);
  // A line's chunks inside drawn tables are read with them; the rest of the line stays text.
  const drawnAt = new Map<Line, RuledTable[]>();
  for (const line of lines) {
    const own = [...new Set(line.chunks.map((chunk) => drawn.get(chunk)).filter((table) => table !== undefined))];
    if (own.length === 0) continue;
    drawnAt.set(line, own);
    line.chunks = line.chunks.filter((chunk) => !drawn.has(chunk));
  }
  const free = lines.filter((line) => line.chunks.length > 0);
  const { tables, prose } = findTables(free, metrics);
  const tokens: Token[] = [];
  const blocks: TextBlock[] = [];
  let rowBase = 0;
  const proseLines = new Set(prose);
  let t = 0;
  const tableOf = new Map<Line, Table>();
  tables.forEach((table) => table.lines.forEach((line) => tableOf.set(line, table)));
  const emitted = new Set<Table | RuledTable>();
  for (const line of lines) {
    for (const table of drawnAt.get(line) ?? []) {
      if (emitted.has(table)) continue;
      emitted.add(table);
      tokens.push(...drawnTokens(table, t, rowBase, line.order, order, metrics.boxes, blocks));
      rowBase += table.rows;
      t += 1;
    }
    if (line.chunks.length === 0) continue;
    const text = joinLine(line);
    if (proseLines.has(line)) {
      blocks.push({ text, src: line.order });
      continue;
    }
    const table = tableOf.get(line)!;
    if (emitted.has(table)) continue;
    emitted.add(table);
    stackPages(table);
    const fragments: Cell[] = [];
    const rows = buildRows(table, metrics, fragments);
    for (const cell of fragments) blocks.push({ text: cell.text, src: line.order });
    rows.forEach((row, r) => {
      for (const cell of row.cells) {
        const token: Token = {
          text: cell.text,
          src: cell.chunks[0] ? (order.get(cell.chunks[0]) ?? line.order) : line.order,
          row: rowBase + r,
          pos: { table: t, col: cell.col, colSpan: cell.colSpan, rowSpan: 1 },
        };
        if (metrics.boxes) token.box = boxOf(cell, real);
        tokens.push(token);
      }
    });
    rowBase += rows.length;
    t += 1;
  }
  return { tokens, blocks, lines: texts };
}

/** Column lines this close (points) on two pages are the same table's. */
const SAME_EDGE = 3;
/** Pages with more drawn tables than this are vector art, not a report: read by text positions alone. */
const MAX_TABLES_PER_PAGE = 200;

/**
 * The drawn report tables and the chunks they hold. A table reaching the foot of its page goes on
 * in the drawn table at the head of the next page with the same outer borders, when only page
 * furniture (footers) lies below the one and above the other. A chunk belongs to the innermost
 * drawn table around it (a bordered layout table around the report is one too). Drawn tables that
 * hold fewer than two of a report table's words or fewer than two numbers (a boxed note, a layout
 * frame) are left to the text reading, as on web pages.
 */
function drawnTables(lines: Line[], rules: readonly Segment[], isFurniture: (line: Line) => boolean): Map<Chunk, RuledTable> {
  const result = new Map<Chunk, RuledTable>();
  if (rules.length === 0) return result;
  const onPage = new Map<number, RuleGroup[]>();
  for (const group of ruleGroups(rules)) {
    const list = onPage.get(group.page);
    if (list) list.push(group);
    else onPage.set(group.page, [group]);
  }
  const owner = new Map<Chunk, RuleGroup>();
  const inside = new Map<RuleGroup, Chunk[]>();
  const pageLines = new Map<number, Line[]>();
  for (const line of lines) {
    if (!isFurniture(line)) pageLines.set(line.page, [...(pageLines.get(line.page) ?? []), line]);
    const groups = onPage.get(line.page) ?? [];
    if (groups.length > MAX_TABLES_PER_PAGE) continue;
    for (const chunk of line.chunks) {
      const group = innermost(groups, chunk);
      if (!group) continue;
      owner.set(chunk, group);
      if (inside.has(group)) inside.get(group)!.push(chunk);
      else inside.set(group, [chunk]);
    }
  }
  // Text of the page that is not this table's, below it (or above it).
  const textBeyond = (group: RuleGroup, below: boolean) => (pageLines.get(group.page) ?? []).some((line) =>
    (below ? line.top >= group.bottom : line.bottom <= group.top) && line.chunks.some((chunk) => owner.get(chunk) !== group));
  const held = [...onPage.values()].flat().filter((group) => inside.has(group)).sort((a, b) => a.page - b.page || a.top - b.top);
  const chains: RuleGroup[][] = [];
  for (const group of held) {
    const chain = chains.find((candidate) => {
      const last = candidate[candidate.length - 1]!;
      return last.page === group.page - 1 && sameColumns(group, candidate) && !textBeyond(last, true) && !textBeyond(group, false);
    });
    if (chain) chain.push(group);
    else chains.push([group]);
  }
  for (const chain of chains) {
    const chunks = chain.flatMap((group) => inside.get(group)!);
    const text = normalizeText(chunks.map((chunk) => chunk.text).join(''));
    if (TABLE_HINTS.filter((hint) => text.includes(hint)).length < 2) continue;
    const table = ruledTable(chain, chunks, { numeric: isNumeric, opensRow: (cell) => OPENS_CELL.test(normalizeText(cell)) });
    if (table && table.cells.filter((cell) => isNumeric(cell.text)).length >= 2) for (const chunk of chunks) result.set(chunk, table);
  }
  return result;
}

/**
 * Whether a drawn table's part on the next page has the columns of the table so far: half of its
 * column lines, two at least, among the table's. It may have fewer (a row-spanning cell's borders
 * meet no rule there) or more (sub-columns under a header cell spanning them), and its outline may
 * reach further (a layout table's borders around it).
 */
function sameColumns(part: RuleGroup, table: RuleGroup[]): boolean {
  const known = table.flatMap((group) => group.columns);
  const matched = part.columns.filter((x) => known.some((k) => Math.abs(k - x) <= SAME_EDGE)).length;
  return matched >= 2 && matched * 2 >= part.columns.length;
}

/**
 * The innermost drawn table around a chunk. Overlapping a table is enough across: text cut by the
 * page's edge (a table wider than the page) is still the table's.
 */
function innermost(groups: RuleGroup[], chunk: Chunk): RuleGroup | null {
  const y = (chunk.top + chunk.bottom) / 2;
  let best: RuleGroup | null = null;
  for (const group of groups) {
    if (y < group.top - 1 || y > group.bottom + 1 || chunk.x1 <= group.x0 || chunk.x0 >= group.x1) continue;
    if (!best || (group.x1 - group.x0) * (group.bottom - group.top) < (best.x1 - best.x0) * (best.bottom - best.top)) best = group;
  }
  return best;
}

/** A drawn table's cells as tokens, like an HTML table's: one per cell, at its first slot, with its spans. */
function drawnTokens(table: RuledTable, t: number, rowBase: number, first: number, order: Map<Chunk, number>, boxes: boolean, blocks: TextBlock[]): Token[] {
  return table.cells.map((cell) => {
    const src = cell.chunks[0] ? (order.get(cell.chunks[0]) ?? first) : first;
    // A numbered group label over rows cut to a character or two (三、本年: vertical text the text layer kept only the start of) names nothing: kept as text.
    const label = splitOrdinal(normalizeText(cell.text));
    const cut = cell.rowSpan > 2 && label.ordinal !== null && label.body.length < 4;
    if (cut) blocks.push({ text: cell.text, src });
    const token: Token = {
      text: cut ? '' : cell.text,
      src,
      row: rowBase + cell.row,
      pos: { table: t, col: cell.col, colSpan: cell.colSpan, rowSpan: cell.rowSpan },
    };
    if (boxes) token.box = drawnBox(cell);
    return token;
  });
}

/** Where to mark a drawn cell: around its text on its first page, or its frame when it holds none there. */
function drawnBox(cell: RuledCell): Box {
  const own = cell.chunks.filter((chunk) => chunk.page === cell.page);
  if (own.length === 0) return { page: cell.page, x: round(cell.x0), y: round(cell.top), w: round(cell.x1 - cell.x0), h: round(cell.bottom - cell.top) };
  const x0 = Math.min(...own.map((c) => c.x0));
  const x1 = Math.max(...own.map((c) => c.x1));
  const y0 = Math.min(...own.map((c) => c.top));
  const y1 = Math.max(...own.map((c) => c.bottom));
  return { page: cell.page, x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
}

function joinLine(line: Line): string {
  return line.chunks.map((chunk) => chunk.text).join(' ').replace(/\s+/g, ' ').trim();
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function boxOf(cell: Cell, real: Map<Chunk, { top: number; bottom: number }>): Box {
  const own = cell.chunks.filter((chunk) => chunk.page === cell.page);
  if (own.length === 0) {
    return { page: cell.page, x: round(cell.x0), y: round(cell.pageTop), w: round(cell.x1 - cell.x0), h: round(cell.pageBottom - cell.pageTop) };
  }
  const x0 = Math.min(...own.map((c) => c.x0));
  const x1 = Math.max(...own.map((c) => c.x1));
  const y0 = Math.min(...own.map((c) => real.get(c)!.top));
  const y1 = Math.max(...own.map((c) => real.get(c)!.bottom));
  return { page: cell.page, x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
}

/** A table's rows: value lines anchor rows; label lines are joined into cells and attached to them. */
function buildRows(table: Table, metrics: Metrics, fragments: Cell[]): Row[] {
  const { canonical, byPage } = valueColumns(table, metrics.boxes);
  const labelChunks: { chunk: Chunk; line: Line }[] = [];
  const rows: Row[] = [];
  const headerRows: Row[] = [];
  let seenValues = false;
  for (const line of table.lines) {
    const columns = byPage.get(line.page) ?? canonical;
    const labelRight = (columns[0]?.x0 ?? Infinity) - 0.1;
    // On a line without values a header centred over a value column may start well left of its numbers (本年处理 over 550).
    const header = !line.chunks.some((chunk) => isNumeric(chunk.text));
    const values = line.chunks.filter((chunk) => (chunk.x0 + chunk.x1) / 2 > labelRight && (chunk.x0 >= labelRight - chunk.size || header));
    const labels = line.chunks.filter((chunk) => !values.includes(chunk));
    const numeric = values.some((chunk) => isNumeric(chunk.text));
    if (numeric) seenValues = true;
    for (const chunk of labels) labelChunks.push({ chunk, line });
    if (values.length === 0) continue;
    if (!seenValues || !numeric) {
      headerRows.push({ top: line.top, bottom: line.bottom, cells: values.map((chunk) => cellOf([chunk], line, columns)), label: false });
      continue;
    }
    rows.push({ top: line.top, bottom: line.bottom, cells: placeValues(values, line, columns), label: false });
  }
  // Columns from the chunks that open cells (beside other cells, or numbered): a wrapped line's hanging indent is no column.
  const openers = labelChunks.filter(({ chunk, line }) => line.chunks.length >= 2 || OPENS_CELL.test(normalizeText(chunk.text)));
  const labelColumns = clusterLabelColumns((openers.length > 0 ? openers : labelChunks).map((entry) => entry.chunk), metrics.labelTolerance);
  const cells = labelCells(labelChunks, labelColumns, rows, headerRows, metrics);
  attachLabels(cells, rows, headerRows, labelColumns.length, fragments);
  const all = [...headerRows, ...rows].sort((a, b) => a.top - b.top);
  mergeHeaderCells(all.filter((row) => headerRows.includes(row)));
  // Value columns come after the label columns in the grid.
  for (const row of all) {
    for (const cell of row.cells) if (cell.col >= VALUE_COL) cell.col = cell.col - VALUE_COL + labelColumns.length;
    row.cells.sort((a, b) => a.col - b.col || a.x0 - b.x0);
  }
  return all.filter((row) => row.cells.length > 0);
}

/** Value cells of a data line, one per value column; a column with nothing under it gets a blank cell. */
function placeValues(values: Chunk[], line: Line, columns: Column[]): Cell[] {
  const byColumn = new Map<number, Chunk[]>();
  for (const chunk of values) {
    const col = columnAt(chunk, columns);
    byColumn.set(col, [...(byColumn.get(col) ?? []), chunk]);
  }
  const cells: Cell[] = [];
  columns.forEach((column, c) => {
    const own = byColumn.get(c) ?? [];
    if (own.length > 0) cells.push(cellOf(own, line, columns));
    else cells.push(blankCell(column, c, line));
  });
  return cells;
}

function columnAt(chunk: Chunk, columns: Column[]): number {
  const center = (chunk.x0 + chunk.x1) / 2;
  let best = 0;
  let distance = Infinity;
  columns.forEach((column, c) => {
    const d = center < column.x0 ? column.x0 - center : center > column.x1 ? center - column.x1 : 0;
    if (d < distance) {
      distance = d;
      best = c;
    }
  });
  return best;
}

function cellOf(chunks: Chunk[], line: Line, columns: Column[]): Cell {
  const x0 = Math.min(...chunks.map((c) => c.x0));
  const x1 = Math.max(...chunks.map((c) => c.x1));
  // A cell covers the columns whose middles it spans: centred text wider than a narrow column covers that column only.
  const covered = columns.map((column, c) => ({ column, c })).filter(({ column }) => (column.x0 + column.x1) / 2 >= x0 && (column.x0 + column.x1) / 2 <= x1);
  const first = covered[0]?.c ?? columnAt(chunks[0]!, columns);
  return {
    text: chunks.map((chunk) => chunk.text).join('').trim(),
    page: chunks[0]!.page,
    x0,
    x1,
    top: Math.min(...chunks.map((c) => c.top)) + line.shift,
    bottom: Math.max(...chunks.map((c) => c.bottom)) + line.shift,
    pageTop: chunks[0]!.top,
    pageBottom: chunks[0]!.bottom,
    col: VALUE_COL + first,
    colSpan: Math.max(covered.length, 1),
    chunks,
  };
}

function blankCell(column: Column, c: number, line: Line): Cell {
  const page = line.chunks[0]!.page;
  const pageTop = Math.min(...line.chunks.map((chunk) => chunk.top));
  const pageBottom = Math.max(...line.chunks.map((chunk) => chunk.bottom));
  return { text: '', page, x0: column.x0, x1: column.x1, top: line.top, bottom: line.bottom, pageTop, pageBottom, col: VALUE_COL + c, colSpan: 1, chunks: [] };
}

/** Label columns by left edge: row labels, sub-labels and group labels start at their own x. */
function clusterLabelColumns(chunks: Chunk[], tolerance: number): number[] {
  const starts = [...chunks].sort((a, b) => a.x0 - b.x0);
  const columns: number[] = [];
  let last = -Infinity;
  for (const chunk of starts) {
    if (chunk.x0 - last > chunk.size * tolerance || columns.length === 0) columns.push(chunk.x0);
    last = chunk.x0;
  }
  return columns;
}

function labelColumnOf(chunk: Chunk, columns: number[]): number {
  let best = 0;
  columns.forEach((x, c) => {
    if (x <= chunk.x0 + chunk.size * 0.6) best = c;
  });
  return best;
}

interface LabelCell extends Cell {
  /** Label column (0 = leftmost). */
  level: number;
  lines: Line[];
}

/** Join the label lines of each label column into cells: wrapped lines join, an ordinal or a gap starts a new cell. */
function labelCells(entries: { chunk: Chunk; line: Line }[], columns: number[], rows: Row[], headerRows: Row[], metrics: Metrics): LabelCell[] {
  const cells: LabelCell[] = [];
  const open = new Map<number, LabelCell>();
  // The row or header row a line belongs to: the one its band overlaps by half the line's height.
  const bands = [...rows, ...headerRows];
  const rowAt = (line: Line) => bands.find((row) => Math.min(row.bottom, line.bottom) - Math.max(row.top, line.top) >= 0.5 * (line.bottom - line.top)) ?? null;
  // Space taken by value lines (of rows whose labels are centred on them) does not part a label's lines.
  const valuesBetween = (top: number, bottom: number) => rows
    .reduce((sum, row) => sum + Math.max(0, Math.min(row.bottom, bottom) - Math.max(row.top, top)), 0);
  for (const { chunk, line } of entries) {
    // A centred wrapped label's next line starts further right: it continues the open cell above it.
    const centre = (chunk.x0 + chunk.x1) / 2;
    const above = [...open.values()].filter((cell) => !cell.lines.includes(line) && centre >= cell.x0 - chunk.size && centre <= cell.x1 + chunk.size
      && line.top - cell.bottom - valuesBetween(cell.bottom, line.top) <= metrics.wrapGap * chunk.size && line.top >= cell.bottom - 0.01);
    const level = above.length > 0 && !OPENS_CELL.test(normalizeText(chunk.text)) ? Math.max(...above.map((cell) => cell.level)) : labelColumnOf(chunk, columns);
    const current = open.get(level);
    if (current && current.lines.includes(line)) {
      current.text = `${current.text}${chunk.text}`.trim();
      current.x1 = Math.max(current.x1, chunk.x1);
      current.chunks.push(chunk);
      continue;
    }
    const gap = current ? line.top - current.bottom - valuesBetween(current.bottom, line.top) : Infinity;
    // A leaf label sits in one row; a group label (a deeper label beside it) spans several.
    // Header lines may wrap into each other; a data row never shares a label with another row.
    const here = dataRowAt(rows, line);
    const otherRow = current ? current.lines.some((l) => {
      if (here === null) return false;
      const row = dataRowAt(rows, l);
      // A header line's label (信息内容) never runs on into the first data row's (规章).
      return (row !== null && row !== here) || headerRows.includes(rowAt(l) as Row);
    }) : false;
    // Deeper labels level with it (overlapping its band, not only on its exact line) make it a group label.
    const deeper = entries.some((entry) => entry.line.top < line.bottom && entry.line.bottom > line.top && labelColumnOf(entry.chunk, columns) > level);
    const opens = OPENS_CELL.test(normalizeText(chunk.text)) && !(current?.text.endsWith('第'));
    // Only a numbered cell's lines, or an unfinished one's (第二十条第 / （五）项), may part by a
    // paragraph's space: an unnumbered line cannot open a cell among numbered ones.
    const unfinished = current !== undefined && (ORDINAL.test(normalizeText(current.text)) || current.text.endsWith('第'));
    const reach = unfinished ? Math.max(metrics.paragraphGap ?? 0, metrics.wrapGap) : metrics.wrapGap;
    const joins = current !== undefined
      && gap <= reach * chunk.size
      && !opens
      && !(otherRow && !deeper);
    if (joins) {
      current.text = `${current.text}${chunk.text}`.trim();
      current.bottom = line.bottom;
      current.x0 = Math.min(current.x0, chunk.x0);
      current.x1 = Math.max(current.x1, chunk.x1);
      current.lines.push(line);
      current.chunks.push(chunk);
      continue;
    }
    const cell: LabelCell = {
      text: chunk.text.trim(),
      page: chunk.page,
      x0: chunk.x0,
      x1: chunk.x1,
      top: line.top,
      bottom: line.bottom,
      pageTop: chunk.top,
      pageBottom: chunk.bottom,
      col: level,
      colSpan: 1,
      chunks: [chunk],
      level,
      lines: [line],
    };
    cells.push(cell);
    open.set(level, cell);
  }
  return cells;
}

/** The data row a line touches most, if any: a label line beside a row's values belongs to that row. */
function dataRowAt(rows: Row[], line: Line): Row | null {
  let best: Row | null = null;
  let most = 0;
  for (const row of rows) {
    const overlap = Math.min(row.bottom, line.bottom) - Math.max(row.top, line.top);
    if (overlap > most) {
      most = overlap;
      best = row;
    }
  }
  return best;
}

const overlaps = (a: { top: number; bottom: number }, b: { top: number; bottom: number }) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;

/**
 * Put each label cell in its row. A cell level with a value line is that row's label; a cell
 * whose rows already have labels further right is a group label (三、本年度办理结果, （三）不予公开)
 * and goes to the first row of its group, as an HTML row-spanning cell would; a label with no
 * value line is a row of its own (a row left blank).
 */
function attachLabels(cells: LabelCell[], rows: Row[], headerRows: Row[], levels: number, fragments: Cell[]): void {
  const leafLevel = new Map<Row, number>();
  const byLevel = [...cells].sort((a, b) => b.level - a.level);
  const groups: LabelCell[] = [];
  for (const cell of byLevel) {
    const hit = rows.filter((row) => overlaps(row, cell));
    const free = hit.filter((row) => !leafLevel.has(row));
    if (hit.length > 0 && free.length === hit.length) {
      const row = closest(hit, cell);
      leafLevel.set(row, cell.level);
      row.cells.unshift(cell);
      continue;
    }
    const header = hit.length === 0 ? headerRows.find((row) => overlaps(row, cell)) : undefined;
    if (header) {
      header.cells.unshift(cell);
      continue;
    }
    if (hit.length > 0 || isBetweenLabelled(cell, rows, leafLevel)) {
      groups.push(cell);
      continue;
    }
    if (rows.length === 0 || cell.bottom <= (rows[0]?.top ?? Infinity)) {
      const row = headerRows.find((candidate) => overlaps(candidate, cell));
      if (row) row.cells.unshift(cell);
      else headerRows.push({ top: cell.top, bottom: cell.bottom, cells: [cell], label: true });
      continue;
    }
    const row: Row = { top: cell.top, bottom: cell.bottom, cells: [cell], label: true };
    rows.push(row);
    rows.sort((a, b) => a.top - b.top);
    leafLevel.set(row, cell.level);
  }
  for (const cell of groups) {
    // A group label cut to a character or two (vertical text the text layer kept only the start of) names nothing.
    if (splitOrdinal(normalizeText(cell.text)).body.length < 4) fragments.push(cell);
    else placeGroup(cell, rows, leafLevel);
  }
  for (const row of rows) {
    const leaf = row.cells.find((cell) => (cell as LabelCell).level !== undefined && (cell as LabelCell).level === leafLevel.get(row)) as LabelCell | undefined;
    if (leaf) leaf.colSpan = Math.max(levels - leaf.level, 1);
  }
}

function closest(rows: Row[], cell: { top: number; bottom: number }): Row {
  const center = (cell.top + cell.bottom) / 2;
  return [...rows].sort((a, b) => Math.abs((a.top + a.bottom) / 2 - center) - Math.abs((b.top + b.bottom) / 2 - center))[0]!;
}

function isBetweenLabelled(cell: LabelCell, rows: Row[], leafLevel: Map<Row, number>): boolean {
  const above = rows.filter((row) => row.bottom <= cell.top && (leafLevel.get(row) ?? -1) > cell.level);
  const below = rows.filter((row) => row.top >= cell.bottom && (leafLevel.get(row) ?? -1) > cell.level);
  return above.length > 0 && below.length > 0;
}

const STARTS_ONE = /^(?:[（(]一[）)]|1\s*[.、．,]|一[、,])/;

/** A group label opens at the first row of its run of sub-rows: walk up to the sub-row numbered 1. */
function placeGroup(cell: LabelCell, rows: Row[], leafLevel: Map<Row, number>): void {
  const sorted = [...rows].sort((a, b) => a.top - b.top);
  let index = sorted.findIndex((row) => row.bottom > cell.top);
  if (index < 0) index = sorted.length - 1;
  while (index > 0) {
    const row = sorted[index]!;
    const leaf = row.cells.find((c) => (c as LabelCell).level === leafLevel.get(row));
    if ((leafLevel.get(row) ?? -1) <= cell.level) {
      index += 1;
      break;
    }
    if (leaf && STARTS_ONE.test(normalizeText(leaf.text))) break;
    const previous = sorted[index - 1]!;
    if ((leafLevel.get(previous) ?? -1) <= cell.level) break;
    index -= 1;
  }
  const row = sorted[Math.min(index, sorted.length - 1)]!;
  row.cells.unshift(cell);
}

/** Header cells split over lines (商业 / 企业, 结果 / 维持) in the same columns become one cell. */
function mergeHeaderCells(rows: Row[]): void {
  const cells = rows.flatMap((row) => row.cells.filter((cell) => (cell as LabelCell).level === undefined).map((cell) => ({ cell, row })));
  cells.sort((a, b) => a.cell.top - b.cell.top);
  const merged = new Set<Cell>();
  const pitch = linePitch(cells.map(({ cell }) => cell));
  /** Top of the last line merged into a cell: the next line of the same cell sits one pitch below it. */
  const lastTop = new Map<Cell, number>();
  for (const { cell, row } of cells) {
    const size = cell.chunks[0]?.size ?? 1;
    // A piece over fewer columns than the cell above, further below it than a line's pitch (the
    // rows' padding between), is a sub-header (结 / 果 / 纠 / 正 under 未经复议直接起诉), not its next line.
    const subHeader = (upper: Cell) => cell.colSpan < upper.colSpan && cell.top - (lastTop.get(upper) ?? upper.top) > pitch + size * 0.1;
    const target = cells.find(({ cell: upper }) => upper !== cell && !merged.has(upper) && upper.top < cell.top && !subHeader(upper)
      && (cell.x0 + cell.x1) / 2 >= upper.x0 - size * 0.5 && (cell.x0 + cell.x1) / 2 <= upper.x1 + size * 0.5
      && cell.x1 - cell.x0 <= upper.x1 - upper.x0 + size * 0.5
      && cell.top - upper.bottom <= size * 3 && cell.top - upper.bottom >= -size * 0.2
      && !cells.some(({ cell: other }) => other !== cell && other !== upper && !merged.has(other) && other.x1 > cell.x0 && other.x0 < cell.x1 && other.top > upper.top && other.top < cell.top));
    if (!target) continue;
    target.cell.text = `${target.cell.text}${cell.text}`;
    target.cell.bottom = cell.bottom;
    target.cell.x1 = Math.max(target.cell.x1, cell.x1);
    target.cell.chunks.push(...cell.chunks);
    lastTop.set(target.cell, cell.top);
    row.cells.splice(row.cells.indexOf(cell), 1);
    merged.add(cell);
  }
  spanHeaders(cells.map(({ cell }) => cell).filter((cell) => !merged.has(cell)));
}

/** The header's line pitch: the least top-to-top distance between pieces stacked over each other. */
function linePitch(cells: Cell[]): number {
  const byTop = [...cells].sort((a, b) => a.top - b.top);
  let pitch = Infinity;
  byTop.forEach((cell, i) => {
    const size = cell.chunks[0]?.size ?? 1;
    // Only the few pieces just above can be a line up: a bounded look back keeps this linear.
    for (let j = i - 1; j >= Math.max(0, i - 64) && cell.top - byTop[j]!.top < size * 4; j -= 1) {
      const other = byTop[j]!;
      const step = cell.top - other.top;
      if (step >= size * 0.9 && step < pitch && other.x1 > cell.x0 && other.x0 < cell.x1) pitch = step;
    }
  });
  return pitch;
}

/**
 * A header cell spans the value columns on either side of it that hold no other header cell level
 * with it (行政复议 over its five columns, 申请人情况 over all seven); cells that wrap level with
 * a neighbour's deeper header stop there.
 */
function spanHeaders(cells: Cell[]): void {
  const level = (a: Cell, b: Cell) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;
  const maxCol = Math.max(...cells.map((cell) => cell.col + cell.colSpan - 1), VALUE_COL);
  const occupied = (col: number, cell: Cell) => cells.some((other) => other !== cell && other.col <= col && other.col + other.colSpan - 1 >= col && level(other, cell));
  const hasBelow = (col: number, cell: Cell) => cells.some((other) => other.top >= cell.bottom && other.col <= col && other.col + other.colSpan - 1 >= col);
  for (const cell of [...cells].sort((a, b) => a.top - b.top)) {
    let first = cell.col;
    let last = cell.col + cell.colSpan - 1;
    while (last < maxCol && !occupied(last + 1, cell) && hasBelow(last + 1, cell)) last += 1;
    while (first > VALUE_COL && !occupied(first - 1, cell) && hasBelow(first - 1, cell)) first -= 1;
    cell.col = first;
    cell.colSpan = last - first + 1;
  }
}
