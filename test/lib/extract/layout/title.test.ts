import { describe, expect, it } from 'vitest';
import { PDF_SETTINGS } from '../../../../lib/extract/layout/settings';
import { documentTitle } from '../../../../lib/extract/layout/title';
import type { Line } from '../../../../lib/extract/layout/types';

/** Lines as `size x0 x1 text`, one a row, in reading order on page 1. */
function lines(picture: string): Line[] {
  return picture.trim().split('\n').map((row, order) => {
    const [size, x0, x1, ...text] = row.trim().split(/\s+/);
    const top = order * 20;
    return { chunks: [{ text: text.join(' '), page: 1, x0: Number(x0), x1: Number(x1), top, bottom: top + Number(size), size: Number(size) }], page: 1, top, bottom: top + Number(size), size: Number(size), order, shift: 0 };
  });
}

describe('a document\'s title', () => {
  it('the largest lines, wrapped, joined; a crawler\'s labelled line at the top is not the title', () => {
    const page = lines(`
      9  60 504 标题：沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局
      12 90 126 首页
      24 60 535 沭阳县发展和改革局2023年政府信息公开年
      24 60 132 度报告
      12 84 536 根据《中华人民共和国政府信息公开条例》要求，现向社会公布沭阳县发展和改革局2023年度政府信息公开年度报告。
      12 60 536 本年度报告所列数据的统计时限为2023年1月1日至2023年12月31日。`);
    expect(documentTitle(page, null, PDF_SETTINGS)).toBe('沭阳县发展和改革局2023年政府信息公开年度报告');
  });

  it('a centred title over two lines is one; the centred date line under a whole title is not part of it', () => {
    const page = lines(`
      12 200 395 平潭综合实验区2020年
      12 150 445 政府信息公开工作年度报告
      12 60 535 本报告根据《中华人民共和国政府信息公开条例》编制，全文包括总体情况、主动公开政府信息情况等。
      12 60 535 一、总体情况`);
    expect(documentTitle(page, null, PDF_SETTINGS)).toBe('平潭综合实验区2020年政府信息公开工作年度报告');
    const dated = lines(`
      12 120 475 2019年上海市人民政府办公厅政府信息公开工作年度报告
      12 250 345 发布日期：2020-01-31
      12 60 535 本年度报告根据《条例》的要求编制，全文包括总体情况等。
      12 60 535 本年度报告中所列数据统计期限从2019年1月1日到12月31日止。`);
    expect(documentTitle(dated, null, PDF_SETTINGS)).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
  });

  it('a line of running prose naming the report is no title: none, then the metadata\'s', () => {
    const page = lines(`
      12 60 535 本报告根据国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作
      12 60 535 年度报告格式〉的通知》（国办公开办函〔2021〕30号）等文件要求，汇总平潭综合实验区各有
      12 60 300 关部门的政府信息公开工作情况编制。`);
    expect(documentTitle(page, null, PDF_SETTINGS)).toBeNull();
    expect(documentTitle(page, '平潭综合实验区2023年政府信息公开工作年度报告', PDF_SETTINGS)).toBe('平潭综合实验区2023年政府信息公开工作年度报告');
  });
});
