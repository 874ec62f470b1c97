/** Tables drawn as text art, read as a PDF's drawn rules and text items (for the border reader's tests). */
import { ruleGroups } from '../../lib/extract/layout/edges';
import { ruledTable } from '../../lib/extract/layout/lattice';
import type { Chunk, Segment, TextKinds } from '../../lib/extract/layout/types';
import { PDF_SETTINGS, readLayout } from '../../lib/extract/layout/index';

/** Each text column of a drawing is this many points wide (a CJK character takes two), each line 10. */
const COL = 5;
const LINE = 10;
const wide = (char: string) => /[\u2e80-\uffef]/.test(char);
const crossing = (char: string | undefined) => char === '|' || char === '+';
/** A wide character's second column holds '' (so x counts columns as a monospace terminal shows them). */
const isText = (char: string) => char !== '' && char !== '-' && !crossing(char);

/**
 * A page drawn as text, as pandas' tests draw tables: `-` and `+` runs are horizontal rules, `|` and
 * `+` stacked are vertical ones, other runs of text (single spaces inside) are text items.
 */
export function drawnPage(art: string, number = 1): { rules: Segment[]; chunks: Chunk[] } {
  const rows = art.replace(/^\n/, '').split('\n').map((line) => {
    const cells: string[] = [];
    for (const char of line) cells.push(...(wide(char) ? [char, ''] : [char]));
    return cells;
  });
  const rules: Segment[] = [];
  const chunks: Chunk[] = [];
  rows.forEach((cells, y) => {
    const line = cells.join('');
    for (const match of line.matchAll(/[-+]{2,}/g)) {
      const x0 = cells.findIndex((_, i) => cells.slice(0, i).join('').length === match.index);
      rules.push({ page: number, horizontal: true, at: y * LINE + LINE / 2, from: x0 * COL + COL / 2, to: (x0 + match[0].length - 1) * COL + COL / 2 });
    }
    let run: { text: string; x0: number } | null = null;
    cells.forEach((char, x) => {
      const text = isText(char) && (char !== ' ' || (run !== null && cells[x + 1] !== undefined && cells[x + 1] !== ' ' && isText(cells[x + 1]!)));
      if (text && run) run.text += char;
      else if (text) run = { text: char, x0: x };
      if ((!text && char !== '') || x === cells.length - 1) {
        if (run) chunks.push({ text: run.text, page: number, x0: run.x0 * COL, x1: (x + (text ? 1 : 0)) * COL, top: y * LINE, bottom: (y + 1) * LINE, size: LINE });
        run = null;
      }
    });
  });
  const width = Math.max(...rows.map((cells) => cells.length));
  for (let x = 0; x < width; x += 1) {
    let start = -1;
    for (let y = 0; y <= rows.length; y += 1) {
      const on = y < rows.length && crossing(rows[y]![x]);
      if (on && start < 0) start = y;
      if (!on && start >= 0) {
        if (y - start >= 1) rules.push({ page: number, horizontal: false, at: x * COL + COL / 2, from: start * LINE + LINE / 2, to: (y - 1) * LINE + LINE / 2 });
        start = -1;
      }
    }
  }
  return { rules, chunks };
}

export const KINDS: TextKinds = { numeric: (text) => /^\d+$/.test(text), opensRow: (text) => /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]）|\d\.)/.test(text) };

/** The table's cells as `row,col[+colSpan][vrowSpan] text`. */
export function drawnCells(...pages: { rules: Segment[]; chunks: Chunk[] }[]): string[] {
  const groups = ruleGroups(pages.flatMap((p) => p.rules));
  const table = ruledTable(groups, pages.flatMap((p) => p.chunks), KINDS)!;
  return table.cells.filter((cell) => cell.text !== '').map((cell) => `${cell.row},${cell.col}${cell.colSpan > 1 ? `+${cell.colSpan}` : ''}${cell.rowSpan > 1 ? `v${cell.rowSpan}` : ''} ${cell.text}`);
}

/** The applications table's header (a spanned group over a two-line header) and its first row, drawn. */
export const APPLICATIONS_DRAWING = `
+----------+---------------------------+------+
|          |        申请人情况         |      |
|          +--------+------------------+      |
|          |        |  法人或其        |      |
|          | 自然人 |    他组织        | 总计 |
|          |        +--------+---------+      |
|          |        |商业企业| 科研机构|      |
+----------+--------+--------+---------+------+
|  一、本年|        |        |         |      |
|新收政府信|   3    |   1    |   0     |  4   |
|  息公开  |        |        |         |      |
+----------+--------+--------+---------+------+`;

/**
 * A document drawn as pages (borders or none) read by the whole layout reader, each table's tokens
 * as `t<table> <row>,<col>[+colSpan][v rowSpan] text` (blank cells left out) and the prose as `¶ text`.
 */
export function layoutCells(...pages: { rules: Segment[]; chunks: Chunk[] }[]): string[] {
  const read = readLayout(pages.flatMap((p) => p.chunks), PDF_SETTINGS, { rules: pages.flatMap((p) => p.rules) });
  return [
    ...read.tokens.filter((token) => token.text !== '').map((token) => `t${token.pos!.table} ${token.row},${token.pos!.col}${token.pos!.colSpan > 1 ? `+${token.pos!.colSpan}` : ''}${token.pos!.rowSpan > 1 ? `v${token.pos!.rowSpan}` : ''} ${token.text}`),
    ...read.blocks.map((block) => `¶ ${block.text}`),
  ];
}
