/**
 * An evidence clip of a wrong cell (issue 21): the cell as the page showed it, with its column's
 * header above and its row's label at its left, cut from screenshots of the tab and put together
 * in a small grid, so that the memo shows what the page said without the whole table. Pure
 * geometry; the content script finds the elements, the popup captures and draws.
 */
import type { Report, TableKey } from '../model/report';
import { normalizeText } from '../extract/normalize';
import { columnDef } from '../template/model';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The most of a row label and of a header the clip keeps (CSS pixels): enough to read, never the whole table. */
export const MAX_LABEL_WIDTH = 220;
export const MAX_HEADER_WIDTH = 200;
export const MAX_PIECE_HEIGHT = 48;
const PAD = 3;

const squeeze = (text: string) => normalizeText(text).replace(/\s+/g, '');

/** The text blocks that read as the column's header in the template's words (自然人, 总计 …). */
export function headerSources(report: Pick<Report, 'format' | 'texts'>, table: TableKey, column: string): number[] {
  const def = columnDef(report.format, table, column);
  if (!def) return [];
  const names = new Set([def.label, ...(def.variants ?? [])].map(squeeze));
  return report.texts.filter((block) => block.src !== null && names.has(squeeze(block.text))).map((block) => block.src!);
}

/** Of the candidates, the header standing over the cell: across its middle, above it, the nearest. */
export function headerAbove(cell: Rect, candidates: readonly { src: number; rect: Rect }[]): number | null {
  const middle = cell.x + cell.w / 2;
  const over = candidates.filter(({ rect }) => rect.x <= middle && rect.x + rect.w >= middle && rect.y + rect.h <= cell.y + 2);
  over.sort((a, b) => b.rect.y + b.rect.h - (a.rect.y + a.rect.h));
  return over[0]?.src ?? null;
}

/** The part of a rect inside the viewport, or null when none of it is. */
export function inView(rect: Rect, view: { w: number; h: number }): Rect | null {
  const x = Math.max(rect.x, 0);
  const y = Math.max(rect.y, 0);
  const right = Math.min(rect.x + rect.w, view.w);
  const bottom = Math.min(rect.y + rect.h, view.h);
  return right - x >= 1 && bottom - y >= 1 ? { x, y, w: right - x, h: bottom - y } : null;
}

export const fullyInView = (rect: Rect, view: { w: number; h: number }) =>
  rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= view.w && rect.y + rect.h <= view.h;

const padded = (rect: Rect): Rect => ({ x: rect.x - PAD, y: rect.y - PAD, w: rect.w + 2 * PAD, h: rect.h + 2 * PAD });

/** A band of a rect at most `height` tall, around its middle: a cell's padding and blank lines are not evidence. */
function middleBand(rect: Rect, height: number): Rect {
  const h = Math.min(rect.h, height);
  return { x: rect.x, y: rect.y + (rect.h - h) / 2, w: rect.w, h };
}

/** The cell: its full width, the middle of its height (as tall as its row label's text needs). */
export function cellPiece(cell: Rect, row: Rect | null): Rect {
  const band = middleBand(cell, MAX_PIECE_HEIGHT);
  if (!row) return band;
  const top = Math.max(cell.y, Math.min(band.y, row.y));
  const bottom = Math.min(cell.y + cell.h, Math.max(band.y + band.h, row.y + row.h));
  return { x: cell.x, y: top, w: cell.w, h: bottom - top };
}

/**
 * The row label's text beside the cell (cut to the cell's height, its start kept where it is long),
 * or null where the label is not beside the cell (a flat table names its row above: a header then).
 */
export function rowPiece(rowText: Rect, cell: Rect): Rect | null {
  const text = padded(rowText);
  const y = Math.max(text.y, cell.y);
  const bottom = Math.min(text.y + text.h, cell.y + cell.h, y + MAX_PIECE_HEIGHT * 2);
  if (bottom - y < 1 || text.x >= cell.x) return null;
  return { x: text.x, y, w: Math.min(text.w, MAX_LABEL_WIDTH, cell.x - text.x), h: bottom - y };
}

/** A header's text above the cell: its middle kept where it is wide or tall. */
export function headerPiece(headerText: Rect, cell: Rect): Rect | null {
  const text = padded(headerText);
  if (text.y + text.h > cell.y + PAD + 1) return null;
  const w = Math.min(text.w, Math.max(cell.w, MAX_HEADER_WIDTH));
  return middleBand({ x: text.x + (text.w - w) / 2, y: text.y, w, h: text.h }, MAX_PIECE_HEIGHT);
}

export interface Piece {
  from: Rect;
  to: Rect;
}

/**
 * Where each piece goes in the clip: the headers stacked above the cell and centred over it, the row
 * label at its left, level with the cell as on the page.
 */
export function clipLayout(cell: Rect, row: Rect | null, above: readonly Rect[]): { width: number; height: number; cell: Piece; row: Piece | null; above: Piece[] } {
  const left = row ? row.w : 0;
  const top = above.reduce((sum, piece) => sum + piece.h, 0);
  const wide = Math.max(cell.w, ...above.map((piece) => piece.w));
  const cellX = left + (wide - cell.w) / 2;
  const pieces: Piece[] = [];
  let y = 0;
  for (const piece of above) {
    pieces.push({ from: piece, to: { x: cellX + (cell.w - piece.w) / 2, y, w: piece.w, h: piece.h } });
    y += piece.h;
  }
  return {
    width: Math.ceil(left + wide),
    height: Math.ceil(top + cell.h),
    cell: { from: cell, to: { x: cellX, y: top, w: cell.w, h: cell.h } },
    row: row ? { from: row, to: { x: 0, y: top + (row.y - cell.y), w: row.w, h: row.h } } : null,
    above: pieces,
  };
}
