import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyRow, type BatchRow } from '../../../lib/batch/row';
import { SUMMARY_COLUMNS, summaryCsv, summaryXlsx } from '../../../lib/export/summary';

const audited: BatchRow = {
  ...emptyRow(0, 'https://www.a.gov.cn/2023nb.html', '=HYPERLINK("x")', 'audited', null),
  agency: '=cmd|测试市示例局', year: 2023, format: '2021', publishedAt: '2024-02-05', publishedAtSource: 'list', deadline: 'missed', errors: 2, warnings: 1,
  rules: ['crossyear.carried', 'report.year-missing'], previousSource: 'https://www.a.gov.cn/2022nb.html', crossyear: 'findings',
  reaudit: { fixed: 1, open: 2, new: 0 },
  findings: [{
    rule: 'crossyear.carried', severity: 'error', table: 'applications', row: '2', column: 'natural', cells: [], expected: 5, actual: 3,
    text: null, message: '“自然人”列：上年结转（3）与2022年度报告的“结转下年度继续办理”（5）不符',
  }],
};
const dead = emptyRow(1, 'https://www.a.gov.cn/gone.html', 'x', 'fetch-failed', 'HTTP 404');

describe('the batch summary', () => {
  it('writes one CSV row per input, with a BOM, numbers as numbers and formulas neutralised', () => {
    const csv = summaryCsv([audited, dead], 'zh');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(lines[0]).toBe('地址,机关,年度,格式,发布日期,日期来源,是否按期,错误,警告,问题,跨年核对,上年报告,状态,说明,已整改,未整改,新增,未与上年配对的原因,复议纠错和诉讼败诉（件）,规则代码');
    expect(lines[0]!.split(',')).toHaveLength(SUMMARY_COLUMNS.length);
    expect(lines[1]).toBe("https://www.a.gov.cn/2023nb.html,'=cmd|测试市示例局,2023,2021,2024-02-05,栏目列表所载日期,逾期,2,1,上年结转与上年报告不符；标题无年度,有问题,https://www.a.gov.cn/2022nb.html,已审核,,1,2,0,,,crossyear.carried report.year-missing");
    expect(lines[2]).toBe('https://www.a.gov.cn/gone.html,,,,,,,0,0,,,,读取失败,HTTP 404,,,,,,');
    expect(summaryCsv([audited], 'en').split('\r\n')[1]).toContain(',the date on the list page,late,2,1,Carried-over requests differ from last year; No year in the title,findings,');
  });

  it('writes a summary sheet and a findings sheet with the report’s link', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await summaryXlsx([audited, dead], 'zh')).buffer as ArrayBuffer);
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(3);
    expect(summary.getRow(2).getCell(3).value).toBe(2023);
    expect(summary.getRow(2).getCell(2).value).toBe("'=cmd|测试市示例局");
    expect(summary.getRow(3).getCell(13).value).toBe('读取失败');
    expect([15, 16, 17].map((n) => summary.getRow(1).getCell(n).value)).toEqual(['已整改', '未整改', '新增']);
    expect([15, 16, 17].map((n) => summary.getRow(2).getCell(n).value)).toEqual([1, 2, 0]);
    const findings = workbook.getWorksheet('问题')!;
    expect(findings.rowCount).toBe(2);
    expect(findings.getRow(1).values).toEqual([undefined, '地址', '机关', '年度', '问题', '级别', '表', '行', '列', '应为', '实为', '说明', '规则代码']);
    expect(findings.getRow(2).getCell(1).value).toEqual({ text: 'https://www.a.gov.cn/2023nb.html', hyperlink: 'https://www.a.gov.cn/2023nb.html' });
    expect((findings.getRow(2).values as unknown[]).slice(4)).toEqual(['上年结转与上年报告不符', '错误', '三、收到和处理政府信息公开申请情况', '二、上年结转政府信息公开申请数量', '自然人', 5, 3, audited.findings[0]!.message, 'crossyear.carried']);
  });

  it('says why a report was not paired with last year\'s, and how many decisions were corrected on review or lost in court', async () => {
    const unpaired: BatchRow = { ...audited, crossyear: null, previousSource: null, unpaired: 'no-agency', appealsCorrected: 3 };
    const csv = summaryCsv([unpaired, dead], 'zh').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(csv[0]!.split(',').slice(-3, -1)).toEqual(['未与上年配对的原因', '复议纠错和诉讼败诉（件）']);
    expect(csv[1]!.split(',').slice(-3, -1)).toEqual(['未读出机关，无法与上年配对', '3']);
    expect(csv[2]!.split(',').slice(-3, -1)).toEqual(['', '']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await summaryXlsx([unpaired], 'zh')).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('汇总')!;
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(-3, -1)).toEqual(['未与上年配对的原因', '复议纠错和诉讼败诉（件）']);
    expect((sheet.getRow(2).values as unknown[]).slice(-3, -1)).toEqual(['未读出机关，无法与上年配对', 3]);
  });
});

describe('what a summary never carries', () => {
  // ESC [2J clears a terminal, OSC 52 sets its clipboard, BEL, U+009B (CSI), U+202E reverses a line.
  const hostile = '测试市\x1b[2J\x1b]52;c;aGk=\x07示例局\u009b31m\u202e';
  const row: BatchRow = {
    ...emptyRow(0, 'http://user:secret@www.a.gov.cn/2023nb.html', null, 'fetch-failed', 'http://user:secret@www.a.gov.cn/f.pdf: HTTP 404'),
    agency: hostile, previousSource: 'https://me:pw@www.a.gov.cn/2022nb.html',
  };

  it('CSV: control, C1 and bidi characters shown as \\uXXXX, as the terminal shows them; no credentials in any URL', () => {
    const csv = summaryCsv([row], 'zh');
    // eslint-disable-next-line no-control-regex -- looking for the raw characters
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(csv).toContain('测试市\\u001b[2J\\u001b]52;c;aGk=\\u0007示例局\\u009b31m\\u202e');
    expect(csv).not.toMatch(/secret|me:pw|user:/);
    expect(csv).toContain('http://www.a.gov.cn/2023nb.html');
    expect(csv).toContain('https://www.a.gov.cn/2022nb.html');
  });

  it('XLSX: the same in every cell and in the source link', async () => {
    const bytes = await summaryXlsx([{ ...row, status: 'audited', findings: [{ ...audited.findings[0]!, message: `说明${hostile}` }] }], 'zh');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const cells: unknown[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((r) => r.eachCell((c) => cells.push(c.value))));
    const all = cells.map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value))).join('\n');
    // eslint-disable-next-line no-control-regex -- looking for the raw characters
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(all).toContain('测试市\\u001b[2J\\u001b]52;c;aGk=\\u0007示例局\\u009b31m\\u202e');
    expect(all).not.toMatch(/secret|me:pw|user:/);
    expect(cells).toContainEqual({ text: 'http://www.a.gov.cn/2023nb.html', hyperlink: 'http://www.a.gov.cn/2023nb.html' });
  });
});
