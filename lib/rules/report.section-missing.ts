import { defineRule, finding } from './define';

/** Parts 二–四 are evidently there when their table is, whatever their heading says. */
const TABLE_OF_PART = { 2: 'active', 3: 'applications', 4: 'appeals' } as const;

export default defineRule({
  id: 'report.section-missing',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    return [1, 2, 3, 4, 5, 6]
      .filter((part) => !report.sections.includes(part))
      .filter((part) => {
        const table = TABLE_OF_PART[part as keyof typeof TABLE_OF_PART];
        return !table || !report.tables[table];
      })
      .map((part) => finding('report.section-missing', 'warning', { data: { part } }));
  },
});
