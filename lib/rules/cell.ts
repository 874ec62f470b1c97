import type { Finding } from '../model/finding';
import type { ParsedCell, Report, TableKey } from '../model/report';
import { columnKind } from '../template/model';
import { defineRule, finding } from './define';
import { isTableBlank, missingColumns, ref } from './helpers';
import { impliedValue } from './relations';

const IDS = ['cell.empty', 'cell.none-mark', 'cell.placeholder', 'cell.not-a-number', 'cell.negative', 'cell.not-integer'] as const;

/** One classification pass per cell: each cell gets at most one `cell.*` finding. */
export default defineRule({
  id: 'cell',
  severity: 'error',
  formats: ['2019', '2021'],
  emits: IDS,
  check(report) {
    const findings: Finding[] = [];
    for (const table of Object.keys(report.tables) as TableKey[]) {
      if (isTableBlank(report, table)) continue;
      const skipped = new Set(missingColumns(report, table));
      for (const [row, cells] of Object.entries(report.tables[table] ?? {})) {
        for (const [column, cell] of Object.entries(cells)) {
          if (skipped.has(column)) continue;
          const found = classify(report, table, row, column, cell);
          if (found) findings.push(found);
        }
      }
    }
    return findings;
  },
});

function classify(report: Report, table: TableKey, row: string, column: string, cell: ParsedCell): Finding | null {
  const at = { table, row, column, cells: [ref(table, row, column)], text: cell.raw, src: cell.src };
  const kind = columnKind(report.format, table, column);
  switch (cell.status) {
    case 'empty':
    case 'missing':
      return finding('cell.empty', 'warning', { ...at, actual: null, data: { missing: cell.status === 'missing' ? 1 : 0 } });
    case 'none-mark':
      return finding('cell.none-mark', 'warning', at);
    case 'placeholder':
      return finding('cell.placeholder', 'error', { ...at, actual: cell.value, expected: impliedValue(report, ref(table, row, column)) });
    case 'text':
      if (kind === 'money') return null; // active.money reports it
      return finding('cell.not-a-number', 'error', { ...at, expected: impliedValue(report, ref(table, row, column)) });
    case 'number':
      if (kind === 'money') return null;
      // Written as a number but past 2^53 − 1: no count is that large, and it could not be summed exactly.
      if (cell.value === null) return finding('cell.not-a-number', 'error', { ...at, data: { limit: Number.MAX_SAFE_INTEGER } });
      if (kind === 'count' && cell.value < 0) return finding('cell.negative', 'error', { ...at, actual: cell.value });
      if (!Number.isInteger(cell.value)) return finding('cell.not-integer', 'error', { ...at, actual: cell.value });
      return null;
  }
}
