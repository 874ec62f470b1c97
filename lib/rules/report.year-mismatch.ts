import { statedPeriodYear } from '../template/meta';
import { defineRule, finding } from './define';

export default defineRule({
  id: 'report.year-mismatch',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport || !report.yearInTitle || report.year === null) return [];
    for (const block of report.texts) {
      // The sentence that states the period is what the finding quotes.
      for (const sentence of block.text.split(/(?<=[。；;])/)) {
        const stated = statedPeriodYear(sentence);
        if (stated === null) continue;
        if (stated === report.year) return [];
        return [finding('report.year-mismatch', 'warning', { expected: report.year, actual: stated, text: sentence.trim(), src: block.src })];
      }
    }
    return [];
  },
});
