import { proseTexts } from './prose';
import type { PreviousReport, Report, TableKey, TableValues } from '../model/report';

/** What the cross-year rules keep of a report, to be handed to next year's audit (small enough for storage). */
export function snapshotOf(report: Report, source: string): PreviousReport {
  const tables: TableValues = {};
  for (const [table, rows] of Object.entries(report.tables) as [TableKey, NonNullable<Report['tables'][TableKey]>][]) {
    const values: Record<string, Record<string, number | null>> = {};
    for (const [row, cells] of Object.entries(rows)) {
      values[row] = Object.fromEntries(Object.entries(cells).map(([column, cell]) => [column, cell.status === 'missing' ? null : cell.value]));
    }
    tables[table] = values;
  }
  return {
    source, year: report.year, agency: report.agency, format: report.format, publishedAt: report.publishedAt,
    tables, texts: proseTexts(report),
  };
}

/** Last year's report, only when it really is the year before this one's (a pairing mistake must not produce findings). */
export function lastYear(report: Report): PreviousReport | null {
  const previous = report.previous;
  if (!previous || !report.isReport || report.year === null || previous.year !== report.year - 1) return null;
  return previous;
}

export function previousValue(previous: PreviousReport, table: TableKey, row: string, column: string): number | null {
  return previous.tables[table]?.[row]?.[column] ?? null;
}
