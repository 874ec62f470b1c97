import { defineRule, finding } from './define';

/** Without a publication date, timeliness (report.late) cannot be judged: say so, quietly. */
export default defineRule({
  id: 'report.date-missing',
  severity: 'info',
  formats: ['2019', '2021'],
  check(report) {
    return report.isReport && !report.publishedAt ? [finding('report.date-missing', 'info', {})] : [];
  },
});
