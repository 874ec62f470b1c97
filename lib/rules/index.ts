import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import { internalError } from '../result';
import activeCumulativeBelowNew from './active.cumulative-below-new';
import activeInForce from './active.in-force';
import activeMoney from './active.money';
import activeProcurement from './active.procurement';
import activeProjectsNegative from './active.projects-negative';
import appealsCorrected from './appeals.corrected';
import appealsTotal from './appeals.total';
import applicationsBalance from './applications.balance';
import applicationsResultsTotal from './applications.results-total';
import applicationsRowTotal from './applications.row-total';
import batchSimilarText from './batch.similar-text';
import cell from './cell';
import crossyearCarried from './crossyear.carried';
import crossyearDuplicateText from './crossyear.duplicate-text';
import crossyearInForce from './crossyear.in-force';
import crossyearProjects from './crossyear.projects';
import documentTableCut from './document.table-cut';
import narrativeFeeMismatch from './narrative.fee-mismatch';
import narrativeMismatch from './narrative.mismatch';
import type { RelationTally, Rule } from './define';
import reportChanged from './report.changed';
import reportColumnMissing from './report.column-missing';
import reportDateMissing from './report.date-missing';
import reportLate from './report.late';
import reportNotFound from './report.not-found';
import reportOutdatedFormat from './report.outdated-format';
import reportRowMissing from './report.row-missing';
import reportRowUnknown from './report.row-unknown';
import reportSectionEmpty from './report.section-empty';
import reportSectionMissing from './report.section-missing';
import reportSummaryLength from './report.summary-length';
import reportTableBlank from './report.table-blank';
import reportTableMissing from './report.table-missing';
import reportYearMismatch from './report.year-mismatch';
import reportYearMissing from './report.year-missing';
import textPlaceholder from './text.placeholder';

/** Every rule, sorted by id. Adding a rule: `npm run new-rule -- <id>` (one file, one line here). */
export const RULES = [
  activeCumulativeBelowNew,
  activeInForce,
  activeMoney,
  activeProcurement,
  activeProjectsNegative,
  appealsCorrected,
  appealsTotal,
  applicationsBalance,
  applicationsResultsTotal,
  applicationsRowTotal,
  batchSimilarText,
  cell,
  crossyearCarried,
  crossyearDuplicateText,
  crossyearInForce,
  crossyearProjects,
  documentTableCut,
  narrativeFeeMismatch,
  narrativeMismatch,
  reportChanged,
  reportColumnMissing,
  reportDateMissing,
  reportLate,
  reportNotFound,
  reportOutdatedFormat,
  reportRowMissing,
  reportRowUnknown,
  reportSectionEmpty,
  reportSectionMissing,
  reportSummaryLength,
  reportTableBlank,
  reportTableMissing,
  reportYearMismatch,
  reportYearMissing,
  textPlaceholder,
] as const satisfies readonly Rule[];

/** The ids a rule module reports: its own, or the ones it `emits`. */
type IdsOf<R> = R extends { emits: readonly (infer E)[] } ? E : R extends { id: infer I } ? I : never;

/** Every finding id the rules can report, as a type. */
export type RuleId = IdsOf<(typeof RULES)[number]>;

/** Every finding id the rules can report. */
export const RULE_IDS = RULES.flatMap((rule: Rule) => rule.emits ?? [rule.id]).sort() as readonly RuleId[];

export interface RuleRun {
  findings: Finding[];
  /** Rules that threw (a bug): `internal error in rule <id>: …`, shown as result anomalies. */
  failures: string[];
  /** The relationships the rules checked and the ones that failed. */
  checks: RelationTally;
}

/** Run the rules that apply to the report's format; a rule that throws is recorded, never thrown, never hidden. */
export function runRules(report: Report): RuleRun {
  const format = report.format;
  const failures: string[] = [];
  const checks: RelationTally = { checked: 0, failed: 0 };
  const findings = RULES.flatMap((rule: Rule) => {
    if (format !== null && !rule.formats.includes(format)) return [];
    try {
      return rule.check(report, checks);
    } catch (error) {
      failures.push(internalError(`rule ${rule.id}`, error));
      return [];
    }
  });
  return { findings, failures, checks };
}
