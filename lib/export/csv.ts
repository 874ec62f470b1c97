import type { AuditResult } from '../model/result';
import type { Lang } from '../i18n/render';
import { findingKey, type ReviewBook } from '../review/state';
import { cellRows } from './cells';
import { FINDING_COLUMNS, findingHeader, findingRows } from './findings';

const BOM = '\ufeff';
const CELL_HEADER = ['table', 'row', 'column', 'row_label', 'column_label', 'value', 'raw', 'finding_rules'] as const;

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

/** One row per cell (output.md), UTF-8 with a BOM so that Excel opens it correctly. */
export function cellsCsv(result: AuditResult): string {
  return `${BOM}${lines(cellRows(result) as unknown as Record<string, unknown>[], CELL_HEADER, ',')}\r\n`;
}

/** The findings with headers and labels in the reader's language, their cause group, review and note. */
export function findingsCsv(result: AuditResult, lang: Lang = 'zh', reviews: ReviewBook = {}): string {
  return `${BOM}${lines(findingRows(result, lang, reviews), FINDING_COLUMNS, ',', findingHeader(lang))}\r\n`;
}

/** The cells as tab-separated text, for the clipboard (pastes into Excel and WPS as a grid). */
export function cellsTsv(result: AuditResult): string {
  return `${lines(cellRows(result) as unknown as Record<string, unknown>[], CELL_HEADER, '\t')}\r\n`;
}

/** The audit result (output.md); a reviewed finding carries its review as an extra `review` field. */
export function resultJson(result: AuditResult, reviews: ReviewBook = {}): string {
  const findings = result.findings.map((finding) => {
    const review = reviews[findingKey(finding)];
    return review ? { ...finding, review } : finding;
  });
  return `${JSON.stringify({ ...result, findings }, null, 2)}\n`;
}
