import type { DocumentLike, ElementLike } from './extract/dom';
import { extractFromDocument } from './extract/html';
import { extractFromText } from './extract/text';
import type { Extracted } from './extract/types';
import { renderFindings, type Lang } from './i18n/render';
import type { Finding } from './model/finding';
import type { Format, Report } from './model/report';
import type { AuditResult } from './model/result';
import { RULES, runRules } from './rules';
import { nameSuspects } from './rules/suspect';
import { matchReport } from './template/match';
import { toResult } from './export/result';

export interface AuditOptions {
  source?: string;
  format?: 'auto' | Format;
  lang?: Lang;
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
  let stage = 'template match';
  try {
    const report = matchReport(extracted, { format: options.format ?? 'auto' });
    stage = 'rules';
    const findings = sortFindings(nameSuspects(report, runRules(report), RULES));
    stage = 'result';
    const result = toResult(report, renderFindings(findings, report.format, options.lang ?? 'zh'), source);
    return { report, findings, result };
  } catch (error) {
    return failed(source, error, stage);
  }
}

export function auditText(text: string, options: AuditOptions = {}): Audit {
  try {
    return auditExtracted(extractFromText(text), options);
  } catch (error) {
    return failed(options.source ?? '', error, 'text extraction');
  }
}

/** A browser `Document` or the command line's parse5 document: the same extraction reads both. */
export function auditDocument<E extends ElementLike = Element>(
  doc: DocumentLike & { getElementsByTagName(name: string): ArrayLike<E> }, options: AuditOptions = {},
): Audit & { elements: E[] } {
  try {
    const { extracted, elements } = extractFromDocument(doc);
    return { ...auditExtracted(extracted, options), elements };
  } catch (error) {
    return { ...failed(options.source ?? '', error, 'page extraction'), elements: [] };
  }
}

function emptyReport(): Report {
  return {
    isReport: false, format: null, tableFormats: {}, year: null, yearInTitle: false, title: null, agency: null,
    publishedAt: null, tables: {}, tableSrc: {}, rowLabels: {}, unknownRows: [], texts: [], sections: [], anomalies: [],
  };
}

/**
 * A page that broke the auditor still gets an answer — never "not a report": no findings, and an
 * anomaly naming the stage that failed (`isInternalError` tells it apart).
 */
function failed(source: string, error: unknown, stage: string): Audit {
  const report = { ...emptyReport(), anomalies: [`${INTERNAL_ERROR} ${stage}: ${String(error).slice(0, 200)}`] };
  return { report, findings: [], result: toResult(report, [], source) };
}

const INTERNAL_ERROR = 'internal error in';

/** The anomaly of an audit that failed, if it failed. */
export function internalError(result: Pick<AuditResult, 'anomalies'>): string | null {
  return result.anomalies?.find((anomaly) => anomaly.startsWith(INTERNAL_ERROR)) ?? null;
}
