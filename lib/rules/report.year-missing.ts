import { defineRule, finding } from './define';

export default defineRule({
  id: 'report.year-missing',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport || report.yearInTitle) return [];
    // No title at all says so (未找到标题) rather than quoting nothing.
    const title = report.title ? `“${report.title}”` : 'title.none';
    return [finding('report.year-missing', 'warning', { text: report.title, data: { title } })];
  },
});
