import { describe, expect, it } from 'vitest';
import { boxOf, emitTable } from '../../../../lib/extract/layout/emit';
import type { Chunk, TableCell } from '../../../../lib/extract/layout/types';
import type { TextBlock } from '../../../../lib/model/report';

const chunk = (text: string, x0: number, top: number, page = 1): Chunk => ({ text, page, x0, x1: x0 + 10 * text.length, top, bottom: top + 10, size: 10 });
const cell = (text: string, chunks: Chunk[], row = 0, rowSpan = 1): TableCell => ({ text, row, col: 0, rowSpan, colSpan: 1, chunks, page: 1, x0: 0, x1: 100, top: 0, bottom: 50 });

describe('one emitter from cells to tokens', () => {
  it('marks a cell around its text on its first page, or its frame when it holds none there', () => {
    expect(boxOf(cell('3', [chunk('3', 40, 20), chunk('3', 40, 700, 2)]))).toEqual({ page: 1, x: 40, y: 20, w: 10, h: 10 });
    expect(boxOf(cell('', []))).toEqual({ page: 1, x: 0, y: 0, w: 100, h: 50 });
  });

  it('a numbered group label cut to a character or two (三、本年) goes to the prose, its cell blank', () => {
    const blocks: TextBlock[] = [];
    const tokens = emitTable({ cells: [cell('三、本年', [chunk('三、本年', 0, 0)], 0, 3)], rows: 3, columns: 1 }, { table: 2, rowBase: 10, first: 7, order: new Map(), boxes: false }, blocks);
    expect(tokens).toEqual([{ text: '', src: 7, row: 10, pos: { table: 2, col: 0, colSpan: 1, rowSpan: 3 } }]);
    expect(blocks).toEqual([{ text: '三、本年', src: 7 }]);
  });
});
