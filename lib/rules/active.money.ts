import type { Finding } from '../model/finding';
import { columnKind } from '../template/model';
import { defineRule, finding } from './define';
import { ref } from './helpers';

/** A money cell must hold a non-negative decimal number (a unit written beside it is fine). */
export default defineRule({
  id: 'active.money',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    const findings: Finding[] = [];
    for (const [row, cells] of Object.entries(report.tables.active ?? {})) {
      for (const [column, cell] of Object.entries(cells)) {
        if (columnKind(report.format, 'active', column) !== 'money') continue;
        const wrong = cell.status === 'text' || (cell.status === 'number' && cell.value !== null && cell.value < 0);
        if (!wrong) continue;
        findings.push(finding('active.money', 'error', {
          table: 'active', row, column, cells: [ref('active', row, column)], actual: cell.value, text: cell.raw, src: cell.src,
        }));
      }
    }
    return findings;
  },
});
