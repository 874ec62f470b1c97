import { deadlineVerdict } from '../facts/deadline';
import { defineRule, finding } from './define';

/** Published after the legal deadline (lib/facts/deadline.ts decides which deadline, for every view alike). */
export default defineRule({
  id: 'report.late',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    const deadline = deadlineVerdict(report);
    if (deadline?.status !== 'missed') return [];
    return [finding('report.late', 'warning', {
      expected: deadline.date, actual: report.publishedAt, text: report.title,
      data: { agency: report.agency ?? report.title ?? '', basis: deadline.basis },
    })];
  },
});
