/** What the batch E2E runs check in both browsers: the table's rows and the exported summary files. */
import ExcelJS from 'exceljs';
import { DEAD_PATH, NOTICE_PATH, REPORT_PATHS } from '../support/batch-site';
import type { BatchRequest } from '../../lib/batch/store';
import { parseSummaryCsv } from '../support/summary-csv';
import { check, equal } from './harness';

export interface SeenRow { status: string; year: string; crossyear: string; text: string }

/** In the batch view: every row as the table shows it (evaluated in the page). */
export function readBatchRows(): SeenRow[] {
  return Array.from(document.querySelectorAll('[data-testid="batch-row"]')).map((row) => ({
    status: row.getAttribute('data-status') ?? '',
    year: row.getAttribute('data-year') ?? '',
    crossyear: row.querySelector('[data-testid="crossyear"]')?.textContent ?? '',
    text: row.textContent ?? '',
  }));
}

/** One row per link (4 reports, the notice, the dead link; the self-link and the list pages not among them), cross-year results on the right years. */
export function checkBatchRows(rows: SeenRow[]): void {
  equal(rows.length, 6, 'one row per link');
  const statuses = rows.map((row) => row.status).sort();
  equal(statuses, ['audited', 'audited', 'audited', 'audited', 'fetch-failed', 'not-report'], 'statuses');
  const byYear = Object.fromEntries(rows.filter((row) => row.status === 'audited').map((row) => [row.year, row.crossyear]));
  equal(byYear, { 2020: '无上年报告', 2021: '一致', 2022: '有问题', 2023: '有问题' }, 'cross-year column by year');
  check(rows.find((row) => row.status === 'fetch-failed')!.text.includes('HTTP 404'), 'dead link says HTTP 404');
}

export function checkSummaryCsv(text: string, base: string): void {
  check(text.startsWith('\ufeff'), 'CSV has a BOM');
  const rows = parseSummaryCsv(text);
  equal(rows.length, 6, 'CSV rows');
  const source = (path: string) => rows.find((row) => row.source === `${base}${path}`);
  equal(source(DEAD_PATH)?.status, '读取失败', 'dead link row');
  equal(source(NOTICE_PATH)?.status, '不是年报', 'notice row');
  check(source(REPORT_PATHS[2022]!)?.rules!.includes('crossyear.carried'), '2022 has crossyear.carried');
  check(source(REPORT_PATHS[2023]!)?.rules!.includes('crossyear.in-force'), '2023 has crossyear.in-force');
  check(source(REPORT_PATHS[2023]!)?.rules!.includes('crossyear.duplicate-text'), '2023 has crossyear.duplicate-text');
  equal(source(REPORT_PATHS[2022]!)?.deadline, '逾期', '2022 published late');
  equal(source(REPORT_PATHS[2023]!)?.published_at, '2024-01-25', '2023 date from the list');
}

export async function checkSummaryXlsx(bytes: Buffer): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const summary = workbook.getWorksheet('汇总');
  check(summary, 'summary sheet');
  equal(summary.rowCount, 7, 'summary sheet rows (header + 6)');
  const findings = workbook.getWorksheet('问题');
  check(findings, 'findings sheet');
  const rules = findings.getColumn(12).values.slice(2).map(String);
  check(rules.includes('crossyear.carried') && rules.includes('crossyear.duplicate-text'), 'findings sheet lists the cross-year findings');
  const link = findings.getRow(2).getCell(1).value as { hyperlink?: string } | string;
  check(typeof link === 'object' && link.hyperlink?.startsWith('http'), 'findings carry the report link');
}

/**
 * A batch of six links with the longest pause a request allows after each (lib/input/fetch.ts
 * `politeGetter`: a slot's link counts as read once its pause is over). The two slots read 2020
 * and 2021, pause, and count them read as they go on to 2022 and 2023; the test stops the batch
 * then, before the notice and the dead link are asked for.
 */
export function stopRequest(base: string): BatchRequest {
  const paths = [...[2020, 2021, 2022, 2023].map((year) => REPORT_PATHS[year]!), NOTICE_PATH, DEAD_PATH];
  return { listUrl: `${base}/ndbg/index.html`, links: paths.map((path, i) => ({ url: `${base}${path}`, text: `链接 ${i + 1}`, listedAt: null })), next: null, delayMs: 5000 };
}

/** Whether the batch view counts two links read (its progress bar), for `stopRequest`'s batch. */
export function twoRead(): boolean {
  return (document.querySelector('[data-testid="batch"] progress') as HTMLProgressElement | null)?.value === 2;
}

/** Stopped then: the four reports fetched are audited, with the cross-year checks between them; the two links not asked for say stopped. */
export function checkStoppedRows(rows: SeenRow[]): void {
  equal(rows.map((row) => `${row.year}:${row.status}`).join(' '), '2020:audited 2021:audited 2022:audited 2023:audited :stopped :stopped', 'what was read is audited, the rest stopped');
  check(rows[3]!.crossyear !== '', `2023 checked against 2022: ${rows[3]!.crossyear}`);
}
