/**
 * What the column E2E runs check in both browsers: the county column (test/support/column-site.ts)
 * with its 应报清单 shows exactly two units missing, one late and two copying a third — in the batch
 * view and in the exported summary.
 */
import ExcelJS from 'exceljs';
import { COUNTY, COUNTY_COPIES, COUNTY_LATE, COUNTY_MISSING } from '../support/column-site';
import { check, equal } from './harness';

export interface SeenUnit { name: string; status: string; text: string }
export interface SeenRow { agency: string; deadline: string; similar: string; group: string }

/** In the batch view: the 应报清单 as shown (evaluated in the page). */
export function readUnits(): SeenUnit[] {
  return Array.from(document.querySelectorAll('[data-testid="expected-unit"]')).map((row) => ({
    name: row.querySelector('td')?.textContent ?? '',
    status: row.getAttribute('data-status') ?? '',
    text: row.querySelector('[data-testid="unit-status"]')?.textContent ?? '',
  }));
}

/** In the batch view: each report row's agency, deadline and 雷同 cells (evaluated in the page). */
export function readColumnRows(): SeenRow[] {
  return Array.from(document.querySelectorAll('[data-testid="batch-row"]')).map((row) => {
    const cells = row.querySelectorAll('td');
    return {
      agency: cells[0]?.textContent ?? '', deadline: cells[4]?.textContent ?? '',
      similar: row.querySelector('[data-testid="similar"]')?.textContent ?? '', group: row.querySelector('[data-testid="similar"]')?.getAttribute('data-group') ?? '',
    };
  });
}

const SUMMARY = '2024 年度应报 10 个单位：7 个按期发布，1 个逾期，2 个未发布，0 个其他情况';

export function checkUnits(units: SeenUnit[], summary: string | null): void {
  equal(summary, SUMMARY, 'the list’s summary line');
  equal(units.filter((u) => u.status === 'missing').map((u) => u.name).sort(), [...COUNTY_MISSING].sort(), 'missing units');
  equal(units.filter((u) => u.status === 'late').map((u) => u.name), [COUNTY_LATE], 'late unit');
  equal(units.filter((u) => u.status === 'on-time').length, 7, 'units on time');
  equal(units.length, 10, 'every unit of the list, no other');
  check(units.find((u) => u.status === 'missing')!.text === '栏目中未找到', 'missing is said so');
}

export function checkColumnRows(rows: SeenRow[]): void {
  equal(rows.length, COUNTY.length, 'one row per report');
  equal(rows.filter((r) => r.deadline === '逾期').map((r) => r.agency), [`测试${COUNTY_LATE}`], 'late row');
  const copying = rows.filter((r) => r.group !== '');
  equal(copying.map((r) => r.agency).sort(), [COUNTY_COPIES.original, ...COUNTY_COPIES.copies].sort(), 'reports in a 雷同 group');
  equal(new Set(copying.map((r) => r.group)).size, 1, 'one cluster');
  const copy = copying.find((r) => r.agency === COUNTY_COPIES.copies[0])!;
  check(copy.similar.startsWith(`与「${COUNTY_COPIES.original}」、「${COUNTY_COPIES.copies[1]}」雷同（`), `the copy names the other two: ${copy.similar}`);
}

export async function checkColumnXlsx(bytes: Buffer): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  equal(workbook.worksheets.map((sheet) => sheet.name), ['汇总', '问题', '应报清单', '雷同'], 'sheets');
  const expected = workbook.getWorksheet('应报清单')!;
  const statuses = expected.getColumn(3).values.slice(3).map(String);
  equal(statuses.filter((s) => s === '栏目中未找到').length, 2, '应报清单: two missing');
  equal(statuses.filter((s) => s === '逾期发布').length, 1, '应报清单: one late');
  const similar = workbook.getWorksheet('雷同')!;
  equal(similar.rowCount, 4, '雷同: header and the three reports of the cluster');
  const findings = workbook.getWorksheet('问题')!;
  const rules = findings.getColumn(12).values.slice(2).map(String);
  equal(rules.filter((r) => r === 'batch.similar-text').length, 3, '问题: batch.similar-text on each of the three (规则代码)');
  const titles = findings.getColumn(4).values.slice(2).map(String);
  equal(titles.filter((r) => r === '与其他单位报告雷同').length, 3, '问题: the problem in words');
}
