import { defineRule, finding } from './define';

/** Most pages are not reports: say so, quietly. */
export default defineRule({
  id: 'report.not-found',
  severity: 'info',
  formats: ['2019', '2021'],
  check(report) {
    return report.isReport ? [] : [finding('report.not-found', 'info', {})];
  },
});
