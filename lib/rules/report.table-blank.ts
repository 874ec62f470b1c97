import type { TableKey } from '../model/report';
import { defineRule, finding } from './define';
import { isTableBlank } from './helpers';

/** Every number cell of a table blank: the template was published unfilled (all zeros is fine). */
export default defineRule({
  id: 'report.table-blank',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    return (Object.keys(report.tables) as TableKey[])
      .filter((table) => isTableBlank(report, table))
      .map((table) => finding('report.table-blank', 'error', { table, src: report.tableSrc[table] ?? null }));
  },
});
