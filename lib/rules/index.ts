import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import activeCumulativeBelowNew from './active.cumulative-below-new';
import activeInForce from './active.in-force';
import activeMoney from './active.money';
import activeProcurement from './active.procurement';
import activeProjectsNegative from './active.projects-negative';
import appealsTotal from './appeals.total';
import applicationsBalance from './applications.balance';
import applicationsResultsTotal from './applications.results-total';
import applicationsRowTotal from './applications.row-total';
import cell from './cell';
import narrativeMismatch from './narrative.mismatch';
import type { Rule } from './define';
import reportColumnMissing from './report.column-missing';
import reportDateMissing from './report.date-missing';
import reportLate from './report.late';
import reportNotFound from './report.not-found';
import reportOutdatedFormat from './report.outdated-format';
import reportRowMissing from './report.row-missing';
import reportRowUnknown from './report.row-unknown';
import reportSectionEmpty from './report.section-empty';
import reportSectionMissing from './report.section-missing';
import reportTableBlank from './report.table-blank';
import reportTableMissing from './report.table-missing';
import reportYearMismatch from './report.year-mismatch';
import reportYearMissing from './report.year-missing';
import textPlaceholder from './text.placeholder';

/** Every rule, sorted by id. Adding a rule: one file, one line here. */
export const RULES: readonly Rule[] = [
  activeCumulativeBelowNew,
  activeInForce,
  activeMoney,
  activeProcurement,
  activeProjectsNegative,
  appealsTotal,
  applicationsBalance,
  applicationsResultsTotal,
  applicationsRowTotal,
  cell,
  narrativeMismatch,
  reportColumnMissing,
  reportDateMissing,
  reportLate,
  reportNotFound,
  reportOutdatedFormat,
  reportRowMissing,
  reportRowUnknown,
  reportSectionEmpty,
  reportSectionMissing,
  reportTableBlank,
  reportTableMissing,
  reportYearMismatch,
  reportYearMissing,
  textPlaceholder,
];

/** Every finding id the rules can report. */
export const RULE_IDS: readonly string[] = RULES.flatMap((rule) => rule.emits ?? [rule.id]).sort();

/** Run the rules that apply to the report's format; a rule that fails is reported, never thrown. */
export function runRules(report: Report): Finding[] {
  const format = report.format;
  return RULES.flatMap((rule) => {
    if (format !== null && !rule.formats.includes(format)) return [];
    try {
      return rule.check(report);
    } catch (error) {
      return [{
        rule: rule.id, severity: 'info' as const, table: null, row: null, column: null, cells: [],
        expected: null, actual: null, text: String(error).slice(0, 200),
      }];
    }
  });
}
