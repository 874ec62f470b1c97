import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { auditBatch } from '../../../lib/batch/audit-batch';
import { checkExpected, csvCells, unitsFromTable, type ExpectedUnit } from '../../../lib/batch/expected';
import { readExpected } from '../../../lib/batch/expected-file';
import { emptyRow, type BatchRow } from '../../../lib/batch/row';
import { COUNTY, COUNTY_EXPECTED_CSV, type UnitSpec } from '../../support/column-site';
import { preparedColumn } from '../../support/column-batch';

const statuses = (check: { units: { name: string; status: string }[] } | null) => check?.units.map((unit) => `${unit.name} ${unit.status}`);

describe('the 应报清单 file', () => {
  it('reads a CSV as Excel on a Chinese Windows saves it (GBK), a 序号 column and a header naming the columns', async () => {
    const units = await readExpected(new Uint8Array(iconv.encode(COUNTY_EXPECTED_CSV, 'gbk')));
    expect(units.length).toBe(10);
    expect(units[0]).toEqual({ name: '县发展和改革局', kind: 'department' });
    expect(units.at(-2)).toEqual({ name: '测试县人民政府', kind: 'government' });
    expect(units.at(-1)).toEqual({ name: '城关镇人民政府', kind: 'township' });
  });

  it('reads the first sheet of a workbook, and a list with no header (names, then kinds)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    sheet.addRow(['县教育局', '部门']);
    sheet.addRow(['某某街道办事处', '街道']);
    sheet.addRow(['县教育局', '部门']); // listed twice: once
    sheet.addRow([]);
    const units = await readExpected(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(units).toEqual([{ name: '县教育局', kind: 'department' }, { name: '某某街道办事处', kind: 'township' }]);
  });

  it('takes a UTF-8 CSV with a BOM, quoted names and a name column that is not the first', () => {
    expect(unitsFromTable(csvCells('\ufeff类型,机关名称\r\n部门,"测试县教育局"\r\n人民政府,"测试县人民政府"\r\n'))).toEqual([
      { name: '测试县教育局', kind: 'department' }, { name: '测试县人民政府', kind: 'government' }]);
    expect(unitsFromTable(csvCells('just,some\n1,2\n'))).toEqual([{ name: 'just', kind: null }]);
  });
});

describe('the column against the list', () => {
  const units = unitsFromTable(csvCells(COUNTY_EXPECTED_CSV));

  it('shows exactly the county’s column: two units missing, one late, the others on time (short and full names joined)', () => {
    const { expected } = auditBatch(preparedColumn(), { expected: units });
    expect(expected?.year).toBe(2024);
    expect(statuses(expected)).toEqual([
      '县发展和改革局 on-time', '测试县教育局 on-time', '县公安局 on-time', '县民政局 missing', '县财政局 late',
      '县人力资源和社会保障局 on-time', '县自然资源局 on-time', '县卫生健康委员会 on-time', '测试县人民政府 on-time', '城关镇人民政府 missing',
    ]);
    expect(expected!.units.find((unit) => unit.name === '县财政局')).toMatchObject({ agency: '测试县财政局', publishedAt: '2025-02-18', row: 3 });
  });

  it('lets the list tell the deadline a unit’s kind the name cannot (inside lib/facts): a 部门 by 1月31日', () => {
    const column: UnitSpec[] = [{ agency: '测试县城市管理综合执法', published: '2025-02-20' }];
    const alone = auditBatch(preparedColumn(column));
    expect(alone.results[0]!.deadline).toEqual({ date: '2025-03-31', basis: 'deadline.unknown', status: 'kept' });
    const listed = auditBatch(preparedColumn(column), { expected: [{ name: '县城市管理综合执法', kind: 'department' }] });
    expect(listed.results[0]!.deadline).toEqual({ date: '2025-01-31', basis: 'deadline.listed-department', status: 'missed' });
    expect(listed.results[0]!.findings.find((f) => f.rule === 'report.late')!.message).toContain('应报清单列为政府部门，应于次年1月31日前公布');
    expect(statuses(listed.expected)).toEqual(['县城市管理综合执法 late']);
  });

  it('says which units were found only under another year, linked but not a report, unreadable, in an attachment, or not on the list', () => {
    const row = (index: number, over: Partial<BatchRow>): BatchRow => ({ ...emptyRow(index, `https://www.test.gov.cn/${index}.html`, null, 'audited', null), ...over });
    const rows: BatchRow[] = [
      row(0, { agency: '测试县教育局', year: 2023, deadline: 'kept' }),
      row(1, { status: 'not-report', linkText: '测试县公安局2024年政府信息公开工作年度报告' }),
      row(2, { status: 'fetch-failed', linkText: '县民政局2024年度报告', reason: 'HTTP 404' }),
      row(3, { status: 'attachment', linkText: '测试县财政局2024年度报告', reason: 'https://www.test.gov.cn/3.pdf: PDF 已加密，无法读取' }),
      row(4, { agency: '测试县审计局', year: 2024, deadline: 'kept' }),
      row(5, { agency: '测试县司法局', year: 2024, deadline: null, reason: 'https://www.test.gov.cn/5.docx' }),
      row(6, { agency: '测试县审计局', year: 2024, deadline: 'kept' }), // listed twice in the column: one unlisted unit
    ];
    const list: ExpectedUnit[] = ['县教育局', '县公安局', '县民政局', '县财政局', '县司法局', '县统计局'].map((name) => ({ name, kind: 'department' }));
    const check = checkExpected(list, rows, 2024);
    expect(statuses(check)).toEqual([
      '县教育局 other-year', '县公安局 not-report', '县民政局 unreadable', '县财政局 attachment', '县司法局 undated', '县统计局 missing', '测试县审计局 unlisted']);
    expect(check.units[0]!.otherYears).toEqual([2023]);
    expect(check.units[3]!.attachment).toBe('https://www.test.gov.cn/3.pdf');
    expect(check.units[4]!.attachment).toBe('https://www.test.gov.cn/5.docx');
  });

  it('takes last year’s column as the list: a unit that published last year and not this year is missing', () => {
    const lastYear = COUNTY.slice(0, 4);
    const thisYear = COUNTY.slice(1, 4);
    const prepared = [...preparedColumn(lastYear, 2023), ...preparedColumn(thisYear, 2024).map((item) => ({ ...item, source: `${item.source}?2024` }))];
    const { expected } = auditBatch(prepared, { expected: 'last-year' });
    expect(expected?.year).toBe(2024);
    expect(statuses(expected)).toEqual(['测试县发展和改革局 missing', '测试县教育局 on-time', '测试县公安局 on-time', '测试县财政局 late']);
  });
});
