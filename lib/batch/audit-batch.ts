import { auditExtracted, type Audit } from '../audit';
import type { Lang } from '../i18n/render';
import { contextOf, type Prepared } from '../input/prepare';
import type { PreviousReport } from '../model/report';
import type { AuditResult } from '../model/result';
import { findingCounts } from '../present/counts';
import { rememberedPrevious } from './memory';
import { auditOrder, previousYearIndex } from './pair';
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
 * What a batch keeps of an input's first audit (without last year's report): plain data, so a
 * worker can make it (lib/cli/pool.ts) and the main thread pair and re-audit with it.
 */
export interface FirstAudit {
  result: AuditResult;
  isReport: boolean;
  agency: string | null;
  year: number | null;
  /** What next year's audit is checked against, when this is a report. */
  snapshot: PreviousReport | null;
  ms: number;
}

/** An input's first audit: null when it has nothing to audit. */
export function firstAudit(item: Prepared, options: BatchAuditOptions = {}): FirstAudit | null {
  const started = performance.now();
  const audit = auditPrepared(item, options);
  if (!audit) return null;
  const { report } = audit;
  return {
    result: audit.result, isReport: report.isReport, agency: report.agency, year: report.year,
    snapshot: report.isReport ? snapshotOf(report, item.source) : null, ms: performance.now() - started,
  };
}

/** An input's row as far as its own audit goes (no cross-year check yet): what a summary shows while the batch runs. */
export function provisionalRow(index: number, item: Prepared, first: FirstAudit | null): BatchRow {
  if (!first) return emptyRow(index, item.source, item.linkText, item.status ?? 'fetch-failed', item.reason ?? null);
  return rowOf(index, item, first.result, null, first.ms);
}

/**
 * Audit every prepared input, pair reports of one agency by year, and audit each one again with
 * last year's report at hand (from the batch, else from `known`). Pure and synchronous. What a batch
 * adds is only that: the pairing and the cross-year rules; each report is read as it is read alone.
 * `firsts` are first audits already made elsewhere (a worker's); a missing one is made here.
 */
export function auditBatch(prepared: readonly Prepared[], options: BatchAuditOptions = {}, firsts: readonly (FirstAudit | null | undefined)[] = []): BatchAudit {
  const first = prepared.map((item, i) => (firsts[i] !== undefined ? firsts[i] : firstAudit(item, options)));
  const dated = first.map((entry) => (entry?.isReport ? { agency: entry.agency, year: entry.year } : { agency: null, year: null }));
  const previousIndex = previousYearIndex(dated);
  const snapshots = first.map((entry) => entry?.snapshot ?? null);

  const rows: BatchRow[] = new Array(prepared.length);
  const results: (AuditResult | null)[] = prepared.map(() => null);
  for (const i of auditOrder(dated)) {
    const item = prepared[i]!;
    const entry = first[i];
    if (!entry) {
      rows[i] = provisionalRow(i, item, null);
      continue;
    }
    const j = previousIndex[i];
    const previous = (j !== null && j !== undefined ? snapshots[j] : null)
      ?? (entry.isReport ? rememberedPrevious(options.known ?? [], { isReport: true, agency: entry.agency, year: entry.year }, item.source) : null);
    let result = entry.result;
    let ms = entry.ms;
    if (previous) {
      const started = performance.now();
      result = auditPrepared(item, { ...options, previous })!.result;
      ms += performance.now() - started;
    }
    rows[i] = rowOf(i, item, result, previous, ms);
    results[i] = result;
  }
  return { rows, results, snapshots: snapshots.filter((s): s is PreviousReport => s !== null) };
}

function rowOf(index: number, item: Prepared, result: AuditResult, previous: PreviousReport | null, ms: number): BatchRow {
  const row = emptyRow(index, item.source, item.linkText, result.report ? 'audited' : 'not-report', item.reason ?? null);
  if (!result.report) return { ...row, findings: result.findings, auditMs: ms };
  const crossFindings = result.findings.filter((f) => f.rule.startsWith('crossyear.'));
  const counts = findingCounts(result.findings);
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
    findings: result.findings,
    auditMs: ms,
  };
}
