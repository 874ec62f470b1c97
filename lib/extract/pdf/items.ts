import { foldRadicals } from '../layout/chars';
import { splitRuns } from '../layout/page';
import type { LayoutSettings } from '../layout/settings';
import type { Chunk } from '../layout/types';

/** The parts of a pdf.js text item this reader uses (pdfjs-dist `TextItem`). */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
}

/** A page's viewport transform at scale 1 maps PDF user space to top-left-origin points. */
export type ViewportTransform = readonly number[];

function apply(m: ViewportTransform, x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

/**
 * Text items of one page → chunks: runs of text on one baseline with no visible gap between them
 * (pdf.js splits a line wherever the font or spacing changes). Whitespace items are dropped: their
 * widths are unreliable in PDFs written by WPS, and the gap between the items around them decides.
 * An item holding several cells' text (LibreOffice's “信息内容 本年制发件数 …”) is split at its
 * wide spaces, so cells part again by position.
 */
export function itemsToChunks(items: readonly PdfTextItem[], page: number, viewport: ViewportTransform, vertical: (fontName: string | undefined) => boolean, settings: LayoutSettings): Chunk[] {
  const chunks: Chunk[] = [];
  let last: Chunk | null = null;
  for (const item of items) {
    if (item.str.trim() === '') continue;
    // Radicals folded before reading (“第3⻚” is a footer); the rest of NFKC once read (layout/index.ts): it changes glyph widths.
    const text = foldRadicals(item.str);
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    const size = Math.max(Math.hypot(c, d), Math.hypot(a, b), 1);
    const [x, baseline] = apply(viewport, e, f);
    const upright = Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6;
    const isVertical = vertical(item.fontName);
    const width = item.width > 0 ? item.width : size * item.str.length;
    const pieces: Chunk[] = isVertical
      ? [{ text, page, x0: x - size / 2, x1: x + size / 2, top: baseline, bottom: baseline + Math.max(item.height, size), size }]
      : upright ? splitRuns({ text, page, x0: x, x1: x + width, top: baseline - size, bottom: baseline, size }, settings.items.runGap, settings)
        : [{ text, page, x0: x, x1: x + size, top: baseline - size, bottom: baseline, size }];
    for (const chunk of pieces) {
      if (last && joins(last, chunk, settings)) {
        last.text += chunk.text;
        last.x1 = Math.max(last.x1, chunk.x1);
        last.top = Math.min(last.top, chunk.top);
        last.bottom = Math.max(last.bottom, chunk.bottom);
        last.size = Math.max(last.size, chunk.size);
        continue;
      }
      chunks.push(chunk);
      last = chunk;
    }
  }
  return chunks;
}

/** Same baseline, next to each other: a quarter of a character's width is a gap between cells. */
function joins(left: Chunk, right: Chunk, settings: LayoutSettings): boolean {
  const size = Math.min(left.size, right.size);
  const sameLine = Math.abs(left.bottom - right.bottom) < size * settings.items.baseline;
  const gap = right.x0 - left.x1;
  return sameLine && gap < size * settings.items.joinGap && gap > -size * settings.items.joinOverlap;
}
