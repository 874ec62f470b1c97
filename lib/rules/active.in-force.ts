import { defineRule, finding } from './define';
import { cellAt, ref } from './helpers';

/** 现行有效件数 is expected to be at least 本年制发件数 − 本年废止件数 (documents can lapse, so a warning). */
export default defineRule({
  id: 'active.in-force',
  severity: 'warning',
  formats: ['2021'],
  check(report) {
    return ['1.regulations', '1.normative'].flatMap((row) => {
      const issued = cellAt(report, 'active', row, 'issued');
      const repealed = cellAt(report, 'active', row, 'repealed');
      const inForce = cellAt(report, 'active', row, 'in_force');
      if (issued?.value == null || repealed?.value == null || inForce?.value == null) return [];
      const expected = issued.value - repealed.value;
      if (inForce.value >= expected) return [];
      return [finding('active.in-force', 'warning', {
        table: 'active', row, column: 'in_force',
        cells: ['issued', 'repealed', 'in_force'].map((column) => ref('active', row, column)),
        expected, actual: inForce.value, src: inForce.src,
      })];
    });
  },
});
