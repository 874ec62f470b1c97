import { lastYear, previousValue } from '../batch/previous';
import { defineRule, finding } from './define';
import { cellAt, ref } from './helpers';

/** This year's 上年结转 (row 2) must be last year's 结转下年度继续办理 (row 4), column by column. */
export default defineRule({
  id: 'crossyear.carried',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    const previous = lastYear(report);
    if (!previous) return [];
    // Every column row 2 has on the page (the applicant kinds and 总计), whichever the format.
    return Object.keys(report.tables.applications?.['2'] ?? {}).flatMap((column) => {
      const carried = cellAt(report, 'applications', '2', column);
      const before = previousValue(previous, 'applications', '4', column);
      if (carried?.value == null || before === null || carried.value === before) return [];
      return [finding('crossyear.carried', 'error', {
        table: 'applications', row: '2', column,
        cells: [ref('applications', '2', column), { ...ref('applications', '4', column), source: previous.source }],
        expected: before, actual: carried.value, src: carried.src,
        data: { previousYear: previous.year ?? '' },
      })];
    });
  },
});
