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
/** 发布日期 / 公开时间 …, or a bare 日期/时间 label (never 统计时间: the statistics period is not a publication date). */
const LABELLED = new RegExp(`(?:(?:发布|公开|成文|印发|生成|发文)(?:日期|时间)|(?<![\\u4e00-\\u9fff])(?:日期|时间))\\s*[:：]\\s*(?:${NUMERIC_DATE}|${CHINESE_DATE})`);
/** A line that is only a date (optionally in brackets, with a time after it). */
const DATE_LINE = new RegExp(`^[（(]?\\s*(?:${NUMERIC_DATE}\\s*日?|${CHINESE_DATE})\\s*[）)]?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?$`);

const toHalf = (text: string) => text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function fromMatch(match: RegExpExecArray | null): string | null {
  if (!match) return null;
  const [, y, m, d, cy, cm, cd] = match;
  if (y && m && d) return iso(Number(toHalf(y)), Number(toHalf(m)), Number(toHalf(d)));
  if (cy && cm && cd) return iso(chineseNumber(cy), chineseNumber(cm), chineseNumber(cd));
  return null;
}

/** “发布日期：2021-01-20”, “发布时间：2021年1月20日”, “日期：二〇二一年一月二十日” → 2021-01-20. */
export function findLabelledDate(text: string): string | null {
  return fromMatch(LABELLED.exec(text));
}

/** Every labelled date of a text, with where it sits. */
export function findLabelledDates(text: string): { date: string; index: number }[] {
  const all = new RegExp(LABELLED.source, 'g');
  const out: { date: string; index: number }[] = [];
  for (let match = all.exec(text); match; match = all.exec(text)) {
    const date = fromMatch(match);
    if (date) out.push({ date, index: match.index });
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
 * The publication date among a document's lines: a labelled date anywhere, else a bare date line
 * just under the title (the first lines) or under the signature (the last lines).
 */
export function dateFromLines(lines: readonly string[], head = 6, tail = 12): string | null {
  for (const line of lines) {
    const labelled = findLabelledDate(line);
    if (labelled) return labelled;
  }
  const near = [...lines.slice(0, head), ...lines.slice(Math.max(head, lines.length - tail)).reverse()];
  for (const line of near) {
    const date = dateOfLine(line);
    if (date) return date;
  }
  return null;
}

const ANY_DATE = new RegExp(`(?:${NUMERIC_DATE}|${CHINESE_DATE})`);

/** A date anywhere in a short line under the title (“2024-01-31 来源：区政府办”). */
export function dateInShortLine(line: string): string | null {
  return fromMatch(ANY_DATE.exec(line));
}
