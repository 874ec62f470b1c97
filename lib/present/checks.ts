import type { AuditResult } from '../model/result';

/** The four 勾稽关系 rules: each row's total, each column's results total and balance, each appeals group's total. */
export const RELATION_RULES: ReadonlySet<string> = new Set([
  'applications.row-total', 'applications.results-total', 'applications.balance', 'appeals.total',
]);

/**
 * How many relationships the rules checked on this result's tables and how many failed, so that a
 * clean report can be signed off with a number (“43 项勾稽关系全部相符”). Counted the way the rules
 * walk the tables: a row total per application row holding 总计, a results total and a balance per
 * application column, a total per appeals group.
 */
export function relationCount(result: Pick<AuditResult, 'tables' | 'findings'>): { checked: number; failed: number } {
  const applications = result.tables.applications ?? {};
  const appeals = result.tables.appeals ?? {};
  const columns = new Set(Object.values(applications).flatMap((row) => Object.keys(row)));
  const rowTotals = Object.values(applications).filter((row) => 'total' in row).length;
  const hasResults = Object.keys(applications).some((row) => row.startsWith('3.') && row !== '3.7');
  const columnChecks = columns.size * ((hasResults && '3.7' in applications ? 1 : 0) + ('1' in applications && '3.7' in applications ? 1 : 0));
  const appealTotals = Object.values(appeals).filter((row) => 'total' in row).length;
  const failed = new Set(result.findings.filter((f) => RELATION_RULES.has(f.rule)).map((f) => `${f.rule}|${f.row}|${f.column}`)).size;
  return { checked: rowTotals + columnChecks + appealTotals, failed };
}
