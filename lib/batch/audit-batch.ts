import { auditExtracted, type Audit } from '../audit';
import type { Lang } from '../i18n/lang';
import { contextOf, type Prepared } from '../input/prepare';
import { agencyFromText } from '../facts/agency';
import type { AuditRecord } from '../model/record';
import type { PreviousReport, Report, SimilarTo } from '../model/report';
import { pickBaseline } from '../record/baseline';
import type { AuditResult } from '../model/result';
import { findingCounts, reauditCounts } from '../present/counts';
import { rememberedPrevious } from './memory';
import { agencyGroups, auditOrder, previousYearIndex, unpairedReason } from './pair';
import { snapshotOf } from './previous';
import { checkList, listedKind, unitOfEach, type ExpectedCheck, type ExpectedUnit } from './expected';
import { clausesOf, findSimilar } from './similar';
import { emptyRow, type BatchRow } from './row';

export type { Prepared } from '../input/prepare';

export interface BatchAuditOptions {
  lang?: Lang;
  format?: 'auto' | '2019' | '2021';
  /** Reports audited earlier (remembered per agency): last year's report when the batch lacks it. */
  known?: readonly PreviousReport[];
  /** The units that must publish (应报清单), or 'last-year': the units with a report on the year before. */
  expected?: readonly ExpectedUnit[] | 'last-year';
  /** The year the list is checked for; by default the year most reports are on ('last-year': the latest). */
  year?: number;
  /** After each input's first audit and each second one (with last year's report, copies or the list's kind at hand). */
  onProgress?: (done: number, total: number) => void;
  /** Audit records (`--record DIR`, `--baseline FILE`): each report is re-audited against the newest of its own (lib/record/baseline.ts). */
  records?: readonly AuditRecord[];
  /** Compare with a record even of unchanged content (`--baseline` names the record). */
  anyContent?: boolean;
  /** Keep every report's Audit in `audits` (`--record` writes them), making it here where a worker made the first. */
  keepAudits?: boolean;
}

export interface BatchAudit {
  rows: BatchRow[];
  /** What to remember of each audited report, for next year's audit. */
  snapshots: PreviousReport[];
  /** The full audit result of each row that could be read, else null (same order as rows). */
  results: (AuditResult | null)[];
  /** The audit behind each result (its report: what an audit record keeps), else null. */
  audits: (Audit | null)[];
  /** Milliseconds spent finding copies between agencies, and how many pairs were diffed (for the benchmark). */
  similarMs: number;
  compared: number;
  /** Each unit of the 应报清单 as the batch shows it, when a list was given. */
  expected: ExpectedCheck | null;
}

/**
 * One prepared input audited: the one call every path makes (the command line alone or in a batch,
 * the batch view), so that an input's reading and findings never depend on its company.
 */
export function auditPrepared(
  item: Prepared, options: BatchAuditOptions & { previous?: PreviousReport | null; similar?: SimilarTo | null; listedKind?: 'department' | 'government' } = {},
): Audit | null {
  if (!item.extracted) return null;
  const context = options.listedKind ? { ...contextOf(item), listedKind: options.listedKind } : contextOf(item);
  return auditExtracted(item.extracted, {
    source: item.source, lang: options.lang ?? 'zh', format: options.format, context,
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.similar ? { similar: options.similar } : {}),
    ...(options.records?.length ? { baseline: baselineOf(item, options.records, options.anyContent ?? false) } : {}),
  });
}

/** How an input finds its earlier record once read: by its address, or by its agency and year. */
function baselineOf(item: Prepared, records: readonly AuditRecord[], anyContent: boolean) {
  return (report: Report) => (report.isReport
    ? pickBaseline(records, { source: item.source, agency: report.agency, year: report.year, sha256: item.sha256 ?? null }, { anyContent })
    : null);
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
  return firstWithAudit(item, options)?.first ?? null;
}

/** The first audit made here, its full Audit kept (what an audit record keeps); a worker's crosses as plain data only. */
function firstWithAudit(item: Prepared, options: BatchAuditOptions): { first: FirstAudit; audit: Audit } | null {
  const started = performance.now();
  const audit = auditPrepared(item, options);
  if (!audit) return null;
  const { report } = audit;
  return {
    audit,
    first: {
      result: audit.result, isReport: report.isReport, agency: report.agency, year: report.year,
      snapshot: report.isReport ? snapshotOf(report, item.source) : null, ms: performance.now() - started,
    },
  };
}

/**
 * What of the batch's work one report's first audit already allows, done as it arrives (while the
 * command line's workers read the next reports): its prose cut into clauses for finding copies.
 * auditBatch gives the same answer without it, only later.
 */
export function readyForBatch(first: FirstAudit | null | undefined): void {
  if (first?.snapshot) clausesOf(first.snapshot);
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
  const total = prepared.length * 2;
  // The Audit behind a first audit made here; a worker's first audit (lib/cli/pool.ts) has none.
  const made: (Audit | null)[] = prepared.map(() => null);
  const first = prepared.map((item, i) => {
    let entry = firsts[i];
    if (entry === undefined) {
      const here = firstWithAudit(item, options);
      made[i] = here?.audit ?? null;
      entry = here?.first ?? null;
    }
    options.onProgress?.(i + 1, total);
    return entry;
  });
  const dated = first.map((entry, i) => (entry?.isReport
    ? { agency: entry.agency, year: entry.year, source: prepared[i]!.source }
    : { agency: null, year: null }));
  const previousIndex = previousYearIndex(dated);
  const groups = agencyGroups(dated);
  const snapshots = first.map((entry) => entry?.snapshot ?? null);
  const similarity = similarAcross(snapshots);
  const kinds = listedKinds(options.expected, first.map((entry) => entry?.result ?? null), prepared);

  const rows: BatchRow[] = new Array(prepared.length);
  const results: (AuditResult | null)[] = prepared.map(() => null);
  let done = prepared.length;
  const audits: (Audit | null)[] = prepared.map(() => null);
  for (const i of auditOrder(dated)) {
    options.onProgress?.((done += 1), total);
    const item = prepared[i]!;
    const entry = first[i];
    if (!entry) {
      rows[i] = provisionalRow(i, item, null);
      continue;
    }
    const j = previousIndex[i];
    const previous = (j !== null && j !== undefined ? snapshots[j] : null)
      ?? (entry.isReport ? rememberedPrevious(options.known ?? [], { isReport: true, agency: entry.agency, year: entry.year }, item.source) : null);
    const similar = similarity.similar[i] ?? null;
    const listedKind = kinds[i];
    let audit = made[i] ?? null;
    let ms = entry.ms;
    // Audited again here with what only company gives (last year's report, copies, the list's kind),
    // or against an earlier record, or because the caller keeps every Audit and a worker made this one.
    if (previous || similar || listedKind || options.records?.length || (options.keepAudits && !audit)) {
      const started = performance.now();
      audit = auditPrepared(item, { ...options, previous, similar, listedKind })!;
      ms += performance.now() - started;
    }
    const result = audit?.result ?? entry.result;
    rows[i] = { ...rowOf(i, item, result, previous, ms), similar, unpaired: entry.isReport ? unpairedReason(dated[i]!, groups[i]!, previous !== null) : null };
    results[i] = result;
    audits[i] = audit;
  }
  return {
    rows, results, audits, snapshots: snapshots.filter((s): s is PreviousReport => s !== null), similarMs: similarity.ms, compared: similarity.compared,
    expected: expectedOf(options, rows),
  };
}

/** The deadline bases that already treat a unit as each kind: a listed kind that agrees changes nothing. */
const BASES: Record<'department' | 'government', readonly string[]> = {
  department: ['deadline.department', 'deadline.before-2019'],
  government: ['deadline.government', 'deadline.before-2019'],
};

/**
 * The kind the 应报清单 gives each report's unit, where the first audit's deadline took another: the
 * deadline (lib/facts/deadline.ts) then takes it. Undefined where the list is silent or agrees.
 */
function listedKinds(expected: BatchAuditOptions['expected'], results: readonly (AuditResult | null)[], prepared: readonly Prepared[]) {
  if (!Array.isArray(expected)) return results.map(() => undefined);
  const units = expected as readonly ExpectedUnit[];
  const unitOf = unitOfEach(units, results.map((result, i) => (result?.report ? result.agency : null) ?? agencyFromText(prepared[i]!.linkText)));
  return results.map((result, i) => {
    const u = unitOf[i];
    const kind = u === null || u === undefined ? undefined : listedKind(units[u]!.kind);
    return result?.report && result.deadline && kind && !BASES[kind].includes(result.deadline.basis) ? kind : undefined;
  });
}

function expectedOf(options: BatchAuditOptions, rows: readonly BatchRow[]): ExpectedCheck | null {
  return options.expected ? checkList(options.expected, rows, options.known, options.year) : null;
}

/** Copies between agencies, found once for the whole batch from what each report's snapshot keeps of its prose. */
function similarAcross(snapshots: readonly (PreviousReport | null)[]): { similar: (SimilarTo | null)[]; ms: number; compared: number } {
  const started = performance.now();
  const at = snapshots.flatMap((snapshot, i) => (snapshot ? [i] : []));
  const run = findSimilar(at.map((i) => snapshots[i]!));
  const similar: (SimilarTo | null)[] = snapshots.map(() => null);
  at.forEach((i, k) => {
    similar[i] = run.similar[k] ?? null;
  });
  return { similar, ms: performance.now() - started, compared: run.compared };
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
    reaudit: result.reaudit ? reauditCounts(result.reaudit) : null,
  };
}
