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
export const MAX_LABEL_WIDTH = 320;
export const MAX_HEADER_HEIGHT = 64;

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

/** The row label beside the cell: its height the cell's (a label spanning rows is cut to this row), its width bounded. */
export function rowPiece(row: Rect, cell: Rect): Rect | null {
  const y = Math.max(row.y, cell.y);
  const bottom = Math.min(row.y + row.h, cell.y + cell.h);
  if (bottom - y < 1) return null;
  return { x: row.x, y, w: Math.min(row.w, MAX_LABEL_WIDTH), h: bottom - y };
}

/** The header over the cell: its width the cell's (a header spanning columns is cut to this one), its lowest lines. */
export function headerPiece(header: Rect, cell: Rect): Rect | null {
  const x = Math.max(header.x, cell.x);
  const right = Math.min(header.x + header.w, cell.x + cell.w);
  if (right - x < 1) return null;
  const h = Math.min(header.h, MAX_HEADER_HEIGHT);
  return { x, y: header.y + header.h - h, w: right - x, h };
}

export interface Piece {
  from: Rect;
  to: Rect;
}

/** Where each piece goes in the clip: the header over the cell, the label at its left. */
export function clipLayout(cell: Rect, row: Rect | null, header: Rect | null): { width: number; height: number; cell: Rect; row: Piece | null; header: Piece | null } {
  const left = row ? row.w : 0;
  const top = header ? header.h : 0;
  const at = { x: left, y: top, w: cell.w, h: cell.h };
  return {
    width: Math.ceil(left + cell.w),
    height: Math.ceil(top + cell.h),
    cell: at,
    row: row ? { from: row, to: { x: 0, y: top, w: row.w, h: row.h } } : null,
    header: header ? { from: header, to: { x: left, y: 0, w: header.w, h: header.h } } : null,
  };
}
