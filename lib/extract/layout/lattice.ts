/**
 * The drawn-table (lattice) reader: a table's rules, over one page or several, make a grid; its
 * slots joined wherever the rule between them is not drawn make cells, as an HTML table's spanning
 * cells; the text inside each cell is its text, whatever its lines' positions.
 */
import { levels } from './cluster';
import { lineIndex, lines, slotIndex, type RuleGroup } from './edges';
import { splitRuns } from './page';
import { stackPages } from './regions';
import { PDF_SETTINGS, type LayoutSettings } from './settings';
import type { Chunk, ReadTable, Segment, TableCell, TextKinds } from './types';

interface Grid {
  xs: number[];
  ys: number[];
  columns: number;
  rows: number;
  vertical: Map<number, Segment[]>;
  horizontal: Map<number, Segment[]>;
  /** The chunks in each slot, row by row. */
  slots: Chunk[][];
  /** Page-foot rules to read as not drawn: `${line}:${column}`. */
  open: Set<string>;
  /** Each page's offset in the stacked y axis. */
  offsets: Map<number, number>;
  groups: readonly RuleGroup[];
  settings: LayoutSettings;
}

/**
 * One table from the rule groups of its pages (a table continued over a page break comes as
 * several groups, stacked so the bottom of one page meets the top of the next) and the chunks
 * inside them. Cells are the grid's slots joined wherever the rule between them is not drawn, as a
 * row- or column-spanning HTML cell; each cell's text is its chunks in reading order, so a wrapped,
 * centred or one-character-per-line label is one cell whatever its lines' positions.
 * Null when the rules make no grid a report table could have.
 */
export function ruledTable(groups: readonly RuleGroup[], chunks: readonly Chunk[], kinds: TextKinds, settings: LayoutSettings = PDF_SETTINGS): ReadTable | null {
  const { lattice } = settings;
  const offsets = stackPages(groups, () => 0);
  const at = (page: number) => offsets.get(page) ?? 0;
  const shifted = groups.flatMap((group) => group.segments.map((s) => (s.horizontal ? { ...s, at: s.at + at(s.page) } : { ...s, from: s.from + at(s.page), to: s.to + at(s.page) })));
  // A table the page clips at its right edge draws row rules on past its last column rule (上海 2019 in
  // portrait): what lies between is a column of its own, never the last drawn column's.
  const xs = withEdges(lines(shifted, false, lattice), groups.flatMap((group) => [group.x0, group.x1]), lattice);
  // A page's part of a table ends where its rules end, drawn or not (Chromium draws no border where a page breaks a cell).
  const ys = withEdges(lines(shifted, true, lattice), groups.flatMap((group) => [group.top + at(group.page), group.bottom + at(group.page)]), lattice);
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  if (columns < 1 || rows < 1 || columns * rows > lattice.maxSlots) return null;
  const grid: Grid = {
    xs, ys, columns, rows, offsets, groups, settings,
    vertical: byLine(shifted.filter((s) => !s.horizontal), xs, lattice),
    horizontal: byLine(shifted.filter((s) => s.horizontal), ys, lattice),
    slots: Array.from({ length: rows * columns }, () => []),
    open: new Set(),
  };
  for (const chunk of chunks.flatMap((c) => splitAcrossRules(c, grid))) {
    const y = (chunk.top + chunk.bottom) / 2 + at(chunk.page);
    const x = (chunk.x0 + chunk.x1) / 2;
    // Text at the table's outline (inked a little past a border) is the outer cell's.
    const r = Math.max(Math.min(slotIndex(ys, y), rows - 1), 0);
    const c = Math.max(Math.min(slotIndex(xs, x), columns - 1), 0);
    grid.slots[r * columns + c]!.push(chunk);
  }
  // Page breaks: the rule a page draws at its foot is no border when a row or a cell goes on below it.
  const seams = groups.slice(1).map((group) => lineIndex(ys, group.top + at(group.page), lattice)).filter((k) => k > 0 && k < rows);
  if (seams.length > 0) openSeams(grid, seams, buildCells(grid), kinds);
  return { cells: buildCells(grid), rows, columns: grid.columns };
}

function drawn(rules: Segment[] | undefined, from: number, to: number, settings: LayoutSettings): boolean {
  const mid = (from + to) / 2;
  return (rules ?? []).some((s) => s.from - settings.lattice.sameLine <= mid && s.to + settings.lattice.sameLine >= mid);
}

/** Slots joined across undrawn rules into cells: first rightwards, then down across the whole width. */
function buildCells(grid: Grid): TableCell[] {
  const { xs, ys, columns, rows, settings } = grid;
  const owner: number[] = new Array<number>(rows * columns).fill(-1);
  const cells: TableCell[] = [];
  const closedBelow = (k: number, col: number) => !grid.open.has(`${k}:${col}`) && drawn(grid.horizontal.get(k), xs[col]!, xs[col + 1]!, settings);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      if (owner[r * columns + c]! >= 0) continue;
      let colSpan = 1;
      while (c + colSpan < columns && owner[r * columns + c + colSpan]! < 0 && !drawn(grid.vertical.get(c + colSpan), ys[r]!, ys[r + 1]!, settings)) colSpan += 1;
      let rowSpan = 1;
      const openBelow = (k: number) => Array.from({ length: colSpan }, (_, dc) => c + dc).every((col) => owner[k * columns + col]! < 0 && !closedBelow(k, col));
      while (r + rowSpan < rows && openBelow(r + rowSpan)) rowSpan += 1;
      const cell = frame(grid, r, c, rowSpan, colSpan);
      for (let dr = 0; dr < rowSpan; dr += 1) {
        for (let dc = 0; dc < colSpan; dc += 1) {
          owner[(r + dr) * columns + c + dc] = cells.length;
          cell.chunks.push(...grid.slots[(r + dr) * columns + c + dc]!);
        }
      }
      cell.text = cellText(cell.chunks, grid);
      cells.push(cell);
    }
  }
  return cells;
}

/**
 * Where a page break cut the table, decide per column whether the rule at the page's foot ends the
 * cell above. A cell goes on across the break only into a cell of the same columns; a whole row
 * does when its second part opens no new row (一、 （三） 1.) and no number meets text (a number is
 * never half of a cell); a label cell does when its part below is empty, or when it spans rows
 * on either side and its text goes on below (a group label: （五）不予处理 over a page break, （四）无 | 法提供).
 */
function openSeams(grid: Grid, seams: number[], cells: TableCell[], kinds: TextKinds): void {
  const head = new Set(cells.filter((cell) => cell.row === 0 && cell.text !== '').map((cell) => `${cell.col} ${cell.text}`));
  for (const seam of seams) {
    const above = cells.filter((cell) => cell.row + cell.rowSpan === seam);
    const below = cells.filter((cell) => cell.row === seam);
    // A header row repeated at the head of the page (an HTML <thead>) begins nothing new and continues nothing.
    const filled = below.filter((cell) => cell.text !== '');
    if (filled.length > 0 && filled.every((cell) => head.has(`${cell.col} ${cell.text}`))) continue;
    const across = below.map((lower) => ({ lower, upper: above.find((cell) => cell.col === lower.col && cell.colSpan === lower.colSpan) }));
    const joinable = ({ lower, upper }: { lower: TableCell; upper?: TableCell }) => upper !== undefined
      && !(lower.text !== '' && upper.text !== '' && (kinds.numeric(lower.text) || kinds.numeric(upper.text)));
    const rowGoesOn = across.every(joinable) && !below.some((cell) => kinds.opensRow(cell.text));
    for (const { lower, upper } of across) {
      const labelGoesOn = upper !== undefined && upper.text !== '' && !kinds.numeric(upper.text)
        && (lower.text === '' || (isGroupLabel(upper, lower) && !kinds.numeric(lower.text) && !kinds.opensRow(lower.text)));
      if (!rowGoesOn && !labelGoesOn) continue;
      for (let col = lower.col; col < lower.col + lower.colSpan; col += 1) grid.open.add(`${seam}:${col}`);
    }
  }
}

/** A cell spanning rows on either side of the break: a group label (（四）无 | 法提供), never one row's label. */
const isGroupLabel = (upper: TableCell, lower: TableCell) => upper.rowSpan > 1 || lower.rowSpan > 1;

/** A chunk that runs across a drawn column rule holds several cells' text (pdf.js joins runs set close together, with a space between). */
function splitAcrossRules(chunk: Chunk, grid: Grid): Chunk[] {
  if (!/\S\s+\S/.test(chunk.text)) return [chunk];
  const { crossing } = grid.settings.lattice;
  const y = (chunk.top + chunk.bottom) / 2 + (grid.offsets.get(chunk.page) ?? 0);
  const r = slotIndex(grid.ys, y);
  const crosses = grid.xs.some((x, k) => x > chunk.x0 + crossing && x < chunk.x1 - crossing && r >= 0 && r < grid.rows && drawn(grid.vertical.get(k), grid.ys[r]!, grid.ys[r + 1]!, grid.settings));
  return crosses ? splitRuns(chunk, 0, grid.settings) : [chunk];
}

/** Line positions with the given edges added where no line lies within `touch` of them. */
function withEdges(positions: number[], edges: number[], lattice: LayoutSettings['lattice']): number[] {
  const all = [...positions];
  for (const edge of edges) if (lineIndex(all.sort((a, b) => a - b), edge, lattice) < 0) all.push(edge);
  return all.sort((a, b) => a - b);
}

function byLine(segments: Segment[], positions: number[], lattice: LayoutSettings['lattice']): Map<number, Segment[]> {
  const map = new Map<number, Segment[]>();
  for (const s of segments) {
    const k = lineIndex(positions, s.at, lattice);
    if (k < 0) continue;
    const list = map.get(k);
    if (list) list.push(s);
    else map.set(k, [s]);
  }
  return map;
}

/** A cell's frame on the page where it starts (a cell cut by a page break is framed to that page's part). */
function frame(grid: Grid, row: number, col: number, rowSpan: number, colSpan: number): TableCell {
  const { xs, ys, groups, offsets } = grid;
  const stackedTop = ys[row]!;
  const group = groups.findLast((g) => g.top + offsets.get(g.page)! <= stackedTop + grid.settings.lattice.sameLine) ?? groups[0]!;
  const offset = offsets.get(group.page)!;
  return {
    row, col, rowSpan, colSpan, chunks: [], text: '', page: group.page,
    x0: xs[col]!, x1: xs[col + colSpan]!,
    top: stackedTop - offset, bottom: Math.min(ys[row + rowSpan]! - offset, group.bottom),
  };
}

/** A cell's chunks in reading order: lines top to bottom (chunks level with each other are one line), each left to right. */
function cellText(chunks: Chunk[], grid: Grid): string {
  const stacked = chunks.map((chunk) => ({ chunk, top: chunk.top + (grid.offsets.get(chunk.page) ?? 0), bottom: chunk.bottom + (grid.offsets.get(chunk.page) ?? 0) }));
  stacked.sort((a, b) => a.top - b.top || a.chunk.x0 - b.chunk.x0);
  return levels(stacked, grid.settings.text.lineOverlap, 1)
    .map((line) => line.items.map(({ chunk }) => chunk).sort((a, b) => a.x0 - b.x0).map((chunk) => chunk.text).join(''))
    .join('')
    .trim();
}
