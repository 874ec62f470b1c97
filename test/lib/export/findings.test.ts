import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findingsCsv, resultJson } from '../../../lib/export/csv';
import { buildXlsx } from '../../../lib/export/xlsx';
import { findingKey } from '../../../lib/review/state';
import { auditShape } from '../../support/audit';
import { renderHtml } from '../../support/render';
import { auditHtml } from '../../support/audit';
import { blankTotalReport } from '../../e2e/workspace-pages';
import { consistentReport } from '../../support/report-data';

describe('findings exports in the reader’s language', () => {
  const audit = auditShape(blankTotalReport(), 'word');
  const result = audit.result;
  const first = result.findings.find((f) => f.rule === 'applications.row-total' && f.row === '3.7')!;
  const reviews = { [findingKey(first)]: { status: 'confirmed' as const, note: '已与办公室核实' } };

  it('CSV: template labels, not keys; the cause group, the review and its note', () => {
    const lines = findingsCsv(result, 'zh', reviews).split('\r\n');
    const row = lines.find((line) => line.startsWith('applications.row-total,') && line.includes('（七）总计'))!;
    expect(row).toContain(',错误,三、收到和处理政府信息公开申请情况,（七）总计,总计,211,0,');
    expect(row).toContain('「总计」列整列空白：21 条勾稽关系因此不符');
    expect(row.endsWith(',确认问题,已与办公室核实')).toBe(true);
    expect(lines.join('\n')).not.toContain('3.7 · total');
  });

  it('XLSX: blanks stay blank, the findings sheet has Chinese headers and the review', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildXlsx(result, 'zh', reviews)).buffer as ArrayBuffer);
    const applications = workbook.getWorksheet('依申请公开')!;
    const values: unknown[] = [];
    applications.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => values.push(cell.value)));
    const list = workbook.getWorksheet('问题清单')!;
    expect(list.getRow(2).values).toEqual([undefined, '规则代码', '问题', '严重程度', '表', '行', '列', '应为', '实为', '原文', '说明', '同一原因', '复核', '备注']);
    let note = '';
    applications.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => { if (String(cell.note ?? '').includes('〔确认问题：已与办公室核实〕')) note = String(cell.note); }));
    expect(note).toContain('（七）总计');
    const reviewed = list.getSheetValues().find((row) => Array.isArray(row) && row.includes('确认问题')) as unknown[];
    expect(reviewed).toContain('已与办公室核实');
    // The blank 总计 column is written blank, not 0 (its findings say it was read as 0).
    const legend = applications.getColumn(1).values.indexOf('图例');
    const totalColumn = applications.getColumn(10).values.slice(4, legend - 1);
    expect(totalColumn).toHaveLength(23);
    expect(totalColumn.every((v) => v === null || v === undefined || v === '')).toBe(true);
  });

  it('JSON: a reviewed finding carries its review; the rest is the result as specified', () => {
    const json = JSON.parse(resultJson(result, reviews));
    const reviewed = json.findings.filter((f: { review?: unknown }) => f.review);
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0].review).toEqual({ status: 'confirmed', note: '已与办公室核实' });
    expect(JSON.parse(resultJson(result))).toEqual(result);
  });

  it('XLSX: a money cell keeps its unit beside the number', async () => {
    const data = consistentReport('2019', 4);
    data.active['9.procurement'] = { projects: 3, amount: '251000元' };
    const money = auditHtml(renderHtml(data, 'cms')).result;
    expect(money.units?.active?.['9.procurement']?.amount).toBe('元');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildXlsx(money, 'zh')).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('主动公开')!;
    let found: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => row.eachCell((cell) => { if (cell.value === 251000) found = cell; }));
    expect(found?.numFmt).toBe('General"元"');
  });
});
