import { normalizeText } from './normalize';

/** How a column's numbers are to be read. */
export type NumberKind = 'count' | 'signed' | 'money';

export interface ReadNumber {
  value: number | null;
  /** number: a number was read; empty / none-mark: read as 0; null: no number in the text. */
  status: 'number' | 'empty' | 'none-mark' | null;
  unit?: string;
}

const NONE_MARKS = new Set(['无', '-', '--', '---', '/', '//', '\\', '空', '...', '…', '……', '-/-', 'N/A', 'n/a']);
// “12.” stays text: a cell holding only an ordinal (“1.”) must never read as a value.
const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
export const TRAILING_NUMBER = /[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const MONEY_UNITS = /(万元|元|万)$/;
const COUNT_UNITS = /(件|个|项|条|次|人次)$/;

export function toNumber(text: string): number {
  return Number(text.replace(/[,+]/g, ''));
}

function splitUnit(text: string, kind: NumberKind): { text: string; unit?: string } {
  const match = (kind === 'money' ? MONEY_UNITS : COUNT_UNITS).exec(text);
  if (!match || match.index === 0) return { text };
  return { text: text.slice(0, match.index), unit: match[1] };
}

/**
 * Read a number generously (full-width digits, thousands separators, a sign before digits, a unit
 * after them) but never invent one: text that is not a number yields `status: null`.
 */
export function readNumber(raw: string, kind: NumberKind): ReadNumber {
  const text = normalizeText(raw);
  if (text === '') return { value: 0, status: 'empty' };
  if (NONE_MARKS.has(text)) return { value: 0, status: 'none-mark' };
  const { text: bare, unit } = splitUnit(text, kind);
  if (!PLAIN_NUMBER.test(bare)) return { value: null, status: null };
  const value = toNumber(bare);
  return unit ? { value, status: 'number', unit } : { value, status: 'number' };
}
