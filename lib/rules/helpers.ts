import type { CellRef } from '../model/finding';
import type { ParsedCell, ParsedTable, Report, TableKey } from '../model/report';

export function cellAt(report: Report, table: TableKey, row: string, column: string): ParsedCell | undefined {
  return report.tables[table]?.[row]?.[column];
}

export const ref = (table: TableKey, row: string, column: string): CellRef => ({ table, row, column });

/** Money sums must not drift by binary fractions (0.1 + 0.2). */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Column keys by parsed table: a table is never changed once matched (a tried value makes a new one). */
const COLUMNS = new WeakMap<ParsedTable, readonly string[]>();

/** The column keys any row of the table has, in first-seen order; asked by every column relation. */
export function columnsOf(report: Report, table: TableKey): readonly string[] {
  const rows = report.tables[table];
  if (!rows) return [];
  let columns = COLUMNS.get(rows);
  if (!columns) {
    const keys = new Set<string>();
    for (const row of Object.values(rows)) for (const key of Object.keys(row)) keys.add(key);
    COLUMNS.set(rows, (columns = [...keys]));
  }
  return columns;
}

/** Columns that no row of the table has at all (every one of its cells is missing). */
export function missingColumns(report: Report, table: TableKey): string[] {
  const rows = Object.values(report.tables[table] ?? {});
  if (rows.length < 2) return [];
  return columnsOf(report, table).filter((column) => rows.every((row) => !row[column] || row[column].status === 'missing'));
}

/** A table whose every cell is blank: the template was published unfilled. */
export function isTableBlank(report: Report, table: TableKey): boolean {
  let cells = 0;
  for (const row of Object.values(report.tables[table] ?? {})) {
    for (const cell of Object.values(row)) {
      if (cell.status !== 'empty' && cell.status !== 'missing') return false; // the first filled cell decides
      cells += 1;
    }
  }
  return cells > 0;
}
