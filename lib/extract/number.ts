import { normalizeText } from './normalize';

/** How a column's numbers are to be read. */
export type NumberKind = 'count' | 'signed' | 'money';

export interface ReadNumber {
  /** null with status `number`: written as a number, but too large to hold exactly (see `tooLarge`). */
  value: number | null;
  /** number: a number was read; empty / none-mark: read as 0; null: no number in the text. */
  status: 'number' | 'empty' | 'none-mark' | null;
  unit?: string;
  /** Digits past the safe integer range (2^53 − 1): a count this large cannot be exact, so it is not read. */
  tooLarge?: true;
}

const NONE_MARKS = new Set(['无', '-', '--', '---', '/', '//', '\\', '空', '...', '…', '……', '-/-', 'N/A', 'n/a']);
// “12.” stays text: a cell holding only an ordinal (“1.”) must never read as a value.
// Anchored at the start, so one attempt only: linear in the text.
/** Up to 15 digits and nothing else: always below 2^53, read by `Number` exactly as by the general path. */
const SHORT_DIGITS = /^\d{1,15}$/;
const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const MONEY_UNITS = /(万元|元|万)$/;
const COUNT_UNITS = /(件|个|项|条|次|人次)$/;

export function toNumber(text: string): number {
  return Number(text.replace(/[,+]/g, ''));
}

const isDigit = (text: string, at: number) => at >= 0 && at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57;

/** How many digits run back from `end` (exclusive), at most `max`. */
function digitsBefore(text: string, end: number, max = Infinity): number {
  let count = 0;
  while (count < max && isDigit(text, end - count - 1)) count += 1;
  return count;
}

/** Leftmost start of an integer part ending at `end`: plain digits, or 1–3 digits then `,ddd` groups. */
function integerStart(text: string, end: number): number | null {
  const plain = digitsBefore(text, end);
  if (plain === 0) return null;
  let start = end - plain;
  // Walk back over “,ddd” groups; the head before the last comma is 1–3 digits.
  let groupEnd = end;
  let lastGroupStart: number | null = null;
  while (digitsBefore(text, groupEnd, 3) === 3 && text[groupEnd - 4] === ',') {
    lastGroupStart = groupEnd - 3;
    groupEnd -= 4;
  }
  if (lastGroupStart !== null) {
    const head = digitsBefore(text, groupEnd, 3);
    // No digit before the last comma: that group is the head, and needs a group after it.
    const grouped = head > 0 ? groupEnd - head : lastGroupStart + 4 <= end - 3 ? lastGroupStart : null;
    if (grouped !== null) start = Math.min(start, grouped);
  }
  return start;
}

/**
 * The number a text ends with (“项目数量12”, “…累计数1,234.5”), as `/[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/`
 * finds it, in time linear in the text: that pattern, run unanchored, retries from every digit of a
 * long run that does not reach the end (40,000 digits and an “x” took seconds).
 */
export function trailingNumber(text: string): string | null {
  const fraction = digitsBefore(text, text.length);
  if (fraction === 0) return null;
  let start: number | null = null;
  const dot = text.length - fraction - 1;
  if (text[dot] === '.') start = integerStart(text, dot);
  start ??= integerStart(text, text.length);
  if (start === null) return null;
  if (text[start - 1] === '+' || text[start - 1] === '-') start -= 1;
  return text.slice(start);
}

/**
 * `exec`-shaped access to `trailingNumber`, for callers written against the old pattern; a number
 * past the safe integer range is no value (it could not be held exactly).
 */
export const TRAILING_NUMBER = {
  exec(text: string): [string] | null {
    const found = trailingNumber(text);
    return found === null || Math.abs(toNumber(found)) > Number.MAX_SAFE_INTEGER ? null : [found];
  },
};

function splitUnit(text: string, kind: NumberKind): { text: string; unit?: string } {
  const match = (kind === 'money' ? MONEY_UNITS : COUNT_UNITS).exec(text);
  if (!match || match.index === 0) return { text };
  return { text: text.slice(0, match.index), unit: match[1] };
}

/**
 * Read a number generously (full-width digits, thousands separators, a sign before digits, a unit
 * after them) but never invent one: text that is not a number yields `status: null`. A number past
 * the safe integer range is not read as an approximation: counts get `value: null, tooLarge`, money
 * (whose rule reports text) reads as text.
 */
export function readNumber(raw: string, kind: NumberKind): ReadNumber {
  const text = normalizeText(raw);
  if (text === '') return { value: 0, status: 'empty' };
  // Most cells: plain digits, short enough to be exact. What the general path below gives them.
  if (SHORT_DIGITS.test(text)) return { value: Number(text), status: 'number' };
  if (NONE_MARKS.has(text)) return { value: 0, status: 'none-mark' };
  const { text: bare, unit } = splitUnit(text, kind);
  if (!PLAIN_NUMBER.test(bare)) return { value: null, status: null };
  const value = toNumber(bare);
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    if (kind === 'money') return { value: null, status: null };
    return unit ? { value: null, status: 'number', unit, tooLarge: true } : { value: null, status: 'number', tooLarge: true };
  }
  return unit ? { value, status: 'number', unit } : { value, status: 'number' };
}

/** A finite number as an exact decimal: digits × 10^−scale. */
function decimalOf(value: number): { digits: bigint; scale: number } {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { digits: BigInt(whole + fraction), scale: fraction.length - Number(exponent) };
}

/**
 * The sum of numbers as their decimal forms say (0.1 + 0.2 = 0.3, not 0.30000000000000004): each
 * value is taken as the shortest decimal that reads back as it, summed exactly, and rounded once.
 */
export function exactSum(values: readonly number[]): number {
  let plain = 0;
  let integers = true;
  for (const value of values) {
    plain += value;
    if (!Number.isInteger(value)) integers = false;
  }
  if ((integers && Number.isSafeInteger(plain)) || !Number.isFinite(plain)) return plain;
  const decimals = values.map(decimalOf);
  const scale = Math.max(0, ...decimals.map((d) => d.scale));
  let total = 0n;
  for (const d of decimals) total += d.digits * 10n ** BigInt(scale - d.scale);
  const sign = total < 0n ? '-' : '';
  const digits = (total < 0n ? -total : total).toString().padStart(scale + 1, '0');
  return Number(`${sign}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale) || '0'}`);
}
