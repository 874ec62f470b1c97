/** What each export of the wrong-appeals page must hold; shared by the Chromium and Firefox tests. */
import ExcelJS from 'exceljs';
import { check, equal } from './harness';

export const EXPORT_NAMES = {
  json: '测试区人民政府-2023-年报核查.json',
  csv: '测试区人民政府-2023-年报核查.csv',
  findingsCsv: '测试区人民政府-2023-年报核查-问题.csv',
  xlsx: '测试区人民政府-2023-年报核查.xlsx',
};

export function checkJsonExport(text: string): void {
  const result = JSON.parse(text);
  equal(result.tables.appeals.reconsideration, { upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 }, 'json appeals');
  // The three wrong totals and appeals.corrected's info (结果纠正 1).
  equal(result.findings.length, 4, 'json findings');
}

export function checkCellsCsv(text: string): void {
  // The template's words first, the keys a tool joins on last (lib/export/cells.ts).
  check(text.startsWith('\ufeff表,行,列,数值,原文,问题,表代码,行代码,列代码,规则代码\r\n'), 'csv BOM and header');
  check(text.includes(',行政复议,总计,0,,复议诉讼总计不符,appeals,reconsideration,total,appeals.total'), 'csv appeals row');
  check(text.includes(',行政处罚,本年处理决定数量,,见附件,单元格不是数字,active,6.penalty,decisions,cell.not-a-number'), 'csv raw text');
}

export function checkFindingsCsv(text: string): void {
  check(text.startsWith('\ufeff'), 'findings csv BOM');
  check(text.includes('appeals.total'), 'findings csv rule id');
}

export async function checkXlsxExport(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  equal(workbook.worksheets.map((s) => s.name), ['主动公开', '依申请公开', '复议诉讼', '问题清单'], 'sheets');
  equal(workbook.getWorksheet('复议诉讼')!.getCell('A4').value, 10, 'xlsx number');
  check(String(workbook.getWorksheet('复议诉讼')!.getCell('E4').note).includes('总计应为 11'), 'xlsx note');
}
