/**
 * The shapes the document table reader passes between its steps, from text runs and drawn rules at
 * their places on the page to table cells. Coordinates are top-left-origin: PDF points for a PDF, a
 * text dump's character columns and lines for space-aligned text.
 */

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

/** Where something sits on its page: the box part of a text chunk. */
export type Frame = Pick<Chunk, 'page' | 'x0' | 'x1' | 'top' | 'bottom'>;

/**
 * A drawn rule of a page (a table border), in top-left-origin points: horizontal at y = `at` from
 * x = `from` to `to`, or vertical at x = `at` from y = `from` to `to`.
 */
export interface Segment {
  page: number;
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

/** A line of text: the chunks level with each other, left to right. */
export interface Line {
  chunks: Chunk[];
  page: number;
  /** Virtual y across the pages of a continued table: pages stacked with their gaps removed. */
  top: number;
  bottom: number;
  size: number;
  /** Reading order of the line in the document: a token's `src`. */
  order: number;
  /** How far page stacking moved this line from its page's y. */
  shift: number;
}

/** What a cell's text is, as the reader tells it: a number, or a label that opens a row (一、 （三） 1.). */
export interface TextKinds {
  numeric: (text: string) => boolean;
  opensRow: (text: string) => boolean;
}

/**
 * One cell of a table read from a document, drawn or borderless: its grid slot and spans, its
 * text's chunks, and its frame on the page where it starts (page coordinates, never stacked).
 */
export interface TableCell extends Frame {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  chunks: Chunk[];
}

/** A table read from a document: its cells, row by row, and its grid's size. */
export interface ReadTable {
  cells: TableCell[];
  rows: number;
  columns: number;
}
