import { defineRule, finding } from './define';

export default defineRule({
  id: 'report.year-missing',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport || report.yearInTitle) return [];
    return [finding('report.year-missing', 'warning', { text: report.title })];
  },
});
