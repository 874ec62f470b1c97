import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, COUNTY_EXPECTED_CSV, unitPage } from '../../support/column-site';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'audit-expected-'));
const pages = COUNTY.map((_, i) => join(dir, `${i}.html`));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'dist/cli/audit.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), '--build'], { cwd: ROOT });
  COUNTY.forEach((spec, i) => writeFileSync(pages[i]!, unitPage(spec, i)));
  writeFileSync(join(dir, '应报清单.csv'), iconv.encode(COUNTY_EXPECTED_CSV, 'gbk'));
  writeFileSync(join(dir, 'empty.csv'), '\r\n');
}, 120_000);

const rowsOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1).map((v) => (typeof v === 'object' && v && 'text' in v ? v.text : v)) : []));

describe('audit --expected', () => {
  it('lists the units not on time after the findings, and writes the 应报清单 and 雷同 sheets into the summary', async () => {
    const summary = join(dir, '汇总.xlsx');
    const { code, stdout } = await run('--expected', join(dir, '应报清单.csv'), '--summary', summary, ...pages);
    expect(code).toBe(0);
    expect(stdout).toContain('2024 年度应报 10 个单位：7 个按期发布，1 个逾期，2 个未发布，0 个其他情况\n  县民政局：栏目中未找到\n  县财政局：逾期发布（2025-02-18）\n  城关镇人民政府：栏目中未找到\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(summary);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '问题', '应报清单', '雷同']);
    const expected = rowsOf(workbook.getWorksheet('应报清单')!);
    expect(expected[0]).toEqual(['2024 年度应报清单']);
    expect(expected.slice(2).map((row) => `${row[0]} ${row[2]}`)).toEqual([
      '县发展和改革局 按期发布', '测试县教育局 按期发布', '县公安局 按期发布', '县民政局 栏目中未找到', '县财政局 逾期发布',
      '县人力资源和社会保障局 按期发布', '县自然资源局 按期发布', '县卫生健康委员会 按期发布', '测试县人民政府 按期发布', '城关镇人民政府 栏目中未找到']);
    const similar = rowsOf(workbook.getWorksheet('雷同')!);
    expect(similar.slice(1).map((row) => `${row[0]} ${row[1]} ${row[3]}`)).toEqual(['1 测试县人力资源和社会保障局 1', '1 测试县自然资源局 0.92', '1 测试县卫生健康委员会 0.93']);
    expect(String(similar[2]![4])).toBe('测试县人力资源和社会保障局、测试县卫生健康委员会');
  }, 60_000);

  it('writes a CSV summary’s list and pairs as files of their own beside it', async () => {
    const summary = join(dir, 'summary.csv');
    const { code } = await run('--json', '--expected', join(dir, '应报清单.csv'), '--summary', summary, ...pages);
    expect(code).toBe(0);
    const expected = readFileSync(join(dir, 'summary-应报清单.csv'), 'utf8');
    expect(expected.split('\r\n')[0]).toBe('\ufeff应报单位,类型,情况,报告所署机关,年度,发布日期,地址,说明');
    expect(expected).toContain('县民政局,部门,栏目中未找到,,,,,');
    expect(readFileSync(join(dir, 'summary-雷同.csv'), 'utf8').trim().split('\r\n').length).toBe(4);
  }, 60_000);

  it('refuses a list with no unit in it, and a value that is neither a list nor last-year', async () => {
    const empty = await run('--expected', join(dir, 'empty.csv'), pages[0]!);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('未能读出应报单位的名称');
    const wrong = await run('--expected', 'list.txt', pages[0]!);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--expected 需要 .xlsx 或 .csv 文件名或 last-year');
    expect(existsSync(join(dir, 'list.txt'))).toBe(false);
  }, 60_000);
});
