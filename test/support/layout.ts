/** The official layout of the lib's export, fed with test data, plus rows the template lacks. */
import * as lib from '../../lib/export/layout';
import type { LayoutRow, LayoutSource } from '../../lib/export/layout';
import { getCell, type ReportData } from './report-data';

export type { LayoutCell, LayoutRow } from '../../lib/export/layout';

function source(data: ReportData): LayoutSource {
  return {
    format: data.format,
    other: data.other,
    value: (table, row, column) => getCell(data, table, row, column),
    label: (table, row) => data.labels[`${table}/${row}`],
    skip: (table, row) => data.dropRows?.includes(`${table}/${row}`) ?? false,
  };
}

function extras(data: ReportData, table: 'active' | 'applications'): LayoutRow[] {
  return (data.extraRows ?? [])
    .filter((row) => row.table === table)
    .map((row) => [
      { text: row.label, kind: 'label' as const, ...(table === 'applications' ? { colspan: 3 } : {}) },
      ...row.values.map((v) => ({ text: String(v), kind: 'value' as const })),
    ]);
}

export const activeLayout = (data: ReportData) => [...lib.activeLayout(source(data)), ...extras(data, 'active')];
export const applicationsLayout = (data: ReportData) => [...lib.applicationsLayout(source(data)), ...extras(data, 'applications')];
export const appealsLayout = (data: ReportData) => lib.appealsLayout(source(data));
