import { readLayout, TEXT_SETTINGS, type Chunk } from './layout/index';
import { extractFromText } from './text';
import { datesFromLines } from './dates';
import type { Extracted } from './types';

/** A line whose text runs are set apart by two or more spaces, with a number among them. */
const ALIGNED = /\S {2,}\S/;
const HAS_NUMBER = /(?:^|\s)[+-]?\d[\d,.]*(?:\s|$)/;

/**
 * Whether a text dump is space-aligned (`pdftotext -layout`, a PDF viewer's copy): many lines with
 * runs separated by wide gaps and numbers among them, and next to no tabs (the seeds' dumps use tabs
 * or one cell per line).
 */
export function isSpaceAligned(text: string): boolean {
  const lines = text.split(/\r\n?|\n/);
  const tabbed = lines.filter((line) => line.includes('\t')).length;
  const aligned = lines.filter((line) => ALIGNED.test(line.trim()) && HAS_NUMBER.test(line)).length;
  return aligned >= 8 && tabbed < aligned / 4;
}

/** Read a text dump in whichever layout it has. */
export function extractFromTextAny(text: string): Extracted {
  return isSpaceAligned(text) ? extractFromLayoutText(text) : extractFromText(text);
}

/** Space-aligned text: the same positioned-cell reading as a PDF, with character columns for x. */
export function extractFromLayoutText(input: string): Extracted {
  const text = input.replace(/^\ufeff/, '');
  const chunks: Chunk[] = [];
  text.split('\f').forEach((pageText, p) => {
    pageText.split(/\r\n?|\n/).forEach((line, y) => {
      const chars = Array.from(line.replace(/\t/g, '    '));
      const runs = /\S+(?: \S+)*/g;
      const joined = chars.join('');
      for (const match of joined.matchAll(runs)) {
        const x0 = Array.from(joined.slice(0, match.index)).length;
        const width = Array.from(match[0]).length;
        chunks.push({ text: match[0], page: p + 1, x0, x1: x0 + width, top: y, bottom: y + 1, size: 1 });
      }
    });
  });
  const read = readLayout(chunks, TEXT_SETTINGS);
  return {
    tokens: read.tokens,
    blocks: read.blocks,
    title: read.title,
    dates: datesFromLines(read.lines),
    anomalies: [],
  };
}
