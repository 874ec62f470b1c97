import type { ExpectedCheck } from '../batch/expected';
import type { BatchRow } from '../batch/row';
import type { Lang } from '../i18n/render';
import { addExpectedSheet, addSimilarSheet } from './column-sheets';
import { showControls, withoutCredentials } from '../present/visible';
import { neutralize } from './csv';

/** The batch summary (output.md, --summary): one row per input, in input order. */
export const SUMMARY_COLUMNS = [
  'source', 'agency', 'year', 'format', 'published_at', 'published_at_source', 'deadline', 'errors', 'warnings', 'rules',
  'crossyear', 'previous_source', 'status', 'reason', 'reaudit_fixed', 'reaudit_open', 'reaudit_new', 'unpaired', 'appeals_corrected',
] as const;
type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

const HEADERS: Record<Lang, Record<SummaryColumn, string>> = {
  zh: {
    source: '地址', agency: '机关', year: '年度', format: '格式', published_at: '发布日期', published_at_source: '日期来源', deadline: '是否按期', errors: '错误',
    warnings: '警告', rules: '触发规则', crossyear: '跨年核对', previous_source: '上年报告', status: '状态', reason: '说明',
    reaudit_fixed: '已整改', reaudit_open: '未整改', reaudit_new: '新增', unpaired: '未与上年配对的原因', appeals_corrected: '复议纠错和诉讼败诉（件）',
  },
  en: {
    source: 'Source', agency: 'Agency', year: 'Year', format: 'Format', published_at: 'Published', published_at_source: 'Date from', deadline: 'Deadline', errors: 'Errors',
    warnings: 'Warnings', rules: 'Rules fired', crossyear: 'Cross-year', previous_source: 'Last year’s report', status: 'Status', reason: 'Reason',
    reaudit_fixed: 'Fixed', reaudit_open: 'Still open', reaudit_new: 'New', unpaired: 'Not paired with last year because', appeals_corrected: 'Corrected on review or lost in court',
  },
};
const FINDING_HEADERS: Record<Lang, string[]> = {
  zh: ['地址', '机关', '年度', '规则', '级别', '表', '行', '列', '应为', '实为', '说明'],
  en: ['Source', 'Agency', 'Year', 'Rule', 'Severity', 'Table', 'Row', 'Column', 'Expected', 'Actual', 'Message'],
};

export function summaryRecord(row: BatchRow): Record<SummaryColumn, string | number | null> {
  return {
    source: row.source, agency: row.agency, year: row.year, format: row.format, published_at: row.publishedAt, published_at_source: row.publishedAtSource,
    deadline: row.deadline, errors: row.errors, warnings: row.warnings, rules: row.rules.join(' '),
    crossyear: row.crossyear, previous_source: row.previousSource, status: row.status, reason: row.reason,
    reaudit_fixed: row.reaudit?.fixed ?? null, reaudit_open: row.reaudit?.open ?? null, reaudit_new: row.reaudit?.new ?? null,
    // no-agency (no title, link, metadata or address named it), no-year, no-previous (last year's report not at hand).
    unpaired: row.unpaired ?? null,
    appeals_corrected: row.appealsCorrected ?? null,
  };
}

/** A text cell as the terminal shows it (controls visible, no credentials), then safe from formulas. */
const text = (value: string) => neutralize(showControls(withoutCredentials(value)));

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const field = text(value);
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** UTF-8 with a BOM (Excel opens it correctly), the column keys as header. */
export function summaryCsv(rows: readonly BatchRow[]): string {
  const lines = [SUMMARY_COLUMNS.join(','), ...rows.map((row) => {
    const record = summaryRecord(row);
    return SUMMARY_COLUMNS.map((key) => csvField(record[key])).join(',');
  })];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

const cell = (value: string | number | null): string | number => (typeof value === 'number' ? value : text(value ?? ''));
/** A source cell: its address as a link (credentials dropped) when it is one. */
const linked = (source: string) => (/^https?:\/\//.test(source) ? { text: text(source), hyperlink: withoutCredentials(source) } : null);

/**
 * A summary sheet (one row per input), a findings sheet (one row per finding, with its report's link),
 * the 雷同 sheet and, when a list of the units that must publish was given, the 应报清单 sheet.
 */
export async function summaryXlsx(rows: readonly BatchRow[], lang: Lang, expected: ExpectedCheck | null = null): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '年报核查';
  const summary = workbook.addWorksheet(lang === 'zh' ? '汇总' : 'Summary');
  summary.addRow(SUMMARY_COLUMNS.map((key) => HEADERS[lang][key]));
  for (const row of rows) {
    const record = summaryRecord(row);
    const added = summary.addRow(SUMMARY_COLUMNS.map((key) => cell(record[key])));
    const link = linked(row.source);
    if (link) added.getCell(1).value = link;
  }
  summary.getColumn(1).width = 50;
  summary.getColumn(2).width = 28;
  summary.getRow(1).font = { bold: true };

  const findings = workbook.addWorksheet(lang === 'zh' ? '问题' : 'Findings');
  findings.addRow(FINDING_HEADERS[lang]);
  for (const row of rows) {
    for (const f of row.findings) {
      const added = findings.addRow([row.source, row.agency, row.year, f.rule, f.severity, f.table, f.row, f.column, f.expected, f.actual, f.message].map(cell));
      const link = linked(row.source);
      if (link) added.getCell(1).value = link;
    }
  }
  findings.getColumn(11).width = 80;
  findings.getRow(1).font = { bold: true };
  if (expected) addExpectedSheet(workbook, expected, lang);
  addSimilarSheet(workbook, rows, lang);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
