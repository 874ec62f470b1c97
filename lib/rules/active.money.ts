import type { Finding } from '../model/finding';
import { defineRule, finding } from './define';
import { ref } from './helpers';

const MONEY_CELLS = [['9.procurement', 'amount'], ['8.fees', 'amount']] as const;

/** A money cell must hold a non-negative decimal number (a unit written beside it is fine). */
export default defineRule({
  id: 'active.money',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    const findings: Finding[] = [];
    for (const [row, column] of MONEY_CELLS) {
      const cell = report.tables.active?.[row]?.[column];
      if (!cell) continue;
      const wrong = cell.status === 'text' || (cell.status === 'number' && cell.value !== null && cell.value < 0);
      if (!wrong) continue;
      findings.push(finding('active.money', 'error', {
        table: 'active', row, column, cells: [ref('active', row, column)], actual: cell.value, text: cell.raw, src: cell.src,
      }));
    }
    return findings;
  },
});
