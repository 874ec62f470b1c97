// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildGrid, drawGrid } from '../../../lib/extract/grid';

function table(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = `<table>${html}</table>`; // eslint-disable-line no-restricted-properties -- test markup, not page text
  return host.querySelector('table')!;
}

describe('buildGrid', () => {
  it('resolves rowspan and colspan like the applications header', () => {
    const grid = buildGrid(table(`
      <tr><td rowspan="3" colspan="3">note</td><td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr>`));
    expect(drawGrid(grid)).toBe(['AaaBbbbbbb', 'aaaCDddddE', 'aaacFGHIJe'].join('\n'));
    expect(grid.anomalies).toEqual([]);
    expect(grid.slots[2]![3]).toEqual({ cell: 2, origin: false });
  });

  it('keeps the source element of every slot', () => {
    const t = table('<tr><td rowspan="2">x</td><td>1</td></tr><tr><td>2</td></tr>');
    const grid = buildGrid(t);
    expect(grid.cells[grid.slots[1]![0]!.cell]!.element).toBe(t.querySelector('td'));
    expect(grid.slots[1]![1]!.origin).toBe(true);
  });

  it('records impossible spans instead of repairing them silently', () => {
    const grid = buildGrid(table('<tr><td rowspan="9">a</td><td colspan="0">b</td><td colspan="-2">c</td></tr><tr><td colspan="3">d</td></tr>'));
    expect(drawGrid(grid)).toBe(['ABC', 'aDdd'].join('\n'));
    expect(grid.anomalies).toEqual([
      'row 1: rowspan=9 runs past the table\'s 2 rows',
      'row 1: colspan="0" read as 1',
      'row 1: colspan="-2" is not a valid span; read as 1',
    ]);
  });

  it('records overlapping cells and keeps the first', () => {
    const grid = buildGrid(table('<tr><td>a</td><td rowspan="2">b</td></tr><tr><td colspan="2">c</td></tr>'));
    expect(drawGrid(grid)).toBe(['AB', 'Cb'].join('\n'));
    expect(grid.anomalies).toEqual(['row 2, column 2: cells overlap; the earlier cell is kept']);
  });

  it('does not read the rows of a nested table as its own', () => {
    const grid = buildGrid(table('<tr><td><table><tr><td>in</td></tr><tr><td>in</td></tr></table></td><td>b</td></tr>'));
    expect(drawGrid(grid)).toBe('AB');
  });
});
