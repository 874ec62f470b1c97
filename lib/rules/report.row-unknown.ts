import { defineRule, finding } from './define';

export default defineRule({
  id: 'report.row-unknown',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    return report.unknownRows.map((row) =>
      finding('report.row-unknown', 'warning', { table: row.table, text: row.label, src: row.src, data: { values: row.values.join(' | ') } }),
    );
  },
});
