/**
 * Pages broken at every row (issue 19, item 6): a table drawn whole, then cut by a page break
 * between each pair of its rows, reads the same — drawn (the border at the break drawn on both
 * pages, as Chromium does) and borderless (a page footer between the parts).
 */
import { describe, expect, it } from 'vitest';
import { APPLICATIONS_DRAWING, drawnCells, drawnPage as page, layoutCells } from '../../../support/drawn-pdf';

const DRAWN = `${APPLICATIONS_DRAWING}
|（一）予以|   2    |   1    |   0     |  3   |
|   公开   |        |        |         |      |
+----------+--------+--------+---------+------+
|（二）部分|   1    |   0    |   0     |  1   |
|   公开   |        |        |         |      |
+----------+--------+--------+---------+------+
|（七）总计|   3    |   1    |   0     |  4   |
+----------+--------+--------+---------+------+`;

const BORDERLESS = `
                  自然人   商业   科研   总计
                           企业   机构

一、本年新收        3       1      0      4


二、上年结转        0       0      0      0


（一）予以公开      2       1      0      3


（二）部分公开      1       0      0      1


（七）总计          3       1      0      4`;

describe('a table broken over two pages at every row', () => {
  it('drawn: the same cells wherever the break falls between rows', () => {
    const lines = DRAWN.replace(/^\n/, '').split('\n');
    const whole = drawnCells(page(DRAWN));
    const rowRules = lines.map((line, i) => (line.startsWith('+') ? i : -1)).filter((i) => i > 0 && i < lines.length - 1);
    expect(rowRules.length).toBeGreaterThanOrEqual(4);
    for (const at of rowRules) {
      const top = page(lines.slice(0, at + 1).join('\n'), 1);
      const bottom = page(lines.slice(at).join('\n'), 2);
      expect(drawnCells(top, bottom), `break at line ${at}`).toEqual(whole);
    }
  });

  it('borderless: the same tokens wherever the break falls between rows, a footer between the parts', () => {
    const lines = BORDERLESS.replace(/^\n/, '').split('\n');
    const whole = layoutCells(page(BORDERLESS));
    const gaps = lines.map((line, i) => (line.trim() === '' && lines[i + 1]?.trim() !== '' && i > 3 ? i : -1)).filter((i) => i > 0);
    expect(gaps.length).toBe(4);
    for (const at of gaps) {
      const top = page(`${lines.slice(0, at).join('\n')}\n\n                       第1页`, 1);
      const bottom = page(lines.slice(at + 1).join('\n'), 2);
      expect(layoutCells(top, bottom), `break before line ${at + 1}`).toEqual(whole);
    }
  });
});
