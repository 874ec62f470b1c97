/**
 * The borderless (stream) reader: a table known only by its text's positions. Value lines anchor
 * the rows; numbers that line up make the value columns (a blank column found by its header);
 * labels and headers are joined into cells beside them (labels.ts).
 */
import { chain } from './cluster';
import { isNumber, isNumeric, OPENS_CELL } from './kinds';
import { attachLabels, labelCells, labelColumns, mergeHeaderCells, VALUE_COL, type Cell, type Row } from './labels';
import { normalizeText } from '../normalize';
import { stackPages, type StreamRegion } from './regions';
import type { LayoutSettings } from './settings';
import type { Chunk, Line, ReadTable, TableCell } from './types';

/**
 * Read a borderless table: its pages stacked into one y axis, its rows built, its cells given
 * their frames on their pages. Label pieces that name nothing (a group label cut to a character or
 * two) come back as `fragments`, for the prose.
 */
export function readStream(region: StreamRegion, settings: LayoutSettings): { table: ReadTable; fragments: string[] } {
  const offsets = stackPages(region.lines, (previous, next) => Math.min(previous.size, next.size) * settings.stream.stackGap);
  for (const line of region.lines) {
    const delta = offsets.get(line.page) ?? 0;
    if (delta === 0 || line.shift !== 0) continue;
    line.top += delta;
    line.bottom += delta;
    line.shift = delta;
  }
  const fragments: Cell[] = [];
  const rows = buildRows(region, settings, fragments);
  const cells: TableCell[] = rows.flatMap((row, r) => row.cells.map((cell) => ({
    text: cell.text, row: r, col: cell.col, rowSpan: 1, colSpan: cell.colSpan, chunks: cell.chunks,
    page: cell.page, x0: cell.x0, x1: cell.x1, top: cell.pageTop, bottom: cell.pageBottom,
  })));
  const columns = Math.max(0, ...cells.map((cell) => cell.col + cell.colSpan));
  return { table: { cells, rows: rows.length, columns }, fragments: fragments.map((cell) => cell.text) };
}

interface Column {
  x0: number;
  x1: number;
}

/** Value columns: numbers that overlap horizontally share a column, whatever their alignment. */
function clusterColumns(numbers: Chunk[]): Column[] {
  return overlapping(numbers).map((run) => extent(run));
}

/** Chunks that overlap across (sorted by x0, each joining the run it starts within) grouped. */
const overlapping = (chunks: Chunk[]) => chain([...chunks].sort((a, b) => a.x0 - b.x0), (chunk) => chunk.x0, (chunk) => chunk.x1, () => 0);
const extent = (chunks: Chunk[]): Column => ({ x0: Math.min(...chunks.map((c) => c.x0)), x1: Math.max(...chunks.map((c) => c.x1)) });

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
function valueColumns(table: StreamRegion, geometric: boolean, settings: LayoutSettings): { canonical: Column[]; byPage: Map<number, Column[]> } {
  const pages = new Map<number, Chunk[][]>();
  for (const line of table.lines) {
    // A line of values alone counts too: its label's lines sit above and below it.
    if (line.chunks.length < 2 && !isNumeric(line.chunks[0]!.text)) continue;
    // Columns come from numbers only: a none-mark alone (无) is as often the wrapped piece of a label (（四）无 / 法提供).
    pages.set(line.page, [...(pages.get(line.page) ?? []), line.chunks.filter((c) => isNumber(c.text))]);
  }
  const byPage = new Map<number, Column[]>();
  for (const [page, lines] of pages) byPage.set(page, fullRowColumns(lines) ?? clusterColumns(lines.flat()));
  // A text dump's header pieces sit on a coarse character grid, often beside their column's numbers: only real geometry tells a blank column.
  if (geometric) addBlankColumns(table, byPage, settings);
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
function addBlankColumns(table: StreamRegion, byPage: Map<number, Column[]>, settings: LayoutSettings): void {
  const first = table.lines.findIndex((line) => line.chunks.some((chunk) => isNumber(chunk.text)));
  if (first <= 0) return;
  const page = table.lines[first]!.page;
  const own = byPage.get(page);
  if (!own || own.length < 2) return;
  // The header may end a page whose next one holds the values: a PDF prints a table's columns at the same x on both.
  const header = table.lines.slice(0, first).flatMap((line) => line.chunks);
  const free = header.filter((chunk) => chunk.x0 >= own[0]!.x1 && chunk.x1 <= own[own.length - 1]!.x0 && !own.some((column) => chunk.x0 < column.x1 && chunk.x1 > column.x0));
  const stacks = overlapping(free).map((chunks) => ({ ...extent(chunks), chunks }));
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
    return right > 0 && centres[right]! - centres[right - 1]! >= step * settings.stream.blankColumnStep;
  };
  const blank = leaves.filter((stack) => !own.some((column) => stack.x0 < column.x1 && stack.x1 > column.x0) && inGap(stack));
  if (blank.length === 0) return;
  byPage.set(page, [...own, ...blank.map(({ x0, x1 }) => ({ x0, x1 }))].sort((a, b) => a.x0 - b.x0));
}


/** A table's rows: value lines anchor rows; label lines are joined into cells and attached to them. */
function buildRows(table: StreamRegion, settings: LayoutSettings, fragments: Cell[]): Row[] {
  const { canonical, byPage } = valueColumns(table, settings.boxes, settings);
  const labelChunks: { chunk: Chunk; line: Line }[] = [];
  const rows: Row[] = [];
  const headerRows: Row[] = [];
  let seenValues = false;
  for (const line of table.lines) {
    const columns = byPage.get(line.page) ?? canonical;
    const labelRight = (columns[0]?.x0 ?? Infinity) - 0.1;
    // On a line without values a header centred over a value column may start well left of its numbers (本年处理 over 550).
    const header = !line.chunks.some((chunk) => isNumeric(chunk.text));
    const values = line.chunks.filter((chunk) => (chunk.x0 + chunk.x1) / 2 > labelRight && (chunk.x0 >= labelRight - chunk.size * settings.stream.valueOverhang || header));
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
  const levels = labelColumns((openers.length > 0 ? openers : labelChunks).map((entry) => entry.chunk), settings);
  const cells = labelCells(labelChunks, levels, rows, headerRows, settings);
  attachLabels(cells, rows, headerRows, levels.length, fragments);
  const all = [...headerRows, ...rows].sort((a, b) => a.top - b.top);
  mergeHeaderCells(all.filter((row) => headerRows.includes(row)), settings);
  // Value columns come after the label columns in the grid.
  for (const row of all) {
    for (const cell of row.cells) if (cell.col >= VALUE_COL) cell.col = cell.col - VALUE_COL + levels.length;
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

