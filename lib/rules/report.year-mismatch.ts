import { normalizeText } from '../extract/normalize';
import { defineRule, finding } from './define';

/**
 * “本报告所列数据统计期限自2023年1月1日起至2023年12月31日止” (and 统计时限/统计时间/统计区间, 从…起):
 * the year the statistics period opens.
 */
const PERIOD = /统计(?:期限|时限|时间|期间|区间|周期|截止时间)?(?:为|是|:)?(?:自|从)?(\d{4})年1月1日(?:起)?(?:至|到|-|~)?(?:(\d{4})年\d{1,2}月\d{1,2}日)?/;

export function statedPeriodYear(text: string): number | null {
  const match = PERIOD.exec(normalizeText(text));
  if (!match) return null;
  const start = Number(match[1]);
  // A period that ends in another year than it starts is not a calendar year: no claim about the report year.
  if (match[2] && Number(match[2]) !== start) return null;
  return start;
}

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
