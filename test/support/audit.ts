import { Window } from 'happy-dom';
import { auditDocument, auditText, type AuditOptions } from '../../lib/audit';
import { parseDocument } from '../../lib/cli/dom';
import type { Finding } from '../../lib/model/finding';
import type { AuditResult } from '../../lib/model/result';
import { HTML_SHAPES, renderHtml, renderText, type HtmlShape, type TextShape } from './render';
import { ACTIVE_COLUMNS, APPEAL_COLUMNS, APPEAL_ROWS, APPLICATION_COLUMNS, applicationRows, getCell, type ReportData } from './report-data';

/** Windows still closing: long runs await them (`closing()`), or unclosed windows exhaust the heap. */
const pending = new Set<Promise<void>>();

/** Resolves once every window opened by `auditHtml` so far has closed. */
export async function closing(): Promise<void> {
  await Promise.all([...pending]);
}

/** A page through happy-dom (jsdom 26 keeps ~7 MB per document alive once queried, which long runs cannot afford). */
export function auditHtml(html: string, options: AuditOptions = {}) {
  const window = new Window();
  try {
    window.document.write(html);
    return auditDocument(window.document as unknown as Document, options);
  } finally {
    const closed = window.happyDOM.close().finally(() => pending.delete(closed));
    pending.add(closed);
  }
}

/** The same page through parse5, the DOM the command line builds. */
export function auditHtmlCli(html: string, options: AuditOptions = {}) {
  return auditDocument(parseDocument(html), options);
}

export function auditShape(data: ReportData, shape: HtmlShape | TextShape) {
  return (HTML_SHAPES as readonly string[]).includes(shape)
    ? auditHtml(renderHtml(data, shape as HtmlShape))
    : auditText(renderText(data, shape as TextShape));
}

/** One line per finding: rule, table, row, column, expected, actual — what rule tests compare. */
export function flatten(findings: readonly Finding[]): string[] {
  return findings.map((f) => [f.rule, f.table ?? '-', f.row ?? '-', f.column ?? '-', f.expected ?? '-', f.actual ?? '-'].join(' ')).sort();
}

export function errorsOf(findings: readonly Finding[]): string[] {
  return flatten(findings.filter((f) => f.severity === 'error'));
}

/** Every cell of the data, as [table, row, column, value] tuples. */
export function cellsOf(data: ReportData): [string, string, string, unknown][] {
  const out: [string, string, string, unknown][] = [];
  for (const [row, columns] of Object.entries(ACTIVE_COLUMNS[data.format])) {
    for (const column of columns) out.push(['active', row, column, getCell(data, 'active', row, column)]);
  }
  for (const row of applicationRows(data.other)) {
    for (const column of APPLICATION_COLUMNS) out.push(['applications', row, column, getCell(data, 'applications', row, column)]);
  }
  for (const row of APPEAL_ROWS) for (const column of APPEAL_COLUMNS) out.push(['appeals', row, column, getCell(data, 'appeals', row, column)]);
  return out;
}

/** Cells whose value in the result differs from the data (numbers only): should be none. */
export function misread(result: AuditResult, data: ReportData): string[] {
  return cellsOf(data)
    .filter(([, , , value]) => typeof value === 'number')
    .filter(([table, row, column, value]) => result.tables[table as 'active']?.[row]?.[column] !== value)
    .map(([table, row, column, value]) => `${table}/${row}/${column}: expected ${String(value)}, read ${String(result.tables[table as 'active']?.[row]?.[column])}`);
}
