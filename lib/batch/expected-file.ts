/**
 * A 应报清单 file as a 公开办 keeps it: an Excel workbook (its first sheet), or a CSV — which Excel on a
 * Chinese Windows saves in GBK unless told otherwise, so the bytes decide the encoding as a page's do
 * (lib/extract/decode.ts: a BOM, else UTF-8 if valid, else GB18030). The same call in the command line
 * (`--expected FILE`) and the batch view (a file the user picks).
 */
import { decode } from '../extract/decode';
import { csvCells, unitsFromTable, type ExpectedUnit } from './expected';

/** More rows than any county has units: a file past it is not a list of units. */
const MAX_ROWS = 5000;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Cell text of a workbook cell, whatever ExcelJS made of it (rich text, a formula's result, a hyperlink). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
  if (v.richText) return v.richText.map((part) => part.text).join('');
  if ('result' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text);
  return '';
}

async function workbookTable(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (table.length >= MAX_ROWS) return;
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    table.push(values.map(cellText));
  });
  return table;
}

/** The units a file lists; an empty list when it holds none (the caller says so). Throws only on a workbook that cannot be opened. */
export async function readExpected(bytes: Uint8Array): Promise<ExpectedUnit[]> {
  const table = isZip(bytes) ? await workbookTable(bytes) : csvCells(decode(bytes)).slice(0, MAX_ROWS);
  return unitsFromTable(table);
}
