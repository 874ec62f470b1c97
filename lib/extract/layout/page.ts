/**
 * The page model every reader works on (as camelot's lattice and stream parsers share one page
 * layout): text chunks grouped into lines, page furniture told apart, and the one glyph splitter
 * that places the runs of a text item holding several cells' text.
 */
import { levels } from './cluster';
import { FOOTER } from './kinds';
import type { LayoutSettings } from './settings';
import type { Chunk, Line } from './types';

/** Group chunks into lines, page by page: a chunk joins the line whose band it overlaps (settings.text.lineOverlap). */
export function toLines(chunks: readonly Chunk[], settings: LayoutSettings): Line[] {
  const sorted = [...chunks].sort((a, b) => a.page - b.page || a.top - b.top || a.x0 - b.x0);
  const lines: Line[] = [];
  for (let i = 0; i < sorted.length;) {
    let end = i;
    while (end < sorted.length && sorted[end]!.page === sorted[i]!.page) end += 1;
    for (const level of levels(sorted.slice(i, end), settings.text.lineOverlap, settings.text.lineLookBack)) {
      const size = Math.max(...level.items.map((chunk) => chunk.size));
      lines.push({ chunks: level.items.sort((a, b) => a.x0 - b.x0), page: sorted[i]!.page, top: level.top, bottom: level.bottom, size, order: lines.length, shift: 0 });
    }
    i = end;
  }
  return lines;
}

/** A page number alone on its line, in the page's top or bottom margin (anywhere, with a dash or 页, where the page's height is unknown). */
export function isFooter(line: Line, settings: LayoutSettings, pageHeight?: (page: number) => number | null): boolean {
  if (line.chunks.length !== 1 || !FOOTER.test(line.chunks[0]!.text.trim())) return false;
  const height = pageHeight?.(line.page) ?? null;
  if (height === null) return /[-—–―页/]/.test(line.chunks[0]!.text);
  return line.top > height * settings.text.footerBelow || line.bottom < height * settings.text.footerAbove;
}

/** A line's text, its runs parted by one space. */
export function joinLine(line: Line): string {
  return line.chunks.map((chunk) => chunk.text).join(' ').replace(/\s+/g, ' ').trim();
}

/** A glyph's width per font size: CJK characters (and full-width forms) one em, others about half. */
export const glyphWidth = (char: string, settings: LayoutSettings) => (/[\u2e80-\uffef]/.test(char) ? settings.text.cjkWidth : settings.text.otherWidth);

/**
 * A chunk's runs of text (parted by spaces) as chunks of their own, each placed by its glyphs'
 * widths with the chunk's spare width shared among the gaps (a leading space counts as a gap).
 * pdf.js joins the runs of one line into one item with a space where a gap was (LibreOffice's table
 * cells come out as “信息内容 本年制发件数 …”), and joins runs set close together across a drawn rule.
 * The chunk whole when it has one run, or when its gaps are narrower than `minGap` characters
 * (letter-spaced text, “结 果”, and spaced prose stay one run).
 */
export function splitRuns(chunk: Chunk, minGap: number, settings: LayoutSettings): Chunk[] {
  const runs = [...chunk.text.matchAll(/\S+/g)];
  if (runs.length <= 1) return [chunk];
  const inked = runs.map((run) => Array.from(run[0]).reduce((sum, char) => sum + glyphWidth(char, settings) * chunk.size, 0));
  const total = inked.reduce((a, b) => a + b, 0);
  const width = chunk.x1 - chunk.x0;
  const scale = total > width ? width / total : 1;
  const spare = Math.max(width - total * scale, 0);
  const leading = /^\s/.test(chunk.text) ? 1 : 0;
  const gap = spare / (runs.length - 1 + leading);
  if (gap < minGap * chunk.size) return [chunk];
  let cursor = chunk.x0 + leading * gap;
  return runs.map((run, i) => {
    const x0 = cursor;
    const x1 = x0 + inked[i]! * scale;
    cursor = x1 + gap;
    return { ...chunk, text: run[0], x0, x1 };
  });
}
