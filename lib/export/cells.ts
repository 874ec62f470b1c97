import type { AuditResult } from '../model/result';
import type { TableKey } from '../model/report';
import { TABLE_KEYS } from '../model/report';
import { columnName, rowName, tableName } from '../i18n/labels';
import { ruleTitle } from '../i18n/render';
import type { Lang } from '../i18n/lang';
import { t, type UiId } from '../i18n/ui';
import { tableDef } from '../template/model';

/**
 * One row per parsed cell: the template's words first (table, row, column, value, raw text, the
 * problems found there), then the keys a tool joins on (the JSON's table/row/column and rule ids).
 */
export const CELL_COLUMNS = ['table_label', 'row_label', 'column_label', 'value', 'raw', 'finding_titles', 'table', 'row', 'column', 'finding_rules'] as const;
export type CellColumn = (typeof CELL_COLUMNS)[number];
export type CellRow = Record<CellColumn, string | number | null>;

const HEADER: Record<CellColumn, UiId> = {
  table_label: 'table', row_label: 'row', column_label: 'column', value: 'value', raw: 'text', finding_titles: 'ruleTitle',
  table: 'tableKey', row: 'rowKey', column: 'columnKey', finding_rules: 'rule',
};

export function cellHeader(lang: Lang): string[] {
  return CELL_COLUMNS.map((column) => t(lang, HEADER[column]));
}

/** Every parsed cell in template order, with its labels and the problems found on it. */
export function cellRows(result: AuditResult, lang: Lang = 'zh'): CellRow[] {
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
        const rules = [...new Set(rulesAt.get(`${table}/${row}/${column}`) ?? [])];
        out.push({
          table_label: tableName(lang, table as TableKey),
          row_label: rowName(lang, format, table, row),
          column_label: columnName(lang, format, table, column),
          value,
          raw: result.raw[table]?.[row]?.[column] ?? '',
          finding_titles: rules.map((rule) => ruleTitle(rule, lang)).join(lang === 'zh' ? '；' : '; '),
          table, row, column,
          finding_rules: rules.join(' '),
        });
      }
    }
  }
  return out;
}
