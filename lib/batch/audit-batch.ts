import { auditExtracted, type Audit } from '../audit';
import type { Lang } from '../i18n/render';
import { contextOf, type Prepared } from '../input/prepare';
import type { PreviousReport } from '../model/report';
import type { AuditResult } from '../model/result';
import { findingCounts } from '../present/counts';
import { rememberedPrevious } from './memory';
import { agencyGroups, auditOrder, previousYearIndex, unpairedReason } from './pair';
import { snapshotOf } from './previous';
import { emptyRow, type BatchRow } from './row';

export type { Prepared } from '../input/prepare';

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

/**
 * One prepared input audited: the one call every path makes (the command line alone or in a batch,
 * the batch view), so that an input's reading and findings never depend on its company.
 */
export function auditPrepared(item: Prepared, options: BatchAuditOptions & { previous?: PreviousReport | null } = {}): Audit | null {
  if (!item.extracted) return null;
  return auditExtracted(item.extracted, {
    source: item.source, lang: options.lang ?? 'zh', format: options.format, context: contextOf(item),
    ...(options.previous ? { previous: options.previous } : {}),
  });
}

/**
 * Audit every prepared input, pair reports of one agency by year, and audit each one again with
 * last year's report at hand (from the batch, else from `known`). Pure and synchronous. What a batch
 * adds is only that: the pairing and the cross-year rules; each report is read as it is read alone.
 */
export function auditBatch(prepared: readonly Prepared[], options: BatchAuditOptions = {}): BatchAudit {
  const first = prepared.map((item) => {
    const started = performance.now();
    const audit = auditPrepared(item, options);
    return audit ? { audit, ms: performance.now() - started } : null;
  });
  const dated = first.map((entry, i) => (entry?.audit.report.isReport
    ? { agency: entry.audit.report.agency, year: entry.audit.report.year, source: prepared[i]!.source }
    : { agency: null, year: null }));
  const previousIndex = previousYearIndex(dated);
  const groups = agencyGroups(dated);
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
      audit = auditPrepared(item, { ...options, previous })!;
      ms += performance.now() - started;
    }
    rows[i] = { ...rowOf(i, item, audit.result, previous, ms), unpaired: report.isReport ? unpairedReason(dated[i]!, groups[i]!, previous !== null) : null };
    results[i] = audit.result;
  }
  return { rows, results, snapshots: snapshots.filter((s): s is PreviousReport => s !== null) };
}

function rowOf(index: number, item: Prepared, result: AuditResult, previous: PreviousReport | null, ms: number): BatchRow {
  const row = emptyRow(index, item.source, item.linkText, result.report ? 'audited' : 'not-report', item.reason ?? null);
  if (!result.report) return { ...row, findings: result.findings, auditMs: ms };
  const crossFindings = result.findings.filter((f) => f.rule.startsWith('crossyear.'));
  const counts = findingCounts(result.findings);
  // As appeals.corrected counts them (its finding gives the groups); 0 when table 四 has none.
  const corrected = result.findings.find((f) => f.rule === 'appeals.corrected')?.actual;
  return {
    ...row,
    agency: result.agency,
    year: result.year,
    format: result.format,
    publishedAt: result.publishedAt,
    publishedAtSource: result.publishedAtSource,
    deadline: result.deadline?.status ?? null,
    // Counted as every other view counts (blank cells apart): one report, one count.
    errors: counts.errors,
    warnings: counts.warnings,
    rules: [...new Set(result.findings.map((f) => f.rule))].sort(),
    previousSource: previous?.source ?? null,
    crossyear: previous ? (crossFindings.length ? 'findings' : 'consistent') : null,
    appealsCorrected: typeof corrected === 'number' ? corrected : result.tables.appeals ? 0 : null,
    findings: result.findings,
    auditMs: ms,
  };
}
