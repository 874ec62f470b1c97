import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellsCsv, cellsTsv, findingsCsv, neutralize, resultJson } from '../../../lib/export/csv';
import { exportFileName } from '../../../lib/export/filename';
import { buildXlsx } from '../../../lib/export/xlsx';
import { auditResultSchema } from '../../../lib/model/result';
import { auditShape } from '../../support/audit';
import { consistentReport, setCell } from '../../support/report-data';

function sample() {
  const data = consistentReport('2019', 9);
  setCell(data, 'active', '5.license', 'change', -16);
  setCell(data, 'active', '5.license', 'previous', 40);
  setCell(data, 'applications', '1', 'total', '=HYPERLINK("http://x","y")');
  setCell(data, 'appeals', 'reconsideration', 'total', 999);
  return auditShape(data, 'word').result;
}

describe('exports', () => {
  const result = sample();

  it('JSON is the audit result, valid against its schema', () => {
    expect(auditResultSchema.parse(JSON.parse(resultJson(result)))).toEqual(result);
  });

  it('CSV has a BOM, one row per cell with labels, numbers as numbers and formulas neutralised', () => {
    const csv = cellsCsv(result);
    // The template's words first, the keys a tool joins on (table, row, column, rule ids) in their own columns at the end.
    expect(csv.startsWith('\ufeff表,行,列,数值,原文,问题,表代码,行代码,列代码,规则代码\r\n')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toContain('二、主动公开政府信息情况,行政许可,本年增/减,-16,,,active,5.license,change,');
    expect(lines.find((l) => l.includes(',applications,1,total,'))).toBe(
      '三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,,"\'=HYPERLINK(""http://x"",""y"")",单元格不是数字,applications,1,total,cell.not-a-number',
    );
    expect(lines.find((l) => l.includes(',appeals,reconsideration,total,'))).toMatch(/,999,,复议诉讼总计不符,appeals,reconsideration,total,appeals\.total$/);
    expect(cellsCsv(result, 'en').split('\r\n')[0]).toBe('\ufeffTable,Row,Column,Value,Text,Problem,table key,row key,column key,Rule id');
    expect(findingsCsv(result).split('\r\n')[0]).toBe('\ufeff规则代码,问题,严重程度,表,行,列,应为,实为,原文,说明,同一原因,复核,备注');
    expect(findingsCsv(result, 'en').split('\r\n')[0]).toBe('\ufeffRule id,Problem,Severity,Table,Row,Column,expected,found,Text,Message,Same cause,Review,Note');
  });

  it('TSV for the clipboard keeps one line per cell', () => {
    const tsv = cellsTsv(result).split('\r\n');
    expect(tsv[0]).toBe('表\t行\t列\t数值\t原文\t问题\t表代码\t行代码\t列代码\t规则代码');
    expect(tsv).toContain('二、主动公开政府信息情况\t行政许可\t本年增/减\t-16\t\t\tactive\t5.license\tchange\t');
  });

  it('TSV for the clipboard neutralises formulas, as the CSV does: Excel and WPS run a pasted “=…” too', () => {
    const tsv = cellsTsv(result).split('\r\n');
    const formula = tsv.find((line) => line.includes('\tapplications\t1\ttotal\t'))!;
    expect(formula.split('\t').slice(3)).toEqual(['', '\'=HYPERLINK("http://x","y")', '单元格不是数字', 'applications', '1', 'total', 'cell.not-a-number']);
    // Numbers stay numbers (-16 pastes as a number); any other text starting like a formula is prefixed.
    const formulaLike = (field: string) => /^[=+\-@]/.test(field) && Number.isNaN(Number(field));
    expect(tsv.filter((line) => line.split('\t').some(formulaLike))).toEqual([]);
  });

  it('a cell whose text starts with a carriage return before a formula is neutralised in every export', () => {
    // A pasted cell can begin with \r; Excel skips it and reads the “=” after it as a formula.
    const tampered = structuredClone(result);
    tampered.raw.applications!['1']!.total = '\r=1+1';
    const field = (text: string, separator: string) => text.split('\r\n').find((line) => line.includes(`${separator}applications${separator}1${separator}total${separator}`))!;
    expect(field(cellsTsv(tampered), '\t').split('\t')[4]).toBe("' =1+1");
    expect(field(cellsCsv(tampered), ',')).toContain('"\'\r=1+1"');
  });

  it.each([['=1+1', "'=1+1"], ['+86', "'+86"], ['-（减少数）', "'-（减少数）"], ['@SUM', "'@SUM"], ['\t=x', "'\t=x"], ['\r=x', "'\r=x"], ['正常', '正常']])(
    'neutralises %j', (text, expected) => expect(neutralize(text)).toBe(expected),
  );

  it('file names are sanitised', () => {
    expect(exportFileName({ agency: '区/局:"测试"', year: 2020 }, 'xlsx')).toBe('区_局_测试_-2020-年报核查.xlsx');
    expect(exportFileName({ agency: null, year: null }, 'csv')).toBe('未知单位-未知年度-年报核查.csv');
  });

  it('XLSX lays tables out like the template, colours findings and lists them', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildXlsx(result, 'zh')).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['主动公开', '依申请公开', '复议诉讼', '问题清单']);
    const appeals = workbook.getWorksheet('复议诉讼')!;
    expect(appeals.getCell('A1').value).toBe('行政复议');
    expect(appeals.getCell('A1').isMerged).toBe(true);
    const total = appeals.getCell('E4');
    expect(total.value).toBe(999);
    expect((total.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF4B6B6');
    expect(String(total.note)).toMatch(/总计应为/);
    const applications = workbook.getWorksheet('依申请公开')!;
    expect(applications.getCell('J4').value).toBe('\'=HYPERLINK("http://x","y")');
    const active = workbook.getWorksheet('主动公开')!;
    const change = active.getColumn(3).values.find((v) => v === -16);
    expect(change).toBe(-16);
    const list = workbook.getWorksheet('问题清单')!;
    expect(list.getRow(2).values).toContain('说明');
    expect(list.rowCount).toBe(2 + result.findings.length);
  });
});

