/**
 * The whole column at a glance, beside the batch summary: the 应报清单 (each unit that must publish,
 * and what the column shows of it) and the 雷同 pairs and clusters (reports of different units with
 * near-identical prose). XLSX: two sheets of the summary workbook. CSV: a file each, beside the
 * summary CSV (`汇总-应报清单.csv`, `汇总-雷同.csv`): one table per file, as spreadsheets expect.
 */
import type { Worksheet } from 'exceljs';
import type { ExpectedCheck, UnitResult } from '../batch/expected';
import type { BatchRow } from '../batch/row';
import { bt, type BatchUiId } from '../i18n/batch-ui';
import type { Lang } from '../i18n/lang';
import { neutralize } from './csv';
import { shapeList } from './sheet';

const EXPECTED_KEYS = ['unit', 'kind', 'status', 'agency', 'year', 'published_at', 'source', 'note'] as const;
const SIMILAR_KEYS = ['group', 'agency', 'year', 'share', 'similar_to', 'passages', 'source'] as const;
type ExpectedKey = (typeof EXPECTED_KEYS)[number];
type SimilarKey = (typeof SIMILAR_KEYS)[number];

const HEADERS: Record<Lang, Record<ExpectedKey | SimilarKey, string>> = {
  zh: {
    unit: '应报单位', kind: '类型', status: '情况', agency: '报告所署机关', year: '年度', published_at: '发布日期', source: '地址', note: '说明',
    group: '组', share: '雷同比例', similar_to: '与之雷同的报告', passages: '相同段落（节选）',
  },
  en: {
    unit: 'Unit', kind: 'Kind', status: 'Status', agency: 'Agency on the report', year: 'Year', published_at: 'Published', source: 'Source', note: 'Note',
    group: 'Group', share: 'Shared', similar_to: 'Same text as', passages: 'Shared passages (excerpts)',
  },
};

/** How wide each column may grow before its text wraps. */
const WIDTHS: Record<ExpectedKey | SimilarKey, number> = {
  unit: 28, kind: 10, status: 20, agency: 28, year: 6, published_at: 11, source: 40, note: 30,
  group: 5, share: 8, similar_to: 30, passages: 60,
};

export const EXPECTED_SHEET: Record<Lang, string> = { zh: '应报清单', en: 'Expected units' };
export const SIMILAR_SHEET: Record<Lang, string> = { zh: '雷同', en: 'Similar text' };

/** What a unit's row says beyond its status: the years it was found under instead, or the attachment read. */
function note(unit: UnitResult, lang: Lang): string {
  if (unit.status === 'other-year') return bt(lang, 'unitOtherYears', { years: unit.otherYears.join('、') });
  if (unit.attachment) return bt(lang, 'unitFromAttachment', { source: unit.attachment });
  return '';
}

export function expectedRecords(check: ExpectedCheck, lang: Lang): Record<ExpectedKey, string | number | null>[] {
  return check.units.map((unit) => ({
    unit: unit.name, kind: unit.kind ? bt(lang, `kind-${unit.kind}` as BatchUiId) : null, status: bt(lang, `unit-${unit.status}` as BatchUiId),
    agency: unit.agency, year: unit.year, published_at: unit.publishedAt, source: unit.source, note: note(unit, lang),
  }));
}

/** One row per report of a pair or cluster, the group's number tying them. */
export function similarRecords(rows: readonly BatchRow[]): Record<SimilarKey, string | number | null>[] {
  return rows.filter((row) => row.similar).sort((a, b) => a.similar!.group - b.similar!.group || a.index - b.index).map((row) => ({
    group: row.similar!.group, agency: row.agency, year: row.year, share: Math.round(row.similar!.share * 100) / 100,
    similar_to: row.similar!.peers.map((peer) => peer.agency ?? peer.source).join('、'), passages: row.similar!.passages.join(' / '), source: row.source,
  }));
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralize(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv<K extends ExpectedKey | SimilarKey>(keys: readonly K[], records: readonly Record<K, string | number | null>[], lang: Lang): string {
  return `\ufeff${[keys.map((key) => csvField(HEADERS[lang][key])).join(','), ...records.map((record) => keys.map((key) => csvField(record[key])).join(','))].join('\r\n')}\r\n`;
}

/** The 应报清单 as a CSV of its own (headers and statuses in the run's language, like the summary CSV). */
export function expectedCsv(check: ExpectedCheck, lang: Lang): string {
  return csv(EXPECTED_KEYS, expectedRecords(check, lang), lang);
}

export function similarCsv(rows: readonly BatchRow[], lang: Lang): string {
  return csv(SIMILAR_KEYS, similarRecords(rows), lang);
}

const cell = (value: string | number | null): string | number => (typeof value === 'number' ? value : neutralize(value ?? ''));
const link = (sheet: Worksheet, row: number, column: number, url: string | null) => {
  if (url && /^https?:\/\//.test(url)) sheet.getRow(row).getCell(column).value = { text: url, hyperlink: url };
};

type Workbook = { addWorksheet(name: string): Worksheet };

/** The 应报清单 sheet: late and missing units filled so they stand out. */
export function addExpectedSheet(workbook: Workbook, check: ExpectedCheck, lang: Lang): void {
  const sheet = workbook.addWorksheet(EXPECTED_SHEET[lang]);
  sheet.addRow([bt(lang, 'expectedFor', { year: check.year })]);
  sheet.addRow(EXPECTED_KEYS.map((key) => HEADERS[lang][key]));
  expectedRecords(check, lang).forEach((record, i) => {
    const added = sheet.addRow(EXPECTED_KEYS.map((key) => cell(record[key])));
    link(sheet, added.number, EXPECTED_KEYS.indexOf('source') + 1, check.units[i]!.source);
    const status = check.units[i]!.status;
    const fill = status === 'missing' || status === 'late' ? 'FFF8D7DA' : status === 'on-time' ? null : 'FFFFF3CD';
    if (fill) added.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  sheet.getRow(1).font = { bold: true };
  shapeList(sheet, EXPECTED_KEYS.map((key) => ({ max: WIDTHS[key] })), 2);
}

/** The 雷同 sheet: one row per report of each pair or cluster. */
export function addSimilarSheet(workbook: Workbook, rows: readonly BatchRow[], lang: Lang): void {
  const sheet = workbook.addWorksheet(SIMILAR_SHEET[lang]);
  sheet.addRow(SIMILAR_KEYS.map((key) => HEADERS[lang][key]));
  for (const record of similarRecords(rows)) {
    const added = sheet.addRow(SIMILAR_KEYS.map((key) => cell(record[key])));
    added.getCell(SIMILAR_KEYS.indexOf('share') + 1).numFmt = '0%';
    link(sheet, added.number, SIMILAR_KEYS.indexOf('source') + 1, record.source as string | null);
  }
  shapeList(sheet, SIMILAR_KEYS.map((key) => ({ max: WIDTHS[key] })), 1);
}
