/**
 * Pages broken at every row (issue 19, item 6): a table drawn whole, then cut by a page break
 * between each pair of its rows, reads the same — drawn (the border at the break drawn on both
 * pages, as Chromium does) and borderless (a page footer between the parts).
 */
import { describe, expect, it } from 'vitest';
import { APPLICATIONS_DRAWING, drawnCells, drawnPage, drawnPage as page, layoutCells } from '../../../support/drawn-pdf';

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

/**
 * 上海市政府办公厅 2019 printed landscape by Chromium (issue 19, item 3): the applications table goes
 * on over a page with its group labels' rowspans still open, so the left columns of the part below
 * the break draw only their side borders, meeting no rule across until （七）总计; most value cells
 * are blank. The continuation keeps the part above's columns: 总计's and 结转's values land under
 * 自然人, 法人 and 总计, not a column to the left.
 */
describe('a continuation whose left columns have no drawn borders and many blank cells', () => {
  const above = drawnPage(`
+----------------------------------+------+------+------+
|                                  |自然人| 法人 | 总计 |
+--------+---------+---------------+------+------+------+
|三、本年|（五）不 |1.信访举报     |  148 |    1 |      |
|度办理结|予处理   +---------------+------+------+------+
|果      |         |2.重复申请     |    5 |      |      |
|        |         +---------------+------+------+------+`, 1);
  const below = drawnPage(`
|        |         |3.要求提供     |      |      |      |
|        |         +---------------+------+------+------+
|        |         |4.无正当理由   |      |      |      |
|        +---------+---------------+------+------+------+
|        |（六）其他处理           |      |      |      |
|        +-------------------------+------+------+------+
|        |（七）总计               |  767 |   35 |  805 |
+--------+-------------------------+------+------+------+
|四、结转下年度继续办理            |   72 |      |   72 |
+----------------------------------+------+------+------+`, 2);

  it('reads the part below the break in the columns of the part above', () => {
    expect(layoutCells(above, below)).toEqual([
      't0 0,3 自然人', 't0 0,4 法人', 't0 0,5 总计',
      't0 1,0v6 三、本年度办理结果', 't0 1,1v4 (五)不予处理', 't0 1,2 1.信访举报', 't0 1,3 148', 't0 1,4 1',
      't0 2,2 2.重复申请', 't0 2,3 5',
      't0 3,2 3.要求提供',
      't0 4,2 4.无正当理由',
      't0 5,1+2 (六)其他处理',
      't0 6,1+2 (七)总计', 't0 6,3 767', 't0 6,4 35', 't0 6,5 805',
      't0 7,0+3 四、结转下年度继续办理', 't0 7,3 72', 't0 7,5 72',
    ]);
  });
});
