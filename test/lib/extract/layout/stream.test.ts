/**
 * The borderless (stream) reader, one picture per shape of borderless table met in real prints:
 * text drawn as on the page (a CJK character two columns wide, runs parted by two spaces or more,
 * a blank line between rows as the cells' padding leaves), read by the whole layout reader.
 */
import { describe, expect, it } from 'vitest';
import { drawnPage as page, layoutCells as read } from '../../../support/drawn-pdf';

describe('borderless tables', () => {
  it('a plain grid between two headings: a header row, a label column, value columns', () => {
    expect(read(page(`
二、主动公开政府信息情况

信息内容      本年制发件数    本年废止件数    现行有效件数

规章              3               0              11

行政规范性文件    8               26             66

三、收到和处理政府信息公开申请情况`))).toEqual([
      't0 0,0 信息内容', 't0 0,1 本年制发件数', 't0 0,2 本年废止件数', 't0 0,3 现行有效件数',
      't0 1,0 规章', 't0 1,1 3', 't0 1,2 0', 't0 1,3 11',
      't0 2,0 行政规范性文件', 't0 2,1 8', 't0 2,2 26', 't0 2,3 66',
      '¶ 二、主动公开政府信息情况', '¶ 三、收到和处理政府信息公开申请情况',
    ]);
  });

  it('a wrapped label with its value centred between its lines (行政事业 / 96171.6 / 性收费)', () => {
    expect(read(page(`
信息内容      本年收费金额（单位：万元）


行政事业
                 96171.6
性收费


行政许可         447228`))).toEqual([
      't0 0,0 信息内容', 't0 0,1 本年收费金额(单位:万元)',
      't0 1,0 行政事业性收费', 't0 1,1 96171.6',
      't0 2,0 行政许可', 't0 2,1 447228',
    ]);
  });

  it('a group label beside its numbered sub-rows, a sub-label wrapped over two lines', () => {
    expect(read(page(`
（三）不予公开  1.属于国家秘密    1      0      1


                2.其他法律行政    2      1      3
                法规禁止公开


（四）无法提供  1.本机关不掌握    4      0      4`))).toEqual([
      't0 0,0 (三)不予公开', 't0 0,1 1.属于国家秘密', 't0 0,2 1', 't0 0,3 0', 't0 0,4 1',
      't0 1,1 2.其他法律行政法规禁止公开', 't0 1,2 2', 't0 1,3 1', 't0 1,4 3',
      't0 2,0 (四)无法提供', 't0 2,1 1.本机关不掌握', 't0 2,2 4', 't0 2,3 0', 't0 2,4 4',
    ]);
  });

  it('a column left blank in every row is found by its header, and header pieces over two lines are one cell (商业 / 企业)', () => {
    expect(read(page(`
                  自然人   商业   科研   社会公   总计
                           企业   机构   益组织

一、本年新收        3       1              2       6


二、上年结转        0       0              1       1`))).toEqual([
      't0 0,1 自然人', 't0 0,2 商业企业', 't0 0,3 科研机构', 't0 0,4 社会公益组织', 't0 0,5 总计',
      't0 1,0 一、本年新收', 't0 1,1 3', 't0 1,2 1', 't0 1,4 2', 't0 1,5 6',
      't0 2,0 二、上年结转', 't0 2,1 0', 't0 2,2 0', 't0 2,4 1', 't0 2,5 1',
    ]);
  });

  it('a table continued on the next page, a page footer between: one table, its columns kept', () => {
    expect(read(page(`
                  自然人   商业   科研   总计
                           企业   机构

一、本年新收        3       1      0      4


二、上年结转        0       0      0      0

                       第1页`, 1), page(`
三、本年度办理结果        2       1      0      3


四、结转下年度继续办理    1       0      0      1`, 2))).toEqual([
      't0 0,1 自然人', 't0 0,2 商业企业', 't0 0,3 科研机构', 't0 0,4 总计',
      't0 1,0 一、本年新收', 't0 1,1 3', 't0 1,2 1', 't0 1,3 0', 't0 1,4 4',
      't0 2,0 二、上年结转', 't0 2,1 0', 't0 2,2 0', 't0 2,3 0', 't0 2,4 0',
      't0 3,0 三、本年度办理结果', 't0 3,1 2', 't0 3,2 1', 't0 3,3 0', 't0 3,4 3',
      't0 4,0 四、结转下年度继续办理', 't0 4,1 1', 't0 4,2 0', 't0 4,3 0', 't0 4,4 1',
    ]);
  });
});
