import { defineRule, finding } from './define';
import { APPEAL_PARTS, cellAt, ref, sumOf } from './helpers';

/** In each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export default defineRule({
  id: 'appeals.total',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    return Object.keys(report.tables.appeals ?? {}).flatMap((row) => {
      const parts = APPEAL_PARTS.map((part) => ref('appeals', row, part));
      const expected = sumOf(report, parts);
      const total = cellAt(report, 'appeals', row, 'total');
      if (expected === null || total?.value == null || total.value === expected) return [];
      return [finding('appeals.total', 'error', {
        table: 'appeals', row, column: 'total', cells: [...parts, ref('appeals', row, 'total')],
        expected, actual: total.value, src: total.src,
      })];
    });
  },
});
