import { defineRule, finding } from './define';
import { cellAt, ref } from './helpers';

/** Procurement projects without money, or money without projects: one of the two is likely wrong. */
export default defineRule({
  id: 'active.procurement',
  severity: 'warning',
  formats: ['2019'],
  check(report) {
    const projects = cellAt(report, 'active', '9.procurement', 'projects');
    const amount = cellAt(report, 'active', '9.procurement', 'amount');
    if (projects?.value == null || amount?.value == null) return [];
    if ((projects.value === 0) === (amount.value === 0)) return [];
    const zero = projects.value === 0 ? 'projects' : 'amount';
    return [finding('active.procurement', 'warning', {
      table: 'active', row: '9.procurement', column: zero,
      cells: [ref('active', '9.procurement', 'projects'), ref('active', '9.procurement', 'amount')],
      expected: null, actual: 0, src: (zero === 'projects' ? projects : amount).src,
      data: { projects: projects.value, amount: amount.value },
    })];
  },
});
