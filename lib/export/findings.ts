import { columnName, rowName, tableName } from '../i18n/labels';
import { ruleTitle } from '../i18n/render';
import type { Lang } from '../i18n/lang';
import { t, type UiId } from '../i18n/ui';
import { causeOfEach } from '../present/cause';
import { findingKey, reviewLabel, type ReviewBook } from '../review/state';
import type { AuditResult } from '../model/result';
import type { Finding } from '../model/finding';
import type { Format } from '../model/report';

/** The findings table shared by the CSV and the XLSX sheet: headers and labels in the reader's language. */
const COLUMNS = ['rule', 'ruleTitle', 'severity', 'table', 'row', 'column', 'expected', 'actual', 'text', 'message', 'cause', 'review', 'note'] as const satisfies readonly UiId[];
export type FindingColumn = (typeof COLUMNS)[number];
export type FindingRow = Record<FindingColumn, string | number | null>;

export function findingHeader(lang: Lang): string[] {
  return COLUMNS.map((column) => t(lang, column));
}

/** Where a finding sits, in the template's words (the table's title, the row's and the column's labels). */
export function findingPlace(finding: Pick<Finding, 'table' | 'row' | 'column'>, format: Format | null, lang: Lang): { table: string; row: string; column: string } {
  return {
    table: finding.table ? tableName(lang, finding.table) : '',
    row: finding.table && finding.row ? rowName(lang, format, finding.table, finding.row) : '',
    column: finding.table && finding.column ? columnName(lang, format, finding.table, finding.column) : '',
  };
}

/**
 * One row per finding: rule id (for tools) and its title, template labels (not keys), the values,
 * the message, the cause group it shares with others (“#2 「总计」列整列空白…”), the review and note.
 */
export function findingRows(result: AuditResult, lang: Lang, reviews: ReviewBook = {}): FindingRow[] {
  const format = result.format ?? '2019';
  const causes = causeOfEach(result.findings, result, result.format, lang);
  return result.findings.map((finding, index) => {
    const review = reviews[findingKey(finding)];
    const cause = causes[index]!;
    return {
      rule: finding.rule,
      ruleTitle: ruleTitle(finding.rule, lang),
      severity: t(lang, finding.severity),
      ...findingPlace(finding, format, lang),
      expected: finding.expected,
      actual: finding.actual,
      text: finding.text,
      message: finding.message,
      cause: cause.title ? `#${cause.group} ${cause.title}` : '',
      review: reviewLabel(review?.status, lang),
      note: review?.note ?? '',
    };
  });
}

export const FINDING_COLUMNS = COLUMNS;
