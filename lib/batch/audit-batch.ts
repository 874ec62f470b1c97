import { auditExtracted } from '../audit';
import type { Extracted } from '../extract/types';
import type { Lang } from '../i18n/render';
import type { PreviousReport } from '../model/report';
import type { AuditResult } from '../model/result';
import { agencyFromText } from './agency';
import { deadlineKept } from './deadline';
import { rememberedPrevious } from './memory';
import { auditOrder, previousYearIndex } from './pair';
import { snapshotOf } from './previous';
import { emptyRow, type BatchRow, type RowStatus } from './row';

/** One input read as far as it could be: its extraction, or why there is none. */
export interface Prepared {
  source: string;
  linkText: string | null;
  listedAt: string | null;
  extracted: Extracted | null;
  /** When there is no extraction: what happened. */
  status?: RowStatus;
  reason?: string | null;
}

export interface BatchAuditOptions {
  lang?: Lang;
  format?: 'auto' | '2019' | '2021';
  /** Reports audited earlier (remembered per agency): last year's report when the batch lacks it. */
  known?: readonly PreviousReport[];
}

export interface BatchAudit {
  rows: BatchRow[];
  /** What to remember of each audited report, for next year's audit. */
  snapshots: PreviousReport[];
  /** The full audit result of each row that could be read, else null (same order as rows). */
  results: (AuditResult | null)[];
}

const YEAR_IN_TEXT = /((?:19|20)\d{2})\s*年/;

/**
 * Audit every prepared input, pair reports of one agency by year, and audit each one again with
 * last year's report at hand (from the batch, else from `known`). Pure and synchronous.
 */
export function auditBatch(prepared: readonly Prepared[], options: BatchAuditOptions = {}): BatchAudit {
  const lang = options.lang ?? 'zh';
  const first = prepared.map((item) => {
    if (!item.extracted) return null;
    const started = performance.now();
    const audit = auditExtracted(item.extracted, { source: item.source, lang, format: options.format });
    // A page without a title is named by the list's link text.
    if (!audit.report.agency) audit.report.agency = agencyFromText(item.linkText);
    if (audit.report.year === null && item.linkText) {
      const year = YEAR_IN_TEXT.exec(item.linkText)?.[1];
      if (year) audit.report.year = Number(year);
    }
    return { audit, ms: performance.now() - started };
  });
  const dated = first.map((entry) => (entry?.audit.report.isReport ? { agency: entry.audit.report.agency, year: entry.audit.report.year } : { agency: null, year: null }));
  const previousIndex = previousYearIndex(dated);
  const snapshots: (PreviousReport | null)[] = first.map((entry, i) =>
    entry?.audit.report.isReport ? snapshotOf(entry.audit.report, prepared[i]!.source) : null);

  const rows: BatchRow[] = new Array(prepared.length);
  const results: (AuditResult | null)[] = prepared.map(() => null);
  for (const i of auditOrder(dated)) {
    const item = prepared[i]!;
    const entry = first[i];
    if (!entry) {
      rows[i] = emptyRow(i, item.source, item.linkText, item.status ?? 'fetch-failed', item.reason ?? null);
      continue;
    }
    const report = entry.audit.report;
    const j = previousIndex[i];
    const previous = (j !== null && j !== undefined ? snapshots[j] : null) ?? rememberedPrevious(options.known ?? [], report, item.source);
    let audit = entry.audit;
    let ms = entry.ms;
    if (previous) {
      const started = performance.now();
      audit = auditExtracted(item.extracted!, { source: item.source, lang, format: options.format, previous });
      ms += performance.now() - started;
      audit.report.agency ??= report.agency;
      audit.result.agency ??= report.agency;
    }
    rows[i] = rowOf(i, item, audit.result, report.agency, report.year, previous, ms);
    results[i] = audit.result;
  }
  return { rows, results, snapshots: snapshots.filter((s): s is PreviousReport => s !== null) };
}

function rowOf(
  index: number, item: Prepared, result: ReturnType<typeof auditExtracted>['result'],
  agency: string | null, year: number | null, previous: PreviousReport | null, ms: number,
): BatchRow {
  const row = emptyRow(index, item.source, item.linkText, result.report ? 'audited' : 'not-report', item.reason ?? null);
  if (!result.report) return { ...row, findings: result.findings, auditMs: ms };
  const publishedAt = result.publishedAt ?? item.listedAt;
  const crossFindings = result.findings.filter((f) => f.rule.startsWith('crossyear.'));
  return {
    ...row,
    agency: result.agency ?? agency,
    year: result.year ?? year,
    format: result.format,
    publishedAt,
    deadline: deadlineKept(result.year ?? year, result.agency ?? agency, publishedAt),
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    rules: [...new Set(result.findings.map((f) => f.rule))].sort(),
    previousSource: previous?.source ?? null,
    crossyear: previous ? (crossFindings.length ? 'findings' : 'consistent') : null,
    findings: result.findings,
    auditMs: ms,
  };
}
