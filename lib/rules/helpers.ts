import type { CellRef } from '../model/finding';
import type { ParsedCell, Report, TableKey } from '../model/report';
import { exactSum } from '../extract/number';
import { FORMATS } from '../template/formats';

export function cellAt(report: Report, table: TableKey, row: string, column: string): ParsedCell | undefined {
  return report.tables[table]?.[row]?.[column];
}

export const ref = (table: TableKey, row: string, column: string): CellRef => ({ table, row, column });

/** The sum of the cells, or null when one of them is absent or holds no usable number. */
export function sumOf(report: Report, refs: readonly CellRef[]): number | null {
  const values: number[] = [];
  for (const cell of refs) {
    const value = cellAt(report, cell.table, cell.row, cell.column)?.value;
    if (value === null || value === undefined) return null;
    values.push(value);
  }
  return exactSum(values);
}

/** Money sums must not drift by binary fractions (0.1 + 0.2). */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export const APPLICANT_PARTS = ['natural', 'commercial', 'research', 'social', 'legal', 'other'] as const;
export const APPEAL_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/** The result rows that 3.7 (（七）总计) adds up, as this report has them. */
export function resultLeafRows(report: Report): string[] {
  const table = report.tables.applications ?? {};
  const def = FORMATS[report.format ?? '2019'].tables.applications;
  const leaves = def.rows.filter((row) => row.key.startsWith('3.') && row.key !== '3.7' && row.columns.length > 0).map((row) => row.key);
  const hasSubRows = ['3.6.1', '3.6.2', '3.6.3'].some((key) => table[key]);
  return leaves.filter((key) => table[key] && !(hasSubRows && key === '3.6'));
}

export function columnsOf(report: Report, table: TableKey): string[] {
  const keys = new Set<string>();
  for (const row of Object.values(report.tables[table] ?? {})) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

/** Columns that no row of the table has at all (every one of its cells is missing). */
export function missingColumns(report: Report, table: TableKey): string[] {
  const rows = Object.values(report.tables[table] ?? {});
  if (rows.length < 2) return [];
  return columnsOf(report, table).filter((column) => rows.every((row) => !row[column] || row[column].status === 'missing'));
}

/** A table whose every cell is blank: the template was published unfilled. */
export function isTableBlank(report: Report, table: TableKey): boolean {
  const cells = Object.values(report.tables[table] ?? {}).flatMap((row) => Object.values(row));
  return cells.length > 0 && cells.every((cell) => cell.status === 'empty' || cell.status === 'missing');
}

/** The value arithmetic implies for a cell, where the template defines one (for placeholder totals). */
export function impliedValue(report: Report, cell: CellRef): number | null {
  if (cell.table === 'applications' && cell.column === 'total') {
    return sumOf(report, APPLICANT_PARTS.map((part) => ref('applications', cell.row, part)));
  }
  if (cell.table === 'applications' && cell.row === '3.7') {
    return sumOf(report, resultLeafRows(report).map((row) => ref('applications', row, cell.column)));
  }
  if (cell.table === 'appeals' && cell.column === 'total') {
    return sumOf(report, APPEAL_PARTS.map((part) => ref('appeals', cell.row, part)));
  }
  return null;
}
