import type { CellRef } from '../model/finding';
import { defineRule, finding } from './define';
import { cellAt, ref } from './helpers';

/** The three groups of table 四, as evaluators name their deductions (复议纠错, 诉讼败诉 directly and after review). */
const GROUPS = [
  ['reconsideration', 'reconsideration'],
  ['litigation.direct', 'direct'],
  ['litigation.after_reconsideration', 'after'],
] as const;

/**
 * 结果纠正 above 0 in table 四: decisions corrected on 行政复议 or lost in 行政诉讼. Not an error of the
 * report, but what evaluation indicator sets deduct for per case, so the auditor states the counts.
 */
export default defineRule({
  id: 'appeals.corrected',
  severity: 'info',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    const counts: Record<string, number> = {};
    const cells: CellRef[] = [];
    let total = 0;
    for (const [row, name] of GROUPS) {
      const cell = cellAt(report, 'appeals', row, 'corrected');
      const value = cell?.value ?? 0;
      counts[name] = value;
      if (value > 0) {
        total += value;
        cells.push(ref('appeals', row, 'corrected'));
      }
    }
    if (total <= 0) return [];
    return [finding('appeals.corrected', 'info', { table: 'appeals', column: 'corrected', cells, actual: total, src: report.tableSrc.appeals ?? null, data: counts })];
  },
});
