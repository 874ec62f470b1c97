import type { ExpectedCheck } from '../batch/expected';
import type { BatchRow, RowStatus } from '../batch/row';
import type { Lang } from '../i18n/lang';
import { addExpectedSheet, addSimilarSheet } from './column-sheets';
import { showControls, withoutCredentials } from '../present/visible';
import { neutralize } from './csv';
import { findingPlace } from './findings';
import { shapeList } from './sheet';
import { bt } from '../i18n/batch-ui';
import { ruleTitle } from '../i18n/render';
import { t } from '../i18n/ui';
import type { RenderedFinding } from '../model/finding';

/**
 * The batch summary (output.md, --summary): one row per input, in input order, in the run's language:
 * statuses, deadlines, date sources and the problems found in words; the rule ids in one key column
 * at the end, for tools (the JSON keeps every key).
 */
export const SUMMARY_COLUMNS = [
  'source', 'agency', 'year', 'format', 'published_at', 'published_at_source', 'deadline', 'errors', 'warnings', 'problems',
  'crossyear', 'previous_source', 'status', 'reason', 'reaudit_fixed', 'reaudit_open', 'reaudit_new', 'unpaired', 'appeals_corrected', 'rules',
] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
/** The column a tool reads keys from: outside it, a summary speaks the template's words. */
export const SUMMARY_KEY_COLUMNS: readonly SummaryColumn[] = ['rules'];

const HEADERS: Record<Lang, Record<SummaryColumn, string>> = {
  zh: {
    source: '地址', agency: '机关', year: '年度', format: '格式', published_at: '发布日期', published_at_source: '日期来源', deadline: '是否按期', errors: '错误',
    warnings: '警告', problems: '问题', crossyear: '跨年核对', previous_source: '上年报告', status: '状态', reason: '说明',
    reaudit_fixed: '已整改', reaudit_open: '未整改', reaudit_new: '新增', unpaired: '未与上年配对的原因', appeals_corrected: '复议纠错和诉讼败诉（件）', rules: '规则代码',
  },
  en: {
    source: 'Source', agency: 'Agency', year: 'Year', format: 'Format', published_at: 'Published', published_at_source: 'Date from', deadline: 'Deadline', errors: 'Errors',
    warnings: 'Warnings', problems: 'Problems', crossyear: 'Cross-year', previous_source: 'Last year’s report', status: 'Status', reason: 'Reason',
    reaudit_fixed: 'Fixed', reaudit_open: 'Still open', reaudit_new: 'New', unpaired: 'Not paired with last year because', appeals_corrected: 'Corrected on review or lost in court', rules: 'Rule ids',
  },
};

/** The findings sheet: where each finding is, in words; its rule id last, for tools. */
const FINDING_COLUMNS = ['source', 'agency', 'year', 'problem', 'severity', 'table', 'row', 'column', 'expected', 'actual', 'message', 'rule'] as const;
type FindingColumn = (typeof FINDING_COLUMNS)[number];
const FINDING_HEADERS: Record<Lang, Record<FindingColumn, string>> = {
  zh: { source: '地址', agency: '机关', year: '年度', problem: '问题', severity: '级别', table: '表', row: '行', column: '列', expected: '应为', actual: '实为', message: '说明', rule: '规则代码' },
  en: { source: 'Source', agency: 'Agency', year: 'Year', problem: 'Problem', severity: 'Severity', table: 'Table', row: 'Row', column: 'Column', expected: 'Expected', actual: 'Actual', message: 'Message', rule: 'Rule id' },
};

/** How wide each column may grow before its text wraps. */
const SUMMARY_WIDTHS: Record<SummaryColumn, number> = {
  source: 30, agency: 20, year: 6, format: 6, published_at: 11, published_at_source: 12, deadline: 6, errors: 6, warnings: 6, problems: 24,
  crossyear: 8, previous_source: 24, status: 10, reason: 20, reaudit_fixed: 6, reaudit_open: 6, reaudit_new: 6, unpaired: 12, appeals_corrected: 8, rules: 16,
};
const FINDING_WIDTHS: Record<FindingColumn, number> = {
  source: 30, agency: 20, year: 6, problem: 16, severity: 6, table: 16, row: 18, column: 12, expected: 8, actual: 8, message: 44, rule: 16,
};

/** A row's status in words: the batch view's, the summary's and the CLI's. */
export const rowStatusText = (status: RowStatus, lang: Lang): string => bt(lang, `status-${status}`);

/** Why a report was not checked against last year's, as the batch view says it. */
function unpairedText(row: BatchRow, lang: Lang): string | null {
  if (!row.unpaired) return null;
  return row.unpaired === 'no-previous' ? bt(lang, 'noPrevious') : bt(lang, `unpaired-${row.unpaired}`);
}

export function summaryRecord(row: BatchRow, lang: Lang): Record<SummaryColumn, string | number | null> {
  const titles = [...new Set(row.rules.map((rule) => ruleTitle(rule, lang)))];
  return {
    source: row.source, agency: row.agency, year: row.year, format: row.format, published_at: row.publishedAt,
    published_at_source: row.publishedAtSource ? t(lang, `dateSource-${row.publishedAtSource}`) : null,
    deadline: row.deadline ? bt(lang, row.deadline) : null, errors: row.errors, warnings: row.warnings,
    problems: titles.join(lang === 'zh' ? '；' : '; '),
    crossyear: row.crossyear === 'consistent' ? bt(lang, 'consistent') : row.crossyear === 'findings' ? bt(lang, 'findingsFound') : null,
    previous_source: row.previousSource, status: rowStatusText(row.status, lang), reason: row.reason,
    reaudit_fixed: row.reaudit?.fixed ?? null, reaudit_open: row.reaudit?.open ?? null, reaudit_new: row.reaudit?.new ?? null,
    unpaired: unpairedText(row, lang),
    appeals_corrected: row.appealsCorrected ?? null,
    rules: row.rules.join(' '),
  };
}

function findingRecord(row: BatchRow, finding: RenderedFinding, lang: Lang): Record<FindingColumn, string | number | null> {
  return {
    source: row.source, agency: row.agency, year: row.year, problem: ruleTitle(finding.rule, lang), severity: t(lang, finding.severity),
    ...findingPlace(finding, row.format, lang),
    expected: finding.expected, actual: finding.actual, message: finding.message, rule: finding.rule,
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

/** UTF-8 with a BOM (Excel opens it correctly), headers in the run's language. */
export function summaryCsv(rows: readonly BatchRow[], lang: Lang): string {
  const lines = [SUMMARY_COLUMNS.map((key) => csvField(HEADERS[lang][key])).join(','), ...rows.map((row) => {
    const record = summaryRecord(row, lang);
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
    const record = summaryRecord(row, lang);
    const added = summary.addRow(SUMMARY_COLUMNS.map((key) => cell(record[key])));
    const link = linked(row.source);
    if (link) added.getCell(1).value = link;
  }
  shapeList(summary, SUMMARY_COLUMNS.map((key) => ({ max: SUMMARY_WIDTHS[key] })), 1);

  const findings = workbook.addWorksheet(lang === 'zh' ? '问题' : 'Findings');
  findings.addRow(FINDING_COLUMNS.map((key) => FINDING_HEADERS[lang][key]));
  for (const row of rows) {
    for (const f of row.findings) {
      const record = findingRecord(row, f, lang);
      const added = findings.addRow(FINDING_COLUMNS.map((key) => cell(record[key])));
      const link = linked(row.source);
      if (link) added.getCell(1).value = link;
    }
  }
  shapeList(findings, FINDING_COLUMNS.map((key) => ({ max: FINDING_WIDTHS[key] })), 1);
  if (expected) addExpectedSheet(workbook, expected, lang);
  addSimilarSheet(workbook, rows, lang);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
