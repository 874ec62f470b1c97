import { formatForYear } from '../template/model';
import { defineRule, finding } from './define';

/** A report uses the format prescribed for its year (formats/: 2021 and later the 2021 format, 2019 and 2020 the 2019 one). */
export default defineRule({
  id: 'report.outdated-format',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport || report.year === null || report.format === null) return [];
    const expected = formatForYear(report.year);
    if (report.format === expected) return [];
    return [finding('report.outdated-format', 'warning', { expected, actual: report.format, data: { year: report.year } })];
  },
});
