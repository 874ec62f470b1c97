import { normalizeText } from '../extract/normalize';
import type { TextBlock } from '../model/report';

const CN_YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function yearIn(text: string): { year: number; index: number } | null {
  const arabic = /(20\d{2}|19\d{2})\s*年/.exec(text);
  if (arabic?.[1]) return { year: Number(arabic[1]), index: arabic.index };
  const chinese = /([〇零一二三四五六七八九]{4})\s*年/.exec(text);
  if (chinese?.[1]) {
    const year = Number(Array.from(chinese[1], (c) => CN_YEAR_DIGITS[c] ?? '').join(''));
    if (year >= 1990 && year <= 2100) return { year, index: chinese.index };
  }
  return null;
}

export interface TitleFacts {
  year: number | null;
  agency: string | null;
}

const REPORT_WORDS = /(政府信息公开|政务公开|信息公开).*(年度报告|年报)/;

/** “区行政审批局2020年政府信息公开工作年度报告” → 2020, 区行政审批局. */
export function readTitle(title: string | null): TitleFacts {
  if (!title) return { year: null, agency: null };
  const text = normalizeText(title);
  const found = yearIn(text);
  const words = REPORT_WORDS.exec(text);
  let agency = text.slice(0, found && (!words || found.index < words.index) ? found.index : (words?.index ?? 0));
  if (found && found.index === 0 && words) {
    agency = text.slice(text.indexOf('年') + 1, words.index).replace(/^度/, '');
  }
  agency = agency.replace(/(关于|的)$/, '').replace(/^[,:\-_|]+|[,:\-_|]+$/g, '');
  return { year: found?.year ?? null, agency: agency || null };
}

/** A report year stated in the first paragraphs, when the title has none. */
export function yearFromText(blocks: readonly TextBlock[]): number | null {
  for (const block of blocks.slice(0, 20)) {
    const found = yearIn(block.text);
    if (found) return found.year;
  }
  return null;
}

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
