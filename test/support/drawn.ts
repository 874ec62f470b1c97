/**
 * Tables drawn as text, the way pandas' read_html tests draw them, so a reader sees the table:
 *
 *   | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
 *   | 规章     | 1           | 0           | 3           |
 *
 * A cell `<` extends the cell to its left (colspan), `^` the cell above (rowspan); `.` is an empty cell.
 */
import { esc } from './render';

export function drawnCells(drawing: string): string[][] {
  return drawing.trim().split('\n').map((line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
}

/** The drawing as an HTML table with rowspan and colspan. */
export function drawnTable(drawing: string): string {
  const grid = drawnCells(drawing);
  const rows = grid.map((line, r) => line.flatMap((text, c) => {
    if (text === '<' || text === '^') return [];
    let colspan = 1;
    while (line[c + colspan] === '<') colspan += 1;
    let rowspan = 1;
    while (grid[r + rowspan]?.[c] === '^') rowspan += 1;
    const spans = `${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''}`;
    return [`<td${spans}>${text === '.' ? '' : esc(text)}</td>`];
  }));
  return `<table>${rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('')}</table>`;
}
