import { describe, expect, it } from 'vitest';
import { PDF_SETTINGS, readLayout, type Chunk, type Segment } from '../../../../lib/extract/layout/index';
import { pageRulings, type PdfOps } from '../../../../lib/extract/pdf/rulings';
import { APPLICATIONS_DRAWING, drawnCells as cells, drawnPage as page } from '../../../support/drawn-pdf';

describe('drawn tables: cells from the rules around them', () => {
  it('a spanned group header over a multi-line header, and wrapped centred labels, are one cell each', () => {
    const drawn = page(APPLICATIONS_DRAWING);
    expect(cells(drawn)).toEqual([
      '0,1+3 申请人情况',
      '0,4v3 总计',
      '1,1v2 自然人',
      '1,2+2 法人或其他组织',
      '2,2 商业企业',
      '2,3 科研机构',
      '3,0 一、本年新收政府信息公开',
      '3,1 3', '3,2 1', '3,3 0', '3,4 4',
    ]);
  });

  it('a vertical one-character-per-line group label spans its rows', () => {
    const drawn = page(`
+----+----------+----+
| 三 |（一）予以|  5 |
| 、 |   公开   |    |
| 本 +----------+----+
| 年 |（二）部分|  2 |
| 度 |   公开   |    |
+----+----------+----+`);
    expect(cells(drawn)).toEqual(['0,0v2 三、本年度', '0,1 （一）予以公开', '0,2 5', '1,1 （二）部分公开', '1,2 2']);
  });

  it('separate borders (each cell its own box, a border-spacing apart) make one table', () => {
    const box = (x0: number, y0: number, x1: number, y1: number): Segment[] => [
      { page: 1, horizontal: true, at: y0, from: x0, to: x1 }, { page: 1, horizontal: true, at: y1, from: x0, to: x1 },
      { page: 1, horizontal: false, at: x0, from: y0, to: y1 }, { page: 1, horizontal: false, at: x1, from: y0, to: y1 },
    ];
    const gap = 2.2;
    const rules = [box(0, 0, 60, 20), box(60 + gap, 0, 120, 20), box(0, 20 + gap, 60, 40), box(60 + gap, 20 + gap, 120, 40)].flat();
    const chunk = (text: string, x0: number, top: number): Chunk => ({ text, page: 1, x0, x1: x0 + 10 * text.length, top, bottom: top + 10, size: 10 });
    expect(cells({ rules, chunks: [chunk('信息内容', 5, 5), chunk('数量', 70, 5), chunk('规章', 5, 27), chunk('3', 70, 27)] }))
      .toEqual(['0,0 信息内容', '0,1 数量', '1,0 规章', '1,1 3']);
  });

  it('text pdf.js joined across a drawn column rule is split at its spaces', () => {
    const drawn = page(`
+--------+--------+
|        |        |
+--------+--------+`);
    drawn.chunks.push({ text: '信息内容 本年件数', page: 1, x0: 7, x1: 80, top: 10, bottom: 20, size: 8 });
    expect(cells(drawn)).toEqual(['0,0 信息内容', '0,1 本年件数']);
  });

  it('a table the page clips at its right edge (row rules running on past the last column rule): the text beyond is a column of its own', () => {
    // 上海市政府办公厅 2019 printed in portrait: the nowrap table is clipped inside its 其他 column.
    const drawn = page(`
+------+------+--------
| 法律 | 服务 | 其他
+------+------+--------
|   2  |   0  |   1
+------+------+--------`);
    expect(cells(drawn)).toEqual(['0,0 法律', '0,1 服务', '0,2 其他', '1,0 2', '1,1 0', '1,2 1']);
  });

  describe('a table continued over a page break', () => {
    const top = page(`
+--------+----------+----+
|（五）不|1.信访举报|  1 |
|予处理  +----------+----+
|        |2.要求行政|  0 |
+--------+----------+----+`, 1);

    it('a row cut in two goes on below the break, as does its group label', () => {
      const bottom = page(`
+--------+----------+----+
|        |机关确认  |    |
+--------+----------+----+
|（六）其他处理     |  3 |
+--------+----------+----+`, 2);
      expect(cells(top, bottom)).toEqual(['0,0v3 （五）不予处理', '0,1 1.信访举报', '0,2 1', '1,1v2 2.要求行政机关确认', '1,2v2 0', '3,0+2 （六）其他处理', '3,2 3']);
    });

    it('a row that opens below the break, or meets numbers with numbers, is a row of its own', () => {
      const bottom = page(`
+--------+----------+----+
|        |3.重复申请|  4 |
+--------+----------+----+
|        |行政强制  |  2 |
+--------+----------+----+`, 2);
      expect(cells(top, bottom)).toEqual(['0,0v3 （五）不予处理', '0,1 1.信访举报', '0,2 1', '1,1 2.要求行政', '1,2 0', '2,1 3.重复申请', '2,2 4', '3,1 行政强制', '3,2 2']);
    });

    it('a row a page break cut with no border drawn at the break goes on at the head of the next page', () => {
      const first = page(`
+----------+---+
|（七）总计|  5|
+----------+---+
|四、结转下|  0|
|年        |   |`, 1);
      const next = page(`
|度继续办理|   |
+----------+---+`, 2);
      expect(cells(first, next)).toEqual(['0,0 （七）总计', '0,1 5', '1,0v2 四、结转下年度继续办理', '1,1v2 0']);
    });

    it('a header cell over several columns never runs on into the cells below the break', () => {
      const header = page(`
+-------------+
|  行政复议   |
+-------------+`, 1);
      const rest = page(`
+------+------+
| 结果 | 总计 |
| 维持 |      |
+------+------+
|  10  |  10  |
+------+------+`, 2);
      expect(cells(header, rest)).toEqual(['0,0+2 行政复议', '1,0 结果维持', '1,1 总计', '2,0 10', '2,1 10']);
    });
  });

  it('a header repeated at the head of the next page continues nothing', () => {
    const head = `
+--------+------+
|        | 数量 |
|信息内容+------+
|        | 件数 |
+--------+------+`;
    const first = page(`${head}
|行政处罚|  41  |
+--------+------+`, 1);
    const second = page(`${head}
|行政强制|  19  |
+--------+------+`, 2);
    expect(cells(first, second)).toEqual([
      '0,0v2 信息内容', '0,1 数量', '1,1 件数', '2,0 行政处罚', '2,1 41',
      '3,0v2 信息内容', '3,1 数量', '4,1 件数', '5,0 行政强制', '5,1 19',
    ]);
  });

  it('a number alone at the head of a page, in a drawn table, is a cell and no page footer', () => {
    const first = page(`
第二十条第（六）项
+--------+-------+
|信息内容|数量   |
+--------+-------+
|行政处罚|  4119 |
+--------+-------+`, 1);
    const second = page(`
+--------+-------+
|行政强制|       |
|        |  195  |
+--------+-------+
五、存在的主要问题及改进情况`, 2);
    const read = readLayout([...first.chunks, ...second.chunks], PDF_SETTINGS, { rules: [...first.rules, ...second.rules], pageHeight: () => 200 });
    const table = read.tokens.filter((token) => token.pos).map((token) => `${token.row}:${token.pos!.col} ${token.text}`);
    expect(table).toEqual(['0:0 信息内容', '0:1 数量', '1:0 行政处罚', '1:1 4119', '2:0 行政强制', '2:1 195']);
    expect(read.tokens.find((token) => token.text === '195')?.box).toMatchObject({ page: 2 });
    expect(read.blocks.map((block) => block.text)).toEqual(['第二十条第(六)项', '五、存在的主要问题及改进情况']);
  });

  it('a report table inside a cell of a bordered layout table is read on its own', () => {
    const drawn = page(`
+------+-----------------------------------+
| 导航 | 二、主动公开政府信息情况          |
|      | +--------+--------------+         |
|      | |信息内容|本年制发件数  |         |
|      | +--------+--------------+         |
|      | |规章    |  3           |         |
|      | +--------+--------------+         |
|      | |行政许可|  5           |         |
|      | +--------+--------------+         |
|      | 本年度未收取信息处理费。          |
+------+-----------------------------------+`);
    const read = readLayout(drawn.chunks, PDF_SETTINGS, { rules: drawn.rules });
    const t = read.tokens.find((token) => token.text === '规章')!.pos!.table;
    const table = read.tokens.filter((token) => token.pos?.table === t).map((token) => `${token.pos!.col}+${token.pos!.colSpan} ${token.text}`);
    expect(table).toEqual(['0+1 信息内容', '1+1 本年制发件数', '0+1 规章', '1+1 3', '0+1 行政许可', '1+1 5']);
    expect(read.blocks.map((block) => block.text)).toContain('本年度未收取信息处理费。');
  });

  it('a boxed note that is no report table is read as text', () => {
    const drawn = page(`
+----------------------+
| 注：本表数据截至年底 |
+----------+-----------+
| 联系电话 | 12345     |
+----------+-----------+`);
    const read = readLayout(drawn.chunks, PDF_SETTINGS, { rules: drawn.rules });
    expect(read.tokens.some((token) => token.pos && token.pos.colSpan > 1)).toBe(false);
    expect(read.lines).toContain('注:本表数据截至年底');
  });
});

describe('rules from a pdf.js operator list', () => {
  const OPS: PdfOps = { save: 10, restore: 11, transform: 12, constructPath: 91, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27 };
  const path = (paint: number, ...data: number[]) => [paint, [new Float32Array(data)], null];
  /** A4 at scale 1: PDF space (origin bottom left) to top-left points. */
  const viewport = [1, 0, 0, -1, 0, 842];

  it('follows the transform through save and restore, and takes thin filled rectangles and straight strokes', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.constructPath];
    const args = [
      null,
      [0.5, 0, 0, 0.5, 0, 0],
      // A filled rectangle 200 × 1 (user space) at y = 100: at half scale, a 100-point rule at y = 842 − 50.
      path(OPS.fill, 0, 0, 100, 1, 200, 100, 1, 200, 101, 1, 0, 101, 4),
      null,
      // A stroked vertical line, x = 20 from y = 800 to 700 (PDF space).
      path(OPS.stroke, 0, 20, 800, 1, 20, 700),
      // A curve and a wide filled rectangle (a cell's shading): no rules.
      path(OPS.stroke, 0, 0, 0, 2, 10, 10, 20, 20, 30, 0),
      path(OPS.fill, 0, 0, 0, 1, 100, 0, 1, 100, 50, 1, 0, 50, 4),
    ];
    expect(pageRulings(fn, args, OPS, 3, viewport, PDF_SETTINGS)).toEqual([
      { page: 3, horizontal: true, at: expect.closeTo(791.75, 2), from: 0, to: 100 },
      { page: 3, horizontal: false, at: 20, from: 42, to: 142 },
    ]);
  });

  it('takes a cell border Chromium draws mitred (an HTML border="1" table\'s inset and outset sides), never a slanted or thick shape', () => {
    // 上海市政府办公厅 2019 printed by Chromium: each cell's left and right sides are four-cornered
    // shapes, one unit wide, whose corners are cut at 45°, unclosed:
    //   (462,3446)┐
    //      │      │(463,3445)   a vertical side from y 3445 to 3505, its top-left corner one unit lower
    //   (462,3505)┘(463,3505)
    const fn = [OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.constructPath];
    const args = [
      path(OPS.fill, 0, 462, 3446, 1, 462, 3505, 1, 463, 3505, 1, 463, 3445),
      // The same side's horizontal twin at the cell's foot, mitred at both ends.
      path(OPS.fill, 0, 240, 3504, 1, 463, 3504, 1, 462, 3505, 1, 241, 3505, 4),
      // A thin shape slanted along its length (a diagonal stroke filled): no rule.
      path(OPS.fill, 0, 100, 100, 1, 101, 100, 1, 103, 160, 1, 102, 160, 4),
      // A corner cut deeper than the border is wide (a wedge): no rule.
      path(OPS.fill, 0, 300, 100, 1, 300, 160, 1, 301, 150, 1, 301, 100),
    ];
    expect(pageRulings(fn, args, OPS, 1, viewport, PDF_SETTINGS)).toEqual([
      { page: 1, horizontal: false, at: 462.5, from: 842 - 3505, to: 842 - 3445 },
      { page: 1, horizontal: true, at: 842 - 3504.5, from: 240, to: 463 },
    ]);
  });
});
