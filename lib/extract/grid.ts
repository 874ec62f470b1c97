/**
 * HTML table → grid with rowspan/colspan resolved. Each slot points back to its cell and says
 * whether it is the cell's origin; impossible spans are recorded as anomalies, not repaired silently.
 */

import { childElements, tagOf, type ElementLike } from './dom';

export interface GridCell<E extends ElementLike = ElementLike> {
  element: E;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Slot {
  cell: number;
  origin: boolean;
}

export interface Grid<E extends ElementLike = ElementLike> {
  cells: GridCell<E>[];
  slots: (Slot | null)[][];
  anomalies: string[];
}

export const MAX_COLSPAN = 1000;
/** Spans past this many slots on one page are not expanded (a hostile page must not exhaust memory or time). */
export const MAX_SLOTS_PER_PAGE = 2_000_000;

/** The slots a page may still expand into: one budget shared by all of its tables. */
export interface SlotBudget {
  left: number;
}

export function pageBudget(): SlotBudget {
  return { left: MAX_SLOTS_PER_PAGE };
}

function readSpan(element: ElementLike, name: 'rowspan' | 'colspan', anomalies: string[], where: string): number | 0 {
  const attr = element.getAttribute(name);
  if (attr === null) return 1;
  const value = Number.parseInt(attr, 10);
  if (Number.isNaN(value) || value < 0) {
    anomalies.push(`${where}: ${name}="${attr.slice(0, 20)}" is not a valid span; read as 1`);
    return 1;
  }
  if (value === 0 && name === 'colspan') {
    anomalies.push(`${where}: colspan="0" read as 1`);
    return 1;
  }
  return value;
}

/** The rows of this table itself, not of tables nested in its cells. */
export function tableRows<E extends ElementLike>(table: E): E[] {
  const rows: E[] = [];
  for (const child of childElements(table) as E[]) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (const row of childElements(child) as E[]) if (tagOf(row) === 'tr') rows.push(row);
    }
  }
  return rows;
}

function rowCells<E extends ElementLike>(row: E): E[] {
  return (childElements(row) as E[]).filter((cell) => {
    const tag = tagOf(cell);
    return tag === 'td' || tag === 'th';
  });
}

/** `budget` is shared by the page's tables, so a hundred small tables cannot each expand two million slots. */
export function buildGrid<E extends ElementLike>(table: E, budget: SlotBudget = pageBudget()): Grid<E> {
  const rows = tableRows(table);
  const cells: GridCell<E>[] = [];
  const slots: (Slot | null)[][] = rows.map(() => []);
  const anomalies: string[] = [];

  rows.forEach((row, r) => {
    let col = 0;
    for (const element of rowCells(row)) {
      const where = `row ${r + 1}`;
      while (slots[r]![col]) col += 1;
      let rowSpan = readSpan(element, 'rowspan', anomalies, where);
      let colSpan = readSpan(element, 'colspan', anomalies, where);
      const remaining = rows.length - r;
      if (rowSpan === 0) rowSpan = remaining;
      if (rowSpan > remaining) {
        anomalies.push(`${where}: rowspan=${rowSpan} runs past the table's ${rows.length} rows`);
        rowSpan = remaining;
      }
      if (colSpan > MAX_COLSPAN) {
        anomalies.push(`${where}: colspan=${colSpan} clamped to ${MAX_COLSPAN}`);
        colSpan = MAX_COLSPAN;
      }
      if (rowSpan * colSpan > 1 && rowSpan * colSpan > budget.left) {
        anomalies.push(`${where}: spans not expanded, the page's tables are too large`);
        rowSpan = 1;
        colSpan = 1;
      }
      budget.left -= rowSpan * colSpan;
      const index = cells.push({ element, row: r, col, rowSpan, colSpan }) - 1;
      const spanned: Slot = { cell: index, origin: false }; // one object for all of a cell's spanned slots
      for (let dr = 0; dr < rowSpan; dr += 1) {
        for (let dc = 0; dc < colSpan; dc += 1) {
          const line = slots[r + dr]!;
          if (line[col + dc]) {
            anomalies.push(`row ${r + dr + 1}, column ${col + dc + 1}: cells overlap; the earlier cell is kept`);
            continue;
          }
          line[col + dc] = dr === 0 && dc === 0 ? { cell: index, origin: true } : spanned;
        }
      }
      col += colSpan;
    }
  });
  return { cells, slots, anomalies };
}

/** Draw the grid in ASCII, one letter per cell (origin upper case, spanned slots lower case). */
export function drawGrid(grid: Grid): string {
  const letter = (n: number) => String.fromCharCode(65 + (n % 26));
  return grid.slots
    .map((line) => Array.from(line, (slot) => (slot ? (slot.origin ? letter(slot.cell) : letter(slot.cell).toLowerCase()) : '.')).join(''))
    .join('\n');
}
