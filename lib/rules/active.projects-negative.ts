import { defineRule, finding } from './define';
import { cellAt, ref } from './helpers';

/** 上一年项目数量 + 本年增/减 cannot fall below zero. */
export default defineRule({
  id: 'active.projects-negative',
  severity: 'error',
  formats: ['2019'],
  check(report) {
    return Object.keys(report.tables.active ?? {}).flatMap((row) => {
      const previous = cellAt(report, 'active', row, 'previous');
      const change = cellAt(report, 'active', row, 'change');
      if (previous?.value == null || change?.value == null) return [];
      const actual = previous.value + change.value;
      if (actual >= 0) return [];
      return [finding('active.projects-negative', 'error', {
        table: 'active', row, column: 'change', cells: [ref('active', row, 'previous'), ref('active', row, 'change')],
        expected: -previous.value, actual: change.value, src: change.src, data: { previous: previous.value, sum: actual },
      })];
    });
  },
});
