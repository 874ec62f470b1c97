/**
 * The template's tables as rows of cells with spans, in the official layout, built from the
 * format's `layout` data: used to lay out the XLSX export like the template (and by the tests to
 * render pages in real-site shapes).
 */
import type { CellRef } from '../model/finding';
import type { Format, TableKey } from '../model/report';
import { tableDef, valueRows } from '../template/model';
import type { HeaderCell, RowDef, TableDef, TableLayout } from '../template/types';

export type CellValue = number | string | null;

export interface LayoutCell {
  text: string;
  value?: CellValue;
  ref?: CellRef;
  rowspan?: number;
  colspan?: number;
  kind: 'label' | 'value' | 'header';
}
export type LayoutRow = LayoutCell[];

export interface LayoutSource {
  format: Format;
  /** The rows to lay out, in template order; by default the format's value rows. */
  rows?(table: TableKey): readonly string[] | undefined;
  /** The cell's value; undefined when the page has no cell there at all. */
  value(table: TableKey, row: string, column: string): CellValue | undefined;
  /** Label text as the page writes it, where it differs from the template. */
  label?(table: TableKey, row: string): string | undefined;
  /** Rows left out (for tests of row-missing). */
  skip?(table: TableKey, row: string): boolean;
}

const spans = (cell: HeaderCell): Partial<LayoutCell> => ({
  ...(cell.rowspan ? { rowspan: cell.rowspan } : {}),
  ...(cell.colspan ? { colspan: cell.colspan } : {}),
});
const header = (text: string, extra: Partial<LayoutCell> = {}): LayoutCell => ({ text, kind: 'header', ...extra });
const label = (text: string, extra: Partial<LayoutCell> = {}): LayoutCell => ({ text, kind: 'label', ...extra });
const headerLines = (lines: readonly (readonly HeaderCell[])[]): LayoutRow[] => lines.map((line) => line.map((cell) => header(cell.text, spans(cell))));

function valueCell(source: LayoutSource, table: TableKey, row: string, column: string): LayoutCell[] {
  const value = source.value(table, row, column);
  if (value === undefined) return [];
  return [{ text: value === null ? '' : String(value), value, kind: 'value', ref: { table, row, column } }];
}

function rowOf(def: TableDef, key: string): RowDef {
  const row = def.rows.find((r) => r.key === key);
  if (!row) throw new Error(`${def.key}: no row ${key} in the template`);
  return row;
}

/** The rows a row sits under, outermost first. */
function ancestors(def: TableDef, row: RowDef): RowDef[] {
  const out: RowDef[] = [];
  for (let parent = row.parent; parent; parent = rowOf(def, parent).parent) out.unshift(rowOf(def, parent));
  return out;
}

function rowKeys(def: TableDef, source: LayoutSource): string[] {
  return (source.rows?.(def.key) ?? valueRows(def)).filter((key) => !source.skip?.(def.key, key));
}

function rowsLayout(def: TableDef, layout: Extract<TableLayout, { kind: 'rows' }>, source: LayoutSource): LayoutRow[] {
  const keys = rowKeys(def, source);
  const lineage = new Map(keys.map((key) => [key, ancestors(def, rowOf(def, key))]));
  const opened = new Set<string>();
  const out = headerLines(layout.header);
  for (const key of keys) {
    const row = rowOf(def, key);
    const above = lineage.get(key)!;
    const cells: LayoutRow = [];
    for (const parent of above) {
      if (opened.has(parent.key)) continue;
      opened.add(parent.key);
      const members = keys.filter((k) => lineage.get(k)!.includes(parent));
      cells.push(label(parent.printed, { rowspan: members.length }));
    }
    const colspan = layout.labelColumns - above.length;
    cells.push(label(source.label?.(def.key, key) ?? row.printed, colspan > 1 ? { colspan } : {}));
    cells.push(...row.columns.flatMap((column) => valueCell(source, def.key, key, column)));
    out.push(cells);
  }
  return out;
}

/** Pad a line to `width` value columns: one value spans them all, fewer values leave blank cells. */
function padded(cells: LayoutCell[], width: number): LayoutCell[] {
  const values = cells.length - 1;
  if (values === 1) return [cells[0]!, { ...cells[1]!, colspan: width }];
  if (values > 1 && values < width) return [...cells, ...Array.from({ length: width - values }, (): LayoutCell => ({ text: '', value: null, kind: 'value' }))];
  return cells;
}

function sectionsLayout(def: TableDef, layout: Extract<TableLayout, { kind: 'sections' }>, source: LayoutSource): LayoutRow[] {
  const out: LayoutRow[] = [];
  for (const section of layout.sections) {
    const columns = rowOf(def, section.rows[0]!).columns;
    out.push([header(section.title, { colspan: layout.width + 1 })]);
    out.push(padded([header('信息内容'), ...columns.map((key) => header(def.columns.find((c) => c.key === key)?.label ?? key))], layout.width));
    for (const key of section.rows.filter((k) => !source.skip?.(def.key, k))) {
      const row = rowOf(def, key);
      const values = row.columns.flatMap((column) => valueCell(source, def.key, key, column));
      out.push(padded([label(source.label?.(def.key, key) ?? row.printed), ...values], layout.width));
    }
  }
  return out;
}

function flatLayout(def: TableDef, layout: Extract<TableLayout, { kind: 'flat' }>, source: LayoutSource): LayoutRow[] {
  const values = def.rows.flatMap((row) => row.columns.flatMap((column) => valueCell(source, def.key, row.key, column)));
  return [...headerLines(layout.header), values];
}

/** A table of the source's format laid out as the official template prints it. */
export function tableLayout(table: TableKey, source: LayoutSource): LayoutRow[] {
  const def = tableDef(source.format, table);
  const layout = def.layout;
  switch (layout.kind) {
    case 'rows': return rowsLayout(def, layout, source);
    case 'sections': return sectionsLayout(def, layout, source);
    case 'flat': return flatLayout(def, layout, source);
  }
}
