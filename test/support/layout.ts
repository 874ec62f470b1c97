/** The official layout of the lib's export, fed with test data, plus rows the template lacks. */
import { tableLayout, type LayoutRow, type LayoutSource } from '../../lib/export/layout';
import { applicationRows, getCell, type ReportData } from './report-data';

export type { LayoutCell, LayoutRow } from '../../lib/export/layout';

function source(data: ReportData): LayoutSource {
  return {
    format: data.format,
    rows: (table) => (table === 'applications' ? applicationRows(data.other) : undefined),
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

export const activeLayout = (data: ReportData) => [...tableLayout('active', source(data)), ...extras(data, 'active')];
export const applicationsLayout = (data: ReportData) => [...tableLayout('applications', source(data)), ...extras(data, 'applications')];
export const appealsLayout = (data: ReportData) => tableLayout('appeals', source(data));
