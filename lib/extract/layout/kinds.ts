/**
 * What a run of text is to the reader: a number, a page's footer, a part heading, a label that
 * opens a cell. Patterns from real reports; every other module asks here.
 */
import { readNumber } from '../number';
import { normalizeText, splitOrdinal } from '../normalize';
import type { TextKinds } from './types';

/** A page number: - 3 -, 第3页, 第3页共6页, 3/6, a bare 3. */
export const FOOTER = /^(?:[-—–―]\s*\d{1,4}\s*[-—–―]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|[-—–―]?\s*\d{1,3}\s*[-—–―]?)$/;
/** The report's part headings (一、总体情况 … 六、其他需要报告的事项), never a row label. */
export const SECTION_HEADING = /^[一二三四五六七八九十]+[、,].{2,30}(?:情况|问题|事项)[。.]?$/;
/** A label line that opens a new cell, never the continuation of the one above. */
export const OPENS_CELL = /^(?:[一二三四五六七八九十]+[、,]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[.、．,]|第二十条|信息内容)/;
/** A label's ordinal: 一、 （一） 1. 1、 */
export const ORDINAL = /^(?:[一二三四五六七八九十]+[、,]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[.、．,])/;
/** The first sub-row of a group: （一） 1. 一、 */
export const STARTS_ONE = /^(?:[（(]一[）)]|1\s*[.、．,]|一[、,])/;

/** A value cell's text: a number, or a none-mark (无, —) that reads as 0. */
export const isNumeric = (text: string) => {
  const status = readNumber(text, 'signed').status;
  return status === 'number' || status === 'none-mark';
};

/** A number proper: value columns are found by these (a none-mark alone is as often a wrapped label's piece, （四）无 / 法提供). */
export const isNumber = (text: string) => readNumber(text, 'signed').status === 'number';

/** The kinds the drawn-table reader asks about when it decides whether a cell goes on over a page break. */
export const KINDS: TextKinds = { numeric: isNumeric, opensRow: (text) => OPENS_CELL.test(normalizeText(text)) };

/** A label that names nothing: fewer than four characters after its ordinal (a group label cut short); `numbered` asks for an ordinal too. */
export function namesNothing(text: string, numbered: boolean): boolean {
  const label = splitOrdinal(normalizeText(text));
  return (!numbered || label.ordinal !== null) && label.body.length < 4;
}
