import { readNumber } from '../extract/number';
import type { RenderedFinding } from '../model/finding';
import type { Report, TableKey } from '../model/report';
import type { AuditResult } from '../model/result';

/** Text that is a plain number needs no raw copy; anything else is kept as written. */
function isPlainNumber(raw: string): boolean {
  return readNumber(raw, 'signed').status === 'number' && !/[^\d\s.,+\-－—０-９]/.test(raw);
}

const MAX_ANOMALIES = 100;

/** A hostile page can produce thousands of identical complaints; the first hundred and a count say it all. */
function capped(anomalies: readonly string[]): string[] {
  if (anomalies.length <= MAX_ANOMALIES) return [...anomalies];
  return [...anomalies.slice(0, MAX_ANOMALIES), `… ${anomalies.length - MAX_ANOMALIES} more`];
}

/** The exported shape (output.md): numbers (or null) by table/row/column, raw text where it is not a plain number. */
export function toResult(report: Report, findings: RenderedFinding[], source: string): AuditResult {
  const tables: AuditResult['tables'] = {};
  const raw: AuditResult['raw'] = {};
  const units: NonNullable<AuditResult['units']> = {};
  for (const [table, rows] of Object.entries(report.tables) as [TableKey, NonNullable<Report['tables'][TableKey]>][]) {
    const values: Record<string, Record<string, number | null>> = {};
    for (const [row, cells] of Object.entries(rows)) {
      values[row] = {};
      for (const [column, cell] of Object.entries(cells)) {
        values[row][column] = cell.status === 'missing' ? null : cell.value;
        if (!isPlainNumber(cell.raw)) ((raw[table] ??= {})[row] ??= {})[column] = cell.raw;
        if (cell.unit) ((units[table] ??= {})[row] ??= {})[column] = cell.unit;
      }
    }
    tables[table] = values;
  }
  const result: AuditResult = {
    source,
    report: report.isReport,
    format: report.format,
    year: report.year,
    agency: report.agency,
    title: report.title,
    publishedAt: report.publishedAt,
    tables,
    raw,
    findings: findings.map(({ src: _src, ...finding }) => finding),
  };
  if (Object.keys(units).length) result.units = units;
  if (report.anomalies.length) result.anomalies = capped(report.anomalies);
  return result;
}
