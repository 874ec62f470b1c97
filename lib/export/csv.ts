import type { AuditResult } from '../model/result';
import type { Lang } from '../i18n/lang';
import { findingKey, type ReviewBook } from '../review/state';
import { cellHeader, cellRows, CELL_COLUMNS } from './cells';
import { FINDING_COLUMNS, findingHeader, findingRows } from './findings';

const BOM = '\ufeff';

/** Text that Excel or WPS would read as a formula is prefixed with an apostrophe; numbers stay numbers. */
export function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(value: unknown, separator: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralize(String(value));
  if (separator === '\t') return text.replace(/[\t\r\n]+/g, ' ');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function lines(rows: readonly Record<string, unknown>[], header: readonly string[], separator: string, names: readonly string[] = header): string {
  return [names.map((name) => field(name, separator)).join(separator), ...rows.map((row) => header.map((key) => field(row[key], separator)).join(separator))].join('\r\n');
}

/**
 * One row per cell (output.md), UTF-8 with a BOM so that Excel opens it correctly: headers and labels
 * in the reader's language, the keys (table, row, column, rule ids) in their own columns at the end.
 */
export function cellsCsv(result: AuditResult, lang: Lang = 'zh'): string {
  return `${BOM}${lines(cellRows(result, lang), CELL_COLUMNS, ',', cellHeader(lang))}\r\n`;
}

/** The findings with headers and labels in the reader's language, their cause group, review and note. */
export function findingsCsv(result: AuditResult, lang: Lang = 'zh', reviews: ReviewBook = {}): string {
  return `${BOM}${lines(findingRows(result, lang, reviews), FINDING_COLUMNS, ',', findingHeader(lang))}\r\n`;
}

/** The cells as tab-separated text, for the clipboard (pastes into Excel and WPS as a grid). */
export function cellsTsv(result: AuditResult, lang: Lang = 'zh'): string {
  return `${lines(cellRows(result, lang), CELL_COLUMNS, '\t', cellHeader(lang))}\r\n`;
}

/** The audit result (output.md); a reviewed finding carries its review as an extra `review` field. */
export function resultJson(result: AuditResult, reviews: ReviewBook = {}): string {
  const findings = result.findings.map((finding) => {
    const review = reviews[findingKey(finding)];
    return review ? { ...finding, review } : finding;
  });
  return `${JSON.stringify({ ...result, findings }, null, 2)}\n`;
}
