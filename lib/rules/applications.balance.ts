import { defineRule, finding } from './define';
import { cellAt, columnsOf, ref, sumOf } from './helpers';

/** The template's own 勾稽关系: 第一项加第二项之和，等于第三项加第四项之和, in every column. */
export default defineRule({
  id: 'applications.balance',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    return columnsOf(report, 'applications').flatMap((column) => {
      const left = ['1', '2'].map((row) => ref('applications', row, column));
      const right = ['3.7', '4'].map((row) => ref('applications', row, column));
      const expected = sumOf(report, left);
      const actual = sumOf(report, right);
      if (expected === null || actual === null || expected === actual) return [];
      return [finding('applications.balance', 'error', {
        table: 'applications', row: '3.7', column, cells: [...left, ...right],
        expected, actual, src: cellAt(report, 'applications', '3.7', column)?.src ?? null,
      })];
    });
  },
});
