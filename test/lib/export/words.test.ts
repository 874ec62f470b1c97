/**
 * The exports an auditor opens speak the template's words: in Chinese, no internal key (a rule id, a
 * status, `missed`, `1.normative`, `total`) appears outside the key columns a tool joins on
 * (规则代码, 表代码, 行代码, 列代码). Issue 23 found the batch summary and its findings sheet saying
 * `fetch-failed`, `missed`, `list` and `batch.similar-text` as the only name.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditBatch } from '../../../lib/batch/audit-batch';
import { csvCells, unitKindSchema, unitStatusSchema, unitsFromTable, type ExpectedCheck } from '../../../lib/batch/expected';
import { batchRowSchema, emptyRow, rowStatusSchema, type BatchRow } from '../../../lib/batch/row';
import { expectedCsv, similarCsv } from '../../../lib/export/column-sheets';
import { cellsCsv, cellsTsv, findingsCsv } from '../../../lib/export/csv';
import { summaryCsv, summaryXlsx } from '../../../lib/export/summary';
import { buildXlsx } from '../../../lib/export/xlsx';
import { zh_CN } from '../../../lib/i18n/zh_CN';
import { TABLE_KEYS, dateSourceSchema } from '../../../lib/model/report';
import { FORMATS } from '../../../lib/template/formats';
import { auditShape } from '../../support/audit';
import { preparedColumn } from '../../support/column-batch';
import { COUNTY_EXPECTED_CSV } from '../../support/column-site';
import { blankTotalReport } from '../../e2e/workspace-pages';

/** Every key a program uses for something the template or the auditor has a word for. */
const KEYS: ReadonlySet<string> = new Set([
  ...Object.keys(zh_CN),
  ...rowStatusSchema.options, ...dateSourceSchema.options, ...unitStatusSchema.options, ...unitKindSchema.options,
  'kept', 'missed', 'consistent', 'findings', 'no-agency', 'no-year', 'no-previous', 'error', 'warning', 'info',
  ...TABLE_KEYS,
  ...Object.values(FORMATS).flatMap((format) => Object.values(format.tables).flatMap((table) => [...table.rows.map((row) => row.key), ...table.columns.map((column) => column.key)])),
].filter((key) => /[a-z]/.test(key)));

/** The columns a tool joins on, by their header. */
const KEY_HEADERS = new Set(['规则代码', '表代码', '行代码', '列代码']);

/** The keys a text shows, addresses set aside (a URL may hold any word). */
function keysIn(text: string): string[] {
  const words = text.replace(/https?:\/\/\S+/g, ' ').match(/[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z]/g) ?? [];
  return words.filter((word) => KEYS.has(word));
}

/** `sheet!cell: key` for each key outside a key column; the header row is the first holding a key header, else row 1. */
function keysOutsideKeyColumns(name: string, rows: readonly (readonly unknown[])[]): string[] {
  const headerAt = Math.max(0, rows.findIndex((row) => row.some((cell) => KEY_HEADERS.has(String(cell)))));
  const keyColumns = new Set(rows[headerAt]!.flatMap((cell, i) => (KEY_HEADERS.has(String(cell)) ? [i] : [])));
  const out: string[] = [];
  rows.forEach((row, r) => row.forEach((cell, c) => {
    if (keyColumns.has(c) || cell === null || cell === undefined) return;
    const text = typeof cell === 'object' ? String((cell as { text?: unknown }).text ?? '') : String(cell);
    for (const key of keysIn(text)) out.push(`${name}!R${r + 1}C${c + 1}: ${key} in “${text.slice(0, 60)}”`);
  }));
  return out;
}

function csvRows(text: string, separator = ','): string[][] {
  return separator === ',' ? csvCells(text.replace(/^\ufeff/, '')) : text.trim().split('\r\n').map((line) => line.split('\t'));
}

async function workbookRows(bytes: Uint8Array): Promise<[string, unknown[][]][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const out: [string, unknown[][]][] = [];
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => { rows[n - 1] = (row.values as unknown[]).slice(1); });
    out.push([sheet.name, Array.from(rows, (row) => row ?? [])]);
  });
  return out;
}

/** A real column (its 雷同 pair, a late unit, missing units) and a row for every status, date source, deadline and pairing outcome. */
function column(): { rows: BatchRow[]; expected: ExpectedCheck } {
  const { rows, expected } = auditBatch(preparedColumn(), { expected: unitsFromTable(csvCells(COUNTY_EXPECTED_CSV)) });
  const audited = rows.find((row) => row.status === 'audited' && row.findings.length)!;
  const extra: BatchRow[] = [
    ...rowStatusSchema.options.map((status, i) => emptyRow(100 + i, `https://www.test.gov.cn/extra/${i}.html`, null, status, status === 'fetch-failed' ? 'HTTP 404' : null)),
    ...dateSourceSchema.options.map((source, i): BatchRow => ({ ...audited, index: 200 + i, publishedAtSource: source, deadline: i % 2 ? 'kept' : 'missed', crossyear: i % 2 ? 'consistent' : 'findings' })),
    ...(['no-agency', 'no-year', 'no-previous'] as const).map((unpaired, i): BatchRow => ({ ...audited, index: 300 + i, crossyear: null, unpaired })),
    {
      ...audited, index: 400, rules: ['active.in-force', 'batch.similar-text'], findings: [
        { rule: 'active.in-force', severity: 'warning', table: 'active', row: '1.normative', column: 'in_force', cells: [], expected: 9, actual: 8, text: null, message: '“行政规范性文件”：现行有效件数（8）小于本年制发件数减本年废止件数（9）' },
        { rule: 'report.late', severity: 'info', table: null, row: null, column: null, cells: [], expected: null, actual: null, text: null, message: '逾期' },
      ],
    },
  ];
  const units = unitStatusSchema.options.map((status, i) => ({
    ...expected!.units[0]!, name: `单位${i}`, status, kind: unitKindSchema.options[i % 3]!, otherYears: status === 'other-year' ? [2023] : [],
  }));
  return { rows: [...rows, ...extra].map((row) => batchRowSchema.parse(row)), expected: { ...expected!, units: [...expected!.units, ...units] } };
}

describe('exports in the template’s words, keys only in their key columns', () => {
  const { rows, expected } = column();
  const report = auditShape(blankTotalReport(), 'word').result;

  it('the test sees a key where one is: every kind of key is in its fixture', () => {
    const all = rows.flatMap((row) => [row.status, row.deadline, row.crossyear, row.publishedAtSource, row.unpaired, ...row.rules, ...row.findings.flatMap((f) => [f.row, f.column, f.severity])]);
    expect(all).toEqual(expect.arrayContaining(['fetch-failed', 'missed', 'kept', 'findings', 'list', 'no-agency', 'batch.similar-text', '1.normative', 'info']));
    expect(keysIn('状态 fetch-failed，https://www.a.gov.cn/list/total.html')).toEqual(['fetch-failed']);
    expect(keysOutsideKeyColumns('t', [['规则', '规则代码'], ['missed', 'batch.similar-text']])).toEqual(['t!R2C1: missed in “missed”']);
  });

  it('the Chinese summary CSV, its 应报清单 and 雷同 CSVs', () => {
    expect(keysOutsideKeyColumns('summary.csv', csvRows(summaryCsv(rows, 'zh')))).toEqual([]);
    expect(keysOutsideKeyColumns('expected.csv', csvRows(expectedCsv(expected, 'zh')))).toEqual([]);
    expect(keysOutsideKeyColumns('similar.csv', csvRows(similarCsv(rows, 'zh')))).toEqual([]);
  });

  it('every sheet of the Chinese summary workbook', async () => {
    const sheets = await workbookRows(await summaryXlsx(rows, 'zh', expected));
    expect(sheets.map(([name]) => name)).toEqual(['汇总', '问题', '应报清单', '雷同']);
    expect(sheets.flatMap(([name, cells]) => keysOutsideKeyColumns(name, cells))).toEqual([]);
  });

  it('the single report’s cells CSV and TSV, its findings CSV and every sheet of its workbook', async () => {
    expect(keysOutsideKeyColumns('cells.csv', csvRows(cellsCsv(report, 'zh')))).toEqual([]);
    expect(keysOutsideKeyColumns('cells.tsv', csvRows(cellsTsv(report, 'zh'), '\t'))).toEqual([]);
    expect(keysOutsideKeyColumns('findings.csv', csvRows(findingsCsv(report, 'zh')))).toEqual([]);
    const sheets = await workbookRows(await buildXlsx(report, 'zh'));
    expect(sheets.flatMap(([name, cells]) => keysOutsideKeyColumns(name, cells))).toEqual([]);
  });
});
