/**
 * The pipeline, one straight line: extracted page → template match → rules → suspects → result.
 * Pure (no browser APIs); the content script, the CLI, the tests and the benchmark all run it.
 */
import type { DocumentLike, ElementLike } from './extract/dom';
import { extractFromDocument } from './extract/html';
import { extractFromText } from './extract/text';
import type { Extracted } from './extract/types';
import type { Lang } from './i18n/lang';
import type { Finding } from './model/finding';
import type { AuditRecord } from './model/record';
import type { AuditContext, Format, PreviousReport, Report, SimilarTo } from './model/report';
import { anchored } from './present/anchors';
import { baselineReportOf } from './record/baseline';
import { reauditOf } from './record/reaudit';
import type { AuditResult } from './model/result';
import { internalError, resultIn, type Audited } from './result';
import { runRules } from './rules';
import { nameSuspects } from './rules/suspect';
import { matchReport } from './template/match';

export interface AuditOptions {
  source?: string;
  format?: 'auto' | Format;
  lang?: Lang;
  /** What is known of the report from outside it: the list's link text and date, the linking page's dates. */
  context?: AuditContext;
  /**
   * Last year's report of the same agency: enables the crossyear.* rules. Either the report itself, or
   * how to find it from this year's once read (its agency and year), so a page is read only once.
   */
  previous?: PreviousReport | ((report: Report) => PreviousReport | null);
  /** What a batch found of this report's prose in other agencies' reports: enables batch.similar-text. */
  similar?: SimilarTo;
  /**
   * An earlier audit record of this report (lib/record): the findings are then classified against
   * it (已整改 / 未整改 / 新增) and report.changed compares the page with it. Either the record, or
   * how to find it once the report is read (its agency and year).
   */
  baseline?: AuditRecord | ((report: Report) => AuditRecord | null);
}

export interface Audit extends Audited {
  /** The result in the language asked for; `resultIn(audit, lang)` gives it in another. */
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

function finish(audited: Audited, options: AuditOptions): Audit {
  return { ...audited, result: resultIn(audited, options.lang ?? 'zh') };
}

/** extracted page → template match → findings → result. Never throws: a stage that fails is an anomaly of the result. */
export function auditExtracted(extracted: Extracted, options: AuditOptions = {}): Audit {
  const source = options.source ?? '';
  let report: Report;
  let baseline: AuditRecord | null = null;
  try {
    report = matchReport(extracted, { format: options.format ?? 'auto', context: options.context });
    const previous = typeof options.previous === 'function' ? options.previous(report) : options.previous;
    if (previous) report.previous = previous;
    if (options.similar) report.similar = options.similar;
    baseline = typeof options.baseline === 'function' ? options.baseline(report) : (options.baseline ?? null);
    if (baseline) report.baseline = baselineReportOf(baseline, source);
  } catch (error) {
    return failed(source, 'match', error, options);
  }
  const run = runRules(report);
  const anomalies = [...run.failures];
  const findings = anchored(report, sortFindings(nameSuspects(report, run.findings, anomalies)));
  return finish({ report, findings, checks: run.checks, anomalies, source, ...(baseline ? { reaudit: reauditOf(baseline, findings) } : {}) }, options);
}

export function auditText(text: string, options: AuditOptions = {}): Audit {
  let extracted: Extracted;
  try {
    extracted = extractFromText(text);
  } catch (error) {
    return failed(options.source ?? '', 'extract', error, options);
  }
  return auditExtracted(extracted, options);
}

/** A browser `Document` or the command line's parse5 document: the same extraction reads both. */
export function auditDocument<E extends ElementLike = Element>(
  doc: DocumentLike & { getElementsByTagName(name: string): ArrayLike<E> }, options: AuditOptions = {},
): Audit & { elements: E[] } {
  let extraction: ReturnType<typeof extractFromDocument<E>>;
  try {
    extraction = extractFromDocument(doc);
  } catch (error) {
    return { ...failed(options.source ?? '', 'extract', error, options), elements: [] };
  }
  return { ...auditExtracted(extraction.extracted, options), elements: extraction.elements };
}

function emptyReport(): Report {
  return {
    isReport: false, format: null, tableFormats: {}, year: null, yearInTitle: false, title: null, agency: null,
    publishedAt: null, publishedAtSource: null, tables: {}, tableSrc: {}, rowLabels: {}, unknownRows: [], texts: [], sections: [], anomalies: [],
  };
}

/** A page that broke the auditor still gets an answer: no report could be read, and the failing stage as an anomaly. */
function failed(source: string, stage: string, error: unknown, options: AuditOptions): Audit {
  return finish({ report: emptyReport(), findings: [], checks: { checked: 0, failed: 0 }, anomalies: [internalError(stage, error)], source }, options);
}
