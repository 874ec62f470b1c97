import type { AuditResult } from '../model/result';
import type { TableKey } from '../model/report';
import { TABLE_KEYS } from '../model/report';
import { columnName, rowName } from '../i18n/labels';
import { tableDef } from '../template/model';

export interface CellRow {
  table: TableKey;
  row: string;
  column: string;
  row_label: string;
  column_label: string;
  value: number | null;
  raw: string;
  finding_rules: string;
}

/** Every parsed cell in template order, with its labels and the rules that fired on it. */
export function cellRows(result: AuditResult): CellRow[] {
  const format = result.format;
  const rulesAt = new Map<string, string[]>();
  for (const finding of result.findings) {
    if (!finding.table || !finding.row || !finding.column) continue;
    const key = `${finding.table}/${finding.row}/${finding.column}`;
    rulesAt.set(key, [...(rulesAt.get(key) ?? []), finding.rule]);
  }
  const out: CellRow[] = [];
  for (const table of TABLE_KEYS) {
    const values = result.tables[table];
    if (!values) continue;
    const order = tableDef(format, table).rows.map((row) => row.key);
    const rows = Object.keys(values).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    for (const row of rows) {
      for (const [column, value] of Object.entries(values[row] ?? {})) {
        out.push({
          table, row, column,
          row_label: rowName('zh', format, table, row),
          column_label: columnName('zh', format, table, column),
          value,
          raw: result.raw[table]?.[row]?.[column] ?? '',
          finding_rules: [...new Set(rulesAt.get(`${table}/${row}/${column}`) ?? [])].join(' '),
        });
      }
    }
  }
  return out;
}
