import { describe, expect, it } from 'vitest';
import { PDF_SETTINGS, readLayout } from '../../../../lib/extract/layout/index';
import { drawnPage as page } from '../../../support/drawn-pdf';

const cuts = (art: string) => {
  const { chunks, rules } = page(art);
  return readLayout(chunks, PDF_SETTINGS, { rules, pageWidth: () => 595 }).cuts;
};

describe('the table reader\'s entry: tables cut by the page', () => {
  it('a drawn table whose row rules run on past its last column rule was clipped by the page: cut at the right', () => {
    expect(cuts(`
+--------+------+------
|信息内容|数量  |本年处
+--------+------+------
|行政许可|  41  |  3
+--------+------+------
|行政处罚|  5   |  2
+--------+------+------`)).toEqual([{ table: 0, edge: 'right' }]);
  });

  it('a table shown whole, its outline closed, well inside the page, is never called cut', () => {
    expect(cuts(`
+--------+------+------+
|信息内容|数量  |本年处|
+--------+------+------+
|行政许可|  41  |  3   |
+--------+------+------+
|行政处罚|  5   |  2   |
+--------+------+------+`)).toEqual([]);
  });

  it('text running past the page\'s right edge cuts its table, drawn or not', () => {
    const { chunks, rules } = page(`
信息内容      本年制发件数    本年废止件数

规章              3               0

行政规范性文件    8               26`);
    expect(readLayout(chunks, PDF_SETTINGS, { rules, pageWidth: () => 1000 }).cuts).toEqual([]);
    expect(readLayout(chunks, PDF_SETTINGS, { rules, pageWidth: () => 150 }).cuts).toEqual([{ table: 0, edge: 'right' }]);
  });
});
