import { defineRule, finding } from './define';

/** 2021 and later reports use the 2021 format; reports on 2019 and 2020 use the 2019 one. */
export default defineRule({
  id: 'report.outdated-format',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport || report.year === null || report.format === null) return [];
    const expected = report.year >= 2021 ? '2021' : '2019';
    if (report.format === expected) return [];
    return [finding('report.outdated-format', 'warning', { expected, actual: report.format, data: { year: report.year } })];
  },
});
