import { columnName, tableName } from '../i18n/labels';
import type { Lang } from '../i18n/lang';
import { t } from '../i18n/ui';
import type { RenderedFinding } from '../model/finding';
import type { Format, TableKey } from '../model/report';
import type { AuditResult } from '../model/result';
import { FORMATS } from '../template/formats';

import { isBlankFinding } from './counts';

export { BLANK_RULES, isBlankFinding } from './counts';

export interface BlankSummary {
  table: TableKey;
  /** Columns whose every cell is blank or a none-mark, in template order. */
  whole: string[];
  /** Other columns with some blank cells: how many. */
  partial: { column: string; count: number }[];
  /** Indexes of the blank-cell findings this summary stands for. */
  indexes: number[];
}

/** Per table: the columns left wholly blank, and how many blank cells the others hold. */
export function blankSummaries(findings: readonly Pick<RenderedFinding, 'rule' | 'table' | 'column'>[], result: Pick<AuditResult, 'tables' | 'format'>): BlankSummary[] {
  const format = result.format ?? '2019';
  const out: BlankSummary[] = [];
  for (const table of Object.keys(FORMATS[format].tables) as TableKey[]) {
    const counts = new Map<string, number>();
    const indexes: number[] = [];
    findings.forEach((finding, index) => {
      if (finding.table !== table || !finding.column || !isBlankFinding(finding)) return;
      counts.set(finding.column, (counts.get(finding.column) ?? 0) + 1);
      indexes.push(index);
    });
    if (indexes.length === 0) continue;
    const cellsIn = (column: string) => Object.values(result.tables[table] ?? {}).filter((row) => column in row).length;
    const order = FORMATS[format].tables[table].columns.map((c) => c.key);
    const columns = [...counts.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const whole = columns.filter((column) => counts.get(column)! >= 2 && counts.get(column) === cellsIn(column));
    const partial = columns.filter((column) => !whole.includes(column)).map((column) => ({ column, count: counts.get(column)! }));
    out.push({ table, whole, partial, indexes });
  }
  return out;
}

/** “依申请公开：自然人以外 5 列整列空白，按 0 计；总计列 2 个空白单元格，按 0 计”. */
export function blankSummaryText(summary: BlankSummary, format: Format | null, lang: Lang, withTable = true): string {
  const f = format ?? '2019';
  const name = (column: string) => columnName(lang, f, summary.table, column);
  const separator = lang === 'zh' ? '、' : ', ';
  const parts: string[] = [];
  if (summary.whole.length) {
    const others = FORMATS[f].tables[summary.table].columns.map((c) => c.key).filter((c) => c !== 'total' && !summary.whole.includes(c));
    const columns = summary.whole.length >= 3 && others.length === 1 && !summary.whole.includes('total')
      ? t(lang, 'columnsExcept', { column: name(others[0]!) })
      : summary.whole.map(name).join(separator);
    parts.push(t(lang, summary.whole.length === 1 ? 'wholeColumnBlank' : 'wholeColumnsBlank', { columns, count: summary.whole.length }));
  }
  for (const { column, count } of summary.partial) parts.push(t(lang, 'blankCellsIn', { column: name(column), count }));
  const body = parts.join(lang === 'zh' ? '；' : '; ');
  return withTable ? `${tableName(lang, summary.table)}${lang === 'zh' ? '：' : ': '}${body}` : body;
}
