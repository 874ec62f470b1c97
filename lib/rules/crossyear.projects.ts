import { lastYear, previousValue } from '../batch/previous';
import { defineRule, finding } from './define';
import { cellAt, ref } from './helpers';

/** Rows with 上一年项目数量: this year's must be last year's 上一年项目数量 + 本年增/减. */
const ROWS = ['5.license', '5.other_services', '6.penalty', '6.enforcement', '8.fees'];

export default defineRule({
  id: 'crossyear.projects',
  severity: 'warning',
  formats: ['2019'],
  check(report) {
    const previous = lastYear(report);
    if (!previous) return [];
    return ROWS.flatMap((row) => {
      const before = previousValue(previous, 'active', row, 'previous');
      const change = previousValue(previous, 'active', row, 'change');
      const now = cellAt(report, 'active', row, 'previous');
      if (before === null || change === null || now?.value == null) return [];
      const expected = before + change;
      if (now.value === expected) return [];
      return [finding('crossyear.projects', 'warning', {
        table: 'active', row, column: 'previous',
        cells: [ref('active', row, 'previous'), ...['previous', 'change'].map((column) => ({ ...ref('active', row, column), source: previous.source }))],
        expected, actual: now.value, src: now.src,
        data: { previousYear: previous.year ?? '' },
      })];
    });
  },
});
