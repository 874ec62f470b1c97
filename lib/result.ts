/**
 * The audit result (output.md): what every consumer — the CLI, the popup, the exports — reads.
 * Built once from the report and its findings; a change of language builds it again from the
 * findings' message ids (`resultIn`), never by patching an earlier result.
 */
import { deadlineVerdict } from './facts/deadline';
import { renderFindings } from './i18n/render';
import type { Lang } from './i18n/lang';
import type { RelationTally } from './rules/define';
import type { Finding, RenderedFinding } from './model/finding';
import type { ReauditOf } from './record/reaudit';
import type { Report, TableKey } from './model/report';
import type { AuditResult } from './model/result';

const MAX_ANOMALIES = 100;

/** The prefix of an anomaly that reports a stage or rule of the auditor failing (a bug, never the page's fault). */
export const INTERNAL_ERROR = 'internal error';

export const internalError = (stage: string, error: unknown) => `${INTERNAL_ERROR} in ${stage}: ${String(error).slice(0, 200)}`;

/** The anomalies of a result that are the auditor's own failures: tests assert there are none. */
export function internalErrors(result: Pick<AuditResult, 'anomalies'>): string[] {
  return (result.anomalies ?? []).filter((anomaly) => anomaly.startsWith(INTERNAL_ERROR));
}

/** A hostile page can produce thousands of identical complaints; the first hundred and a count say it all. Internal errors always stay. */
function capped(anomalies: readonly string[]): string[] {
  if (anomalies.length <= MAX_ANOMALIES) return [...anomalies];
  const internal = anomalies.filter((a) => a.startsWith(INTERNAL_ERROR)).slice(0, 10);
  const rest = anomalies.filter((a) => !a.startsWith(INTERNAL_ERROR));
  return [...internal, ...rest.slice(0, MAX_ANOMALIES), `… ${rest.length - MAX_ANOMALIES} more`];
}

export interface Audited {
  report: Report;
  findings: Finding[];
  /** The relationships the rules checked and failed (lib/rules: the runner's tally). */
  checks: RelationTally;
  /** What the page could not give and what failed inside the auditor, beyond the report's own anomalies. */
  anomalies: string[];
  source: string;
  /** On a re-audit: the earlier record's findings classified (lib/record/reaudit.ts). */
  reaudit?: ReauditOf<Finding>;
}

/** A report's tables as the result gives them: numbers (or null), raw text where a cell is not a plain number, units. */
export function tablesOf(report: Pick<Report, 'tables'>): Pick<AuditResult, 'tables' | 'raw'> & { units: NonNullable<AuditResult['units']> } {
  const tables: AuditResult['tables'] = {};
  const raw: AuditResult['raw'] = {};
  const units: NonNullable<AuditResult['units']> = {};
  for (const [table, rows] of Object.entries(report.tables) as [TableKey, NonNullable<Report['tables'][TableKey]>][]) {
    const values: Record<string, Record<string, number | null>> = {};
    for (const [row, cells] of Object.entries(rows)) {
      values[row] = {};
      for (const [column, cell] of Object.entries(cells)) {
        values[row][column] = cell.status === 'missing' ? null : cell.value;
        if (!cell.plain) ((raw[table] ??= {})[row] ??= {})[column] = cell.raw;
        if (cell.unit) ((units[table] ??= {})[row] ??= {})[column] = cell.unit;
      }
    }
    tables[table] = values;
  }
  return { tables, raw, units };
}

/** The exported shape: numbers (or null) by table/row/column, raw text where it is not a plain number, findings in `lang`. */
export function resultIn(audited: Audited, lang: Lang): AuditResult {
  const { report, source } = audited;
  const { tables, raw, units } = tablesOf(report);
  const result: AuditResult = {
    source,
    report: report.isReport,
    format: report.format,
    year: report.year,
    agency: report.agency,
    title: report.title,
    publishedAt: report.publishedAt,
    publishedAtSource: report.publishedAtSource,
    deadline: deadlineVerdict(report),
    checks: { ...audited.checks },
    tables,
    raw,
    findings: renderFindings(audited.findings, report.format, lang).map(({ src: _src, ...finding }) => finding),
  };
  if (Object.keys(units).length) result.units = units;
  const anomalies = [...report.anomalies, ...audited.anomalies];
  if (anomalies.length) result.anomalies = capped(anomalies);
  if (audited.reaudit) {
    const { format, fixed, open, new: added, baseline, reviews } = audited.reaudit;
    const rendered = (findings: Finding[], as: typeof format): RenderedFinding[] =>
      renderFindings(findings, as, lang).map(({ src: _src, ...finding }) => finding);
    result.reaudit = { baseline, fixed: rendered(fixed, format ?? report.format), open: rendered(open, report.format), new: rendered(added, report.format), reviews };
  }
  return result;
}
