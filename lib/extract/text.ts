import type { TextBlock } from '../model/report';
import { tidyText } from './normalize';
import { datesFromLines } from './dates';
import { isCrumb, joinSplitTitles, pickTitle, type Extracted, type Token } from './types';

/** A line that opens a numbered heading or item is never the continuation of a cell above it. */
const STARTS_NUMBERED = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+、)/;

/**
 * Read a plain-text dump of a report (the seeds' layouts): one cell per line, cells introduced by a
 * tab with unindented continuation lines, or tab-separated rows. `src` is the 0-based line number.
 */
export function extractFromText(input: string): Extracted {
  const lines = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const tokens: Token[] = [];
  const blocks: TextBlock[] = [];
  let cellOpen = false;
  let row = 0;
  // Continuation lines are gathered and tidied once when the cell ends: re-tidying the growing text
  // on every line was quadratic in the cell's length.
  let continued: { token: Token; lines: string[] } | null = null;
  const endCell = () => {
    if (continued) continued.token.text = tidyText(continued.lines.join('\n'));
    continued = null;
  };

  lines.forEach((line, index) => {
    if (line.trim() === '' && !line.includes('\t')) {
      cellOpen = false;
      return;
    }
    const last = tokens[tokens.length - 1];
    const parts = line.split('\t');
    if (parts.length === 1 && cellOpen && last && !STARTS_NUMBERED.test(line.trim())) {
      if (continued?.token !== last) continued = { token: last, lines: [last.text] };
      continued.lines.push(line);
      return;
    }
    endCell();
    const filled = parts.filter((part) => part.trim() !== '').length;
    if (parts.length > 1 && (filled >= 2 || parts[0]!.trim() !== '')) {
      for (const part of parts) tokens.push({ text: tidyText(part), src: index, row });
      row += 1;
      cellOpen = false;
      return;
    }
    const text = tidyText(parts.join(''));
    tokens.push({ text, src: index, row: null });
    if (parts.length === 1) blocks.push({ text, src: index });
    cellOpen = parts.length > 1;
  });
  endCell();

  const firstLines = joinSplitTitles(tokens.slice(0, 9).map((token) => token.text).filter(Boolean));
  return {
    tokens,
    blocks,
    title: pickTitle(firstLines) ?? firstLines.find((line) => !isCrumb(line) && /信息公开|政务公开/.test(line) && !/[。，；]/.test(line) && line.length <= 80) ?? null,
    dates: datesFromLines(blocks.map((block) => block.text)),
    anomalies: [],
  };
}
