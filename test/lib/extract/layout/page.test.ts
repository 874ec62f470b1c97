import { describe, expect, it } from 'vitest';
import { isFooter, splitRuns, toLines } from '../../../../lib/extract/layout/page';
import { PDF_SETTINGS } from '../../../../lib/extract/layout/settings';
import type { Chunk } from '../../../../lib/extract/layout/types';
import { drawnPage as page } from '../../../support/drawn-pdf';

const chunk = (text: string, x0: number, x1: number, top = 0, page = 1): Chunk => ({ text, page, x0, x1, top, bottom: top + 10, size: 10 });

describe('the page model', () => {
  it('groups chunks into lines, page by page, left to right, in reading order', () => {
    const { chunks } = page(`
规章      3
行政许可  5`);
    const lines = toLines([...chunks].reverse(), PDF_SETTINGS);
    expect(lines.map((line) => line.chunks.map((c) => c.text).join('|'))).toEqual(['规章|3', '行政许可|5']);
    expect(lines.map((line) => line.order)).toEqual([0, 1]);
  });

  it('a page number alone in the page\'s margin is a footer; the same number among the text is not', () => {
    const [line] = toLines([chunk('- 3 -', 280, 310, 800)], PDF_SETTINGS);
    expect(isFooter(line!, PDF_SETTINGS, () => 842)).toBe(true);
    const [middle] = toLines([chunk('3', 280, 285, 400)], PDF_SETTINGS);
    expect(isFooter(middle!, PDF_SETTINGS, () => 842)).toBe(false);
  });

  it('one glyph splitter: a run of cells pdf.js joined with spaces is placed by its glyphs\' widths; letter-spacing is not a cell gap', () => {
    // 信息内容 (4 em) + 本年件数 (4 em) in 100 points at 10 pt: 20 points of spare width between them.
    expect(splitRuns(chunk('信息内容 本年件数', 0, 100), 1, PDF_SETTINGS).map((c) => [c.text, c.x0, c.x1])).toEqual([['信息内容', 0, 40], ['本年件数', 60, 100]]);
    expect(splitRuns(chunk('结 果', 0, 22), 1, PDF_SETTINGS).map((c) => c.text)).toEqual(['结 果']);
  });
});
