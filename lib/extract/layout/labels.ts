/**
 * Labels and headers of a borderless table: row labels, sub-labels and group labels joined from
 * their wrapped lines into cells and put in their rows (a group label at the first row of its group,
 * as an HTML row-spanning cell), header pieces split over lines merged and spread over the columns
 * they head.
 */
import { normalizeText } from '../normalize';
import { chain, overlap } from './cluster';
import { namesNothing, OPENS_CELL, ORDINAL, STARTS_ONE } from './kinds';
import type { LayoutSettings } from './settings';
import type { Chunk, Frame, Line } from './types';

/** Value cells are numbered from here until the label columns are known. */
export const VALUE_COL = 1000;

/** A cell of a borderless table as it is built: `top`/`bottom` on the stacked axis, `pageTop`/`pageBottom` on its page. */
export interface Cell extends Frame {
  text: string;
  pageTop: number;
  pageBottom: number;
  col: number;
  colSpan: number;
  chunks: Chunk[];
}

export interface Row {
  top: number;
  bottom: number;
  cells: Cell[];
  label: boolean;
}

/** Label columns by left edge: row labels, sub-labels and group labels start at their own x. */
export function labelColumns(chunks: Chunk[], settings: LayoutSettings): number[] {
  const starts = [...chunks].sort((a, b) => a.x0 - b.x0);
  return chain(starts, (chunk) => chunk.x0, (chunk) => chunk.x0, (chunk) => chunk.size * settings.stream.labelTolerance).map((run) => run[0]!.x0);
}

function labelColumnOf(chunk: Chunk, columns: number[], settings: LayoutSettings): number {
  let best = 0;
  columns.forEach((x, c) => {
    if (x <= chunk.x0 + chunk.size * settings.stream.labelIndent) best = c;
  });
  return best;
}

export interface LabelCell extends Cell {
  /** Label column (0 = leftmost). */
  level: number;
  lines: Line[];
}

/** Join the label lines of each label column into cells: wrapped lines join, an ordinal or a gap starts a new cell. */
export function labelCells(entries: { chunk: Chunk; line: Line }[], columns: number[], rows: Row[], headerRows: Row[], settings: LayoutSettings): LabelCell[] {
  const { wrapGap, paragraphGap, labelReach } = settings.stream;
  const cells: LabelCell[] = [];
  const open = new Map<number, LabelCell>();
  // The row or header row a line belongs to: the one its band overlaps by half the line's height.
  const bands = [...rows, ...headerRows];
  const rowAt = (line: Line) => bands.find((row) => overlap(row, line) >= settings.text.lineOverlap * (line.bottom - line.top)) ?? null;
  // Space taken by value lines (of rows whose labels are centred on them) does not part a label's lines.
  const valuesBetween = (top: number, bottom: number) => rows
    .reduce((sum, row) => sum + Math.max(0, Math.min(row.bottom, bottom) - Math.max(row.top, top)), 0);
  for (const { chunk, line } of entries) {
    // A centred wrapped label's next line starts further right: it continues the open cell above it.
    const centre = (chunk.x0 + chunk.x1) / 2;
    const above = [...open.values()].filter((cell) => !cell.lines.includes(line) && centre >= cell.x0 - chunk.size * labelReach && centre <= cell.x1 + chunk.size * labelReach
      && line.top - cell.bottom - valuesBetween(cell.bottom, line.top) <= wrapGap * chunk.size && line.top >= cell.bottom - 0.01);
    const level = above.length > 0 && !OPENS_CELL.test(normalizeText(chunk.text)) ? Math.max(...above.map((cell) => cell.level)) : labelColumnOf(chunk, columns, settings);
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
    const deeper = entries.some((entry) => entry.line.top < line.bottom && entry.line.bottom > line.top && labelColumnOf(entry.chunk, columns, settings) > level);
    const opens = OPENS_CELL.test(normalizeText(chunk.text)) && !(current?.text.endsWith('第'));
    // Only a numbered cell's lines, or an unfinished one's (第二十条第 / （五）项), may part by a
    // paragraph's space: an unnumbered line cannot open a cell among numbered ones.
    const unfinished = current !== undefined && (ORDINAL.test(normalizeText(current.text)) || current.text.endsWith('第'));
    const reach = unfinished ? Math.max(paragraphGap, wrapGap) : wrapGap;
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

const overlaps = (a: { top: number; bottom: number }, b: { top: number; bottom: number }) => overlap(a, b) > 0;

/**
 * Put each label cell in its row. A cell level with a value line is that row's label; a cell
 * whose rows already have labels further right is a group label (三、本年度办理结果, （三）不予公开)
 * and goes to the first row of its group, as an HTML row-spanning cell would; a label with no
 * value line is a row of its own (a row left blank).
 */
export function attachLabels(cells: LabelCell[], rows: Row[], headerRows: Row[], levels: number, fragments: Cell[]): void {
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
    if (namesNothing(cell.text, false)) fragments.push(cell);
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
export function mergeHeaderCells(rows: Row[], settings: LayoutSettings): void {
  const { headers } = settings;
  const cells = rows.flatMap((row) => row.cells.filter((cell) => (cell as LabelCell).level === undefined).map((cell) => ({ cell, row })));
  cells.sort((a, b) => a.cell.top - b.cell.top);
  const merged = new Set<Cell>();
  const pitch = linePitch(cells.map(({ cell }) => cell), settings);
  /** Top of the last line merged into a cell: the next line of the same cell sits one pitch below it. */
  const lastTop = new Map<Cell, number>();
  for (const { cell, row } of cells) {
    const size = cell.chunks[0]?.size ?? 1;
    // A piece over fewer columns than the cell above, further below it than a line's pitch (the
    // rows' padding between), is a sub-header (结 / 果 / 纠 / 正 under 未经复议直接起诉), not its next line.
    const subHeader = (upper: Cell) => cell.colSpan < upper.colSpan && cell.top - (lastTop.get(upper) ?? upper.top) > pitch + size * headers.pitchSlack;
    const target = cells.find(({ cell: upper }) => upper !== cell && !merged.has(upper) && upper.top < cell.top && !subHeader(upper)
      && (cell.x0 + cell.x1) / 2 >= upper.x0 - size * headers.reach && (cell.x0 + cell.x1) / 2 <= upper.x1 + size * headers.reach
      && cell.x1 - cell.x0 <= upper.x1 - upper.x0 + size * headers.reach
      && cell.top - upper.bottom <= size * headers.lineGap && cell.top - upper.bottom >= -size * headers.overlap
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
function linePitch(cells: Cell[], settings: LayoutSettings): number {
  const { pitchLeast, pitchMost, pitchLookBack } = settings.headers;
  const byTop = [...cells].sort((a, b) => a.top - b.top);
  let pitch = Infinity;
  byTop.forEach((cell, i) => {
    const size = cell.chunks[0]?.size ?? 1;
    // Only the few pieces just above can be a line up: a bounded look back keeps this linear.
    for (let j = i - 1; j >= Math.max(0, i - pitchLookBack) && cell.top - byTop[j]!.top < size * pitchMost; j -= 1) {
      const other = byTop[j]!;
      const step = cell.top - other.top;
      if (step >= size * pitchLeast && step < pitch && other.x1 > cell.x0 && other.x0 < cell.x1) pitch = step;
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
