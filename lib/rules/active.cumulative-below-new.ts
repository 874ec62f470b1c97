import { defineRule, finding } from './define';
import { cellAt, ref } from './helpers';

/** 对外公开总数量 counts every year, so it cannot be below this year's 本年新公开数量. */
export default defineRule({
  id: 'active.cumulative-below-new',
  severity: 'warning',
  formats: ['2019'],
  check(report) {
    return ['1.regulations', '1.normative'].flatMap((row) => {
      const published = cellAt(report, 'active', row, 'published');
      const cumulative = cellAt(report, 'active', row, 'cumulative');
      if (published?.value == null || cumulative?.value == null || cumulative.value >= published.value) return [];
      return [finding('active.cumulative-below-new', 'warning', {
        table: 'active', row, column: 'cumulative', cells: [ref('active', row, 'published'), ref('active', row, 'cumulative')],
        expected: published.value, actual: cumulative.value, src: cumulative.src,
      })];
    });
  },
});
