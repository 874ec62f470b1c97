import { defineRule, finding } from './define';
import { cellAt, columnsOf, ref, resultLeafRows, sumOf } from './helpers';

/** （七）总计 = the sum of every result row (3.1 … 3.6), in every column. */
export default defineRule({
  id: 'applications.results-total',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    const leaves = resultLeafRows(report);
    if (leaves.length === 0) return [];
    return columnsOf(report, 'applications').flatMap((column) => {
      const parts = leaves.map((row) => ref('applications', row, column));
      const expected = sumOf(report, parts);
      const total = cellAt(report, 'applications', '3.7', column);
      if (expected === null || total?.value == null || total.value === expected) return [];
      return [finding('applications.results-total', 'error', {
        table: 'applications', row: '3.7', column, cells: [...parts, ref('applications', '3.7', column)],
        expected, actual: total.value, src: total.src,
      })];
    });
  },
});
