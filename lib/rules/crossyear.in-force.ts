import { lastYear, previousValue } from '../batch/previous';
import { defineRule, finding } from './define';
import { cellAt, ref } from './helpers';

/** 现行有效件数 carried forward: last year's + this year's 制发 − this year's 废止 = this year's. */
export default defineRule({
  id: 'crossyear.in-force',
  severity: 'warning',
  formats: ['2021'],
  check(report) {
    const previous = lastYear(report);
    if (!previous) return [];
    return ['1.regulations', '1.normative'].flatMap((row) => {
      const before = previousValue(previous, 'active', row, 'in_force');
      const issued = cellAt(report, 'active', row, 'issued');
      const repealed = cellAt(report, 'active', row, 'repealed');
      const inForce = cellAt(report, 'active', row, 'in_force');
      if (before === null || issued?.value == null || repealed?.value == null || inForce?.value == null) return [];
      const expected = before + issued.value - repealed.value;
      if (inForce.value === expected) return [];
      return [finding('crossyear.in-force', 'warning', {
        table: 'active', row, column: 'in_force',
        cells: [{ ...ref('active', row, 'in_force'), source: previous.source }, ...['issued', 'repealed', 'in_force'].map((column) => ref('active', row, column))],
        expected, actual: inForce.value, src: inForce.src,
        data: { previousYear: previous.year ?? '', previousValue: before },
      })];
    });
  },
});
