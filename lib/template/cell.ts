import { normalizeText } from '../extract/normalize';
import { readNumber, toNumber, TRAILING_NUMBER, type NumberKind } from '../extract/number';
import type { ParsedCell } from '../model/report';
import { matchPlaceholder } from './phrases';

/** Text written as a bare number (digits, signs, separators, spaces): the result needs no copy of it. */
const PLAIN = /^[\d\s.,+\-－—０-９]+$/;

/** A cell's text → its value and what kind of text it was (number, blank, template leftover, other text). */
export function readCell(raw: string, kind: NumberKind, src: number | null): ParsedCell {
  const number = readNumber(raw, kind);
  if (number.status !== null) {
    const cell: ParsedCell = { value: number.value, raw, status: number.status, src };
    if (number.status === 'number' && number.value !== null && !number.unit && PLAIN.test(raw)) cell.plain = true; // too large: keep the digits
    return number.unit ? { ...cell, unit: number.unit } : cell;
  }
  const text = normalizeText(raw);
  const phrase = matchPlaceholder(text, 'cell');
  if (phrase) return { value: numberAfter(text, phrase), raw, status: 'placeholder', src };
  return { value: null, raw, status: 'text', src };
}

/** “项目数量0”, “此项为历年公开的累计数…0”: the number written after the template text. */
function numberAfter(text: string, phrase: string): number | null {
  const end = text.indexOf(phrase) + phrase.length;
  const match = TRAILING_NUMBER.exec(text.slice(end));
  return match ? toNumber(match[0]) : null;
}

export function missingCell(src: number | null): ParsedCell {
  return { value: 0, raw: '', status: 'missing', src };
}

/** A cell the document does not show (its table runs past the page's edge): no value, so no sum counts it. */
export function unshownCell(src: number | null): ParsedCell {
  return { value: null, raw: '', status: 'missing', src };
}
