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
import crossyearCarried from './crossyear.carried';
import crossyearDuplicateText from './crossyear.duplicate-text';
import crossyearInForce from './crossyear.in-force';
import crossyearProjects from './crossyear.projects';
import type { Rule } from './define';
import reportColumnMissing from './report.column-missing';
import reportNotFound from './report.not-found';
import reportOutdatedFormat from './report.outdated-format';
import reportRowMissing from './report.row-missing';
import reportRowUnknown from './report.row-unknown';
import reportSectionMissing from './report.section-missing';
import reportTableBlank from './report.table-blank';
import reportTableMissing from './report.table-missing';
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
  crossyearCarried,
  crossyearDuplicateText,
  crossyearInForce,
  crossyearProjects,
  reportColumnMissing,
  reportNotFound,
  reportOutdatedFormat,
  reportRowMissing,
  reportRowUnknown,
  reportSectionMissing,
  reportTableBlank,
  reportTableMissing,
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
