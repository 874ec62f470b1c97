import { TABLE_KEYS } from '../model/report';
import { defineRule, finding } from './define';

export default defineRule({
  id: 'report.table-missing',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    return TABLE_KEYS.filter((table) => !report.tables[table]).map((table) => finding('report.table-missing', 'error', { table }));
  },
});
