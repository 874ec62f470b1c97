/**
 * The one way a table read from a document becomes tokens, whichever reader read it: a token per
 * cell, at its first slot, with its spans and, for a PDF, the box a viewer marks.
 */
import type { Box, TextBlock } from '../../model/report';
import { namesNothing } from './kinds';
import type { Token } from '../types';
import type { Chunk, ReadTable, TableCell } from './types';

/** Where the tokens of a table go: its number among the document's tables, its first row, and the reading order of its text. */
export interface EmitPlace {
  table: number;
  rowBase: number;
  /** The reading order of the table's first line: the `src` of a cell with no text. */
  first: number;
  order: Map<Chunk, number>;
  boxes: boolean;
}

/**
 * A table's cells as tokens. A numbered group label over rows cut to a character or two (三、本年:
 * vertical text the text layer kept only the start of) names nothing: it goes to the prose blocks,
 * its cell left blank.
 */
export function emitTable(table: ReadTable, place: EmitPlace, blocks: TextBlock[]): Token[] {
  return table.cells.map((cell) => {
    const src = cell.chunks[0] ? (place.order.get(cell.chunks[0]) ?? place.first) : place.first;
    const cut = cell.rowSpan > 2 && namesNothing(cell.text, true);
    if (cut) blocks.push({ text: cell.text, src });
    const token: Token = {
      text: cut ? '' : cell.text,
      src,
      row: place.rowBase + cell.row,
      pos: { table: place.table, col: cell.col, colSpan: cell.colSpan, rowSpan: cell.rowSpan },
    };
    if (place.boxes) token.box = boxOf(cell);
    return token;
  });
}

/** Where to mark a cell: around its text on its first page, or its frame when it holds none there. */
export function boxOf(cell: TableCell): Box {
  const own = cell.chunks.filter((chunk) => chunk.page === cell.page);
  const frame = own.length === 0 ? cell : {
    x0: Math.min(...own.map((c) => c.x0)), x1: Math.max(...own.map((c) => c.x1)),
    top: Math.min(...own.map((c) => c.top)), bottom: Math.max(...own.map((c) => c.bottom)),
  };
  return { page: cell.page, x: round(frame.x0), y: round(frame.top), w: round(frame.x1 - frame.x0), h: round(frame.bottom - frame.top) };
}

const round = (value: number) => Math.round(value * 10) / 10;
