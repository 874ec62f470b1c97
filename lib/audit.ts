import { extractFromDocument } from './extract/html';
import { extractFromText } from './extract/text';
import type { Extracted } from './extract/types';
import { renderFindings, type Lang } from './i18n/render';
import type { Finding } from './model/finding';
import type { Format, PreviousReport, Report } from './model/report';
import type { AuditResult } from './model/result';
import { RULES, runRules } from './rules';
import { nameSuspects } from './rules/suspect';
import { matchReport } from './template/match';
import { toResult } from './export/result';

export interface AuditOptions {
  source?: string;
  format?: 'auto' | Format;
  lang?: Lang;
  /** Last year's report of the same agency: enables the crossyear.* rules. */
  previous?: PreviousReport;
}

export interface Audit {
  report: Report;
  findings: Finding[];
  result: AuditResult;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const TABLE_ORDER = { active: 0, applications: 1, appeals: 2 } as const;

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.table ? TABLE_ORDER[a.table] : 3) - (b.table ? TABLE_ORDER[b.table] : 3),
  );
}

/** extracted page → template match → findings → result. Never throws. */
export function auditExtracted(extracted: Extracted, options: AuditOptions = {}): Audit {
  const source = options.source ?? '';
  try {
    const report = matchReport(extracted, { format: options.format ?? 'auto' });
    if (options.previous) report.previous = options.previous;
    const findings = sortFindings(nameSuspects(report, runRules(report), RULES));
    const result = toResult(report, renderFindings(findings, report.format, options.lang ?? 'zh'), source);
    return { report, findings, result };
  } catch (error) {
    return failed(source, error, options.lang ?? 'zh');
  }
}

export function auditText(text: string, options: AuditOptions = {}): Audit {
  try {
    return auditExtracted(extractFromText(text), options);
  } catch (error) {
    return failed(options.source ?? '', error, options.lang ?? 'zh');
  }
}

export function auditDocument(doc: Document, options: AuditOptions = {}): Audit & { elements: Element[] } {
  try {
    const { extracted, elements } = extractFromDocument(doc);
    return { ...auditExtracted(extracted, options), elements };
  } catch (error) {
    return { ...failed(options.source ?? '', error, options.lang ?? 'zh'), elements: [] };
  }
}

function emptyReport(): Report {
  return {
    isReport: false, format: null, tableFormats: {}, year: null, yearInTitle: false, title: null, agency: null,
    publishedAt: null, tables: {}, tableSrc: {}, rowLabels: {}, unknownRows: [], texts: [], sections: [], anomalies: [],
  };
}

/** A page that broke the auditor still gets an answer: not a report, with the reason as text. */
function failed(source: string, error: unknown, lang: Lang): Audit {
  const report = emptyReport();
  const findings: Finding[] = [{
    rule: 'report.not-found', severity: 'info', table: null, row: null, column: null, cells: [],
    expected: null, actual: null, text: `internal error: ${String(error).slice(0, 200)}`,
  }];
  return { report, findings, result: toResult(report, renderFindings(findings, null, lang), source) };
}
