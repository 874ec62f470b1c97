/**
 * A worksheet sized for reading, opened in Excel, WPS or LibreOffice and printed: column widths, wrapped
 * text, row heights tall enough for the wrapped lines, frozen header rows (and label columns), a print
 * area on A4, landscape and fitted to the page width where the table is wide, header rows repeated on
 * every printed page. Without this, the template sheets opened with every row label overlapping the
 * next cell (issue 23). Neither Excel nor LibreOffice grows a row for a merged cell's wrapped text, so
 * the heights are set here, from the text, by the same measure the widths use.
 */
import type { Worksheet } from 'exceljs';

/** Display width in spreadsheet units (the width of a “0”): a Chinese character or full-width sign takes two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return width;
}

/** How many lines `text` wraps into in a column `width` units wide (one more unit is the cell's padding). */
export function linesIn(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/** Points per line of 11-point text, as Excel and LibreOffice draw it, with the cell's top and bottom padding. */
const LINE = 15;
const PADDING = 3;
export const heightFor = (lines: number): number => lines * LINE + PADDING;

/** A4 portrait holds about this many width units at 100 %; wider tables print landscape, fitted to the page width. */
const PORTRAIT_UNITS = 90;

export const HEADER_FILL = 'FFEDEDED';
const THIN = { style: 'thin' } as const;
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export interface PageOptions {
  /** Rows at the top frozen on screen and repeated on every printed page (0 for none). */
  headerRows: number;
  /** Columns at the left frozen on screen (the row labels). */
  labelColumns?: number;
  /** The whole sheet on one page (a template table, as the template prints it); else as many pages down as the rows need. */
  onePage?: boolean;
  /** The first row of the printed table (a title row above the header rows is printed but not repeated). */
  firstRow?: number;
  lastRow: number;
  lastColumn: number;
}

/** Frozen panes, print area, A4, landscape and fit-to-width when the columns need it. */
export function setPage(sheet: Worksheet, options: PageOptions): void {
  const first = options.firstRow ?? 1;
  const frozenRows = options.headerRows ? first - 1 + options.headerRows : 0;
  sheet.views = [{ state: 'frozen', xSplit: options.labelColumns ?? 0, ySplit: frozenRows, activeCell: 'A1' }];
  let units = 0;
  for (let c = 1; c <= options.lastColumn; c += 1) units += sheet.getColumn(c).width ?? 9;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: units > PORTRAIT_UNITS ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: options.onePage ? 1 : 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printArea: `A1:${columnLetter(options.lastColumn)}${Math.max(options.lastRow, 1)}`,
    ...(options.headerRows ? { printTitlesRow: `${first}:${frozenRows}` } : {}),
  };
}

export interface ListColumn {
  /** Widest the column may grow to (its text wraps beyond); the narrowest is `min`. */
  max: number;
  min?: number;
}

/**
 * A list sheet (one header row, then records): widths from the content within each column's bounds,
 * every cell wrapped and top-aligned, the header bold on grey, heights from the wrapped lines.
 */
export function shapeList(sheet: Worksheet, columns: readonly ListColumn[], headerRow: number): void {
  const lastRow = sheet.rowCount;
  columns.forEach((bounds, i) => {
    const column = sheet.getColumn(i + 1);
    let widest = 0;
    column.eachCell({ includeEmpty: false }, (cell, row) => {
      if (row < headerRow) return;
      // A header wraps onto two or three lines rather than widening a column of short values.
      const width = displayWidth(cellText(cell.value)) + 2;
      widest = Math.max(widest, row === headerRow ? Math.min(width, 8) : width);
    });
    column.width = Math.min(bounds.max, Math.max(bounds.min ?? 6, widest));
  });
  for (let r = headerRow; r <= lastRow; r += 1) {
    const row = sheet.getRow(r);
    let lines = 1;
    for (let c = 1; c <= columns.length; c += 1) {
      const cell = row.getCell(c);
      // An address has no place to break (LibreOffice will not cut it): one line, cut at the cell's edge, the link whole.
      const link = typeof cell.value === 'object' && cell.value !== null && 'hyperlink' in cell.value;
      cell.alignment = { wrapText: !link, vertical: r === headerRow ? 'middle' : 'top', horizontal: r === headerRow ? 'center' : undefined };
      cell.border = BORDER;
      if (!link) lines = Math.max(lines, linesIn(cellText(cell.value), sheet.getColumn(c).width ?? 9));
    }
    row.height = heightFor(lines);
  }
  const header = sheet.getRow(headerRow);
  header.font = { bold: true };
  for (let c = 1; c <= columns.length; c += 1) header.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  setPage(sheet, { headerRows: 1, firstRow: headerRow, lastRow, lastColumn: columns.length });
}

/** The text a cell shows: a number as written, a link by its text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (typeof value === 'object' && 'richText' in value) return (value as { richText: { text: string }[] }).richText.map((part) => part.text).join('');
  return String(value);
}
