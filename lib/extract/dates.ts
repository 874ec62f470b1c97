import type { DateCandidate, DateSource } from '../model/report';

/**
 * Publication dates as pages and documents print them: a labelled line (发布日期：2024-01-31), a bare
 * date printed under the title, or the date under the signature at the end of a document
 * (落款: “二〇二四年一月三十一日”).
 */

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二四 → 2024 (digit by digit); 三十一 → 31, 十二 → 12 (small numbers). */
function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!text.includes('十')) {
    const digits = Array.from(text, (c) => CN_DIGIT[c]);
    return digits.every((d) => d !== undefined) ? Number(digits.join('')) : null;
  }
  const [tens = '', ones = ''] = text.split('十');
  const t = tens === '' ? 1 : CN_DIGIT[tens];
  const o = ones === '' ? 0 : CN_DIGIT[ones];
  return t === undefined || o === undefined ? null : t * 10 + o;
}

function iso(y: number | null, m: number | null, d: number | null): string | null {
  if (y === null || m === null || d === null || y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NUM = '[0-9０-９]';
const CN = '[〇零OoＯ一二三四五六七八九十]';
const NUMERIC_DATE = `(${NUM}{4})\\s*[-年/.]\\s*(${NUM}{1,2})\\s*[-月/.]\\s*(${NUM}{1,2})`;
const CHINESE_DATE = `(${CN}{4})\\s*年\\s*(${CN}{1,2})\\s*月\\s*(${CN}{1,3})\\s*日`;
/**
 * 发布日期 / 公开时间 …, or a bare 日期/时间 label (never 统计时间: the statistics period is not a
 * publication date). With 发布/公开/成文… the colon may be missing: an 信息索引 table puts the label
 * and the date in two cells (“发布日期” | “2021-02-26”), read here as one text.
 */
const LABELLED = new RegExp(`(?:(发布|公开|成文|印发|生成|发文)(?:日期|时间)\\s*[:：]?|(?<![\\u4e00-\\u9fff])(?:日期|时间)\\s*[:：])\\s*(?:${NUMERIC_DATE}|${CHINESE_DATE})`);
/** A line that is only a date (optionally in brackets, with a time after it). */
const DATE_LINE = new RegExp(`^[（(]?\\s*(?:${NUMERIC_DATE}\\s*日?|${CHINESE_DATE})\\s*[）)]?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?$`);

const toHalf = (text: string) => text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function fromMatch(match: RegExpExecArray | null, at = 1): string | null {
  if (!match) return null;
  const [y, m, d, cy, cm, cd] = match.slice(at, at + 6);
  if (y && m && d) return iso(Number(toHalf(y)), Number(toHalf(m)), Number(toHalf(d)));
  if (cy && cm && cd) return iso(chineseNumber(cy), chineseNumber(cm), chineseNumber(cd));
  return null;
}

/**
 * Whose date a label gives: 成文/印发/发文 date the document itself (as its 落款 does); 发布, 公开,
 * 生成 (a CMS's page date) and a bare 日期/时间 are the site's.
 */
function sourceOfLabel(label: string | undefined): DateSource {
  return label === '成文' || label === '印发' || label === '发文' ? 'signature' : 'site';
}

/** Every labelled date of a text, with where it sits and whose date it is. */
export function findLabelledDates(text: string): (DateCandidate & { index: number })[] {
  const all = new RegExp(LABELLED.source, 'g');
  const out: (DateCandidate & { index: number })[] = [];
  for (let match = all.exec(text); match; match = all.exec(text)) {
    const date = fromMatch(match, 2);
    if (date) out.push({ date, source: sourceOfLabel(match[1]), index: match.index });
  }
  return out;
}

/** A line holding nothing but a date: “2024年1月31日”, “（2024-01-31）”, “二〇二四年一月三十一日”. */
export function dateOfLine(line: string): string | null {
  const text = line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (text.length > 30) return null;
  return fromMatch(DATE_LINE.exec(text));
}

/**
 * The dates among a report's lines (a page's prose, a text dump, a document's lines), best first:
 * every labelled date (the site's or the document's, by its label), then a bare date line under the
 * title (the first lines) or under the signature (the last lines), both printed in the report itself.
 */
export function datesFromLines(lines: readonly string[], head = 6, tail = 12): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const line of lines) for (const { date, source } of findLabelledDates(line)) out.push({ date, source });
  const near = [...lines.slice(0, head), ...lines.slice(Math.max(head, lines.length - tail)).reverse()];
  for (const line of near) {
    const date = dateOfLine(line);
    if (date) out.push({ date, source: 'signature' });
  }
  return out;
}

const ANY_DATE = new RegExp(`(?:${NUMERIC_DATE}|${CHINESE_DATE})`);

/** A date anywhere in a short text: a line under the title (“2024-01-31 来源：区政府办”), a list's line beside a link. */
export function dateIn(text: string): string | null {
  return fromMatch(ANY_DATE.exec(text));
}
