/**
 * Hostile inputs that once took time growing with the square of their size (issue 13), each a
 * correct generated report plus one change of `size` characters, or a page scaled by `size`.
 * The growth check audits each at 100k and 400k characters: the time may at most grow 5× (4× is linear).
 */
import { renderHtml, renderText } from '../test/support/render';
import { consistentReport, setCell } from '../test/support/report-data';

export interface Hostile {
  name: string;
  kind: 'html' | 'text';
  make(size: number): string;
}

const repeat = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

function withCell(value: string): string {
  const data = consistentReport('2021', 5);
  setCell(data, 'applications', '3.1', 'natural', value);
  return renderHtml(data, 'cms');
}

/** A paragraph just before the first table, where the report's prose is read. */
function withParagraph(text: string): string {
  return renderHtml(consistentReport('2021', 5), 'cms').replace('<table', `<p>${text}</p><table`);
}

/** `count` small tables (18 KB each) whose spans would expand to two million slots each. */
function spanBombs(count: number): string {
  const table = `<table><tr><td rowspan="2000" colspan="1000">予以公开</td><td>结果维持</td><td>0</td><td>0</td></tr>${'<tr></tr>'.repeat(1999)}</table>`;
  return renderHtml(consistentReport('2021', 5), 'cms').replace('<table', `${table.repeat(count)}<table`);
}

export const HOSTILE: readonly Hostile[] = [
  { name: 'cell of “[bookmark:” repeated', kind: 'html', make: (n) => withCell(repeat('[bookmark:', n)) },
  { name: 'paragraph of “勾稽关系” repeated', kind: 'html', make: (n) => withParagraph(repeat('勾稽关系', n)) },
  { name: 'number cell “项目数量”, digits, “x”', kind: 'html', make: (n) => withCell(`项目数量${repeat('7', n)}x`) },
  { name: 'cell of “不予公开” repeated', kind: 'html', make: (n) => withCell(repeat('不予公开', n)) },
  { name: 'cell of digits', kind: 'html', make: (n) => withCell(repeat('9', n)) },
  { name: 'span-bomb tables (one per 18k characters)', kind: 'html', make: (n) => spanBombs(Math.max(1, Math.round(n / 18_000))) },
  { name: 'text dump, long title line', kind: 'text', make: (n) => `${repeat('2021年度报告 ', n)}\n${renderText(consistentReport('2021', 5), 'lines')}` },
  { name: 'text dump, cell with continuation lines', kind: 'text',
    make: (n) => renderText(consistentReport('2021', 5), 'lines').replace(/\n/, `\n\t续\n${repeat('续行文字\n', n)}`) },
];
