/**
 * Whether a report was published by its legal deadline: one function for `report.late`, the batch
 * row and summary, the batch view and the memo, so that none of them can disagree (a 管委会's four
 * reports were once 逾期 in the summary and on time in their own audits).
 *
 * 条例 (2019 revision) 第四十九条: a government department's report by 1月31日 of the following year,
 * a people's government's own by 3月31日; for reports on 2018 and earlier (2007 条例 第三十一条),
 * 3月31日 for all. Where the agency's kind cannot be told, the later date (benefit of the doubt).
 */
import type { DateSource, Report } from '../model/report';
import { agencyKind, type AgencyKind } from './agency';
import { judgesTimeliness } from './published';

export type DeadlineBasis = 'deadline.before-2019' | 'deadline.department' | 'deadline.government' | 'deadline.unknown' | 'deadline.listed-department' | 'deadline.listed-government';

/** The legal deadline for a report on `year` by an agency of `kind`, and why (a message id). */
export function deadlineOf(year: number, kind: AgencyKind, listed = false): { date: string; basis: DeadlineBasis } {
  if (year <= 2018) return { date: `${year + 1}-03-31`, basis: 'deadline.before-2019' };
  if (kind === 'department') return { date: `${year + 1}-01-31`, basis: listed ? 'deadline.listed-department' : 'deadline.department' };
  if (kind === 'government') return { date: `${year + 1}-03-31`, basis: listed ? 'deadline.listed-government' : 'deadline.government' };
  return { date: `${year + 1}-03-31`, basis: 'deadline.unknown' };
}

export interface Deadline {
  date: string;
  basis: DeadlineBasis;
  /** kept / missed; null when timeliness cannot be judged (no date, a document's creation date only, a date before the year ended). */
  status: 'kept' | 'missed' | null;
}

type Dated = Pick<Report, 'isReport' | 'year' | 'agency' | 'texts' | 'publishedAt' | 'listedKind'> & { publishedAtSource: DateSource | null };

/** The deadline that applies to this report and whether it was kept; null without a report year. */
export function deadlineVerdict(report: Dated): Deadline | null {
  if (!report.isReport || report.year === null) return null;
  const { date, basis } = deadlineOf(report.year, agencyKind(report), report.listedKind !== undefined);
  const published = report.publishedAt;
  // ISO dates compare as strings; a date before the year ended is a misreading, not a publication.
  if (!published || !judgesTimeliness(report.publishedAtSource) || published < `${report.year + 1}-01-01`) return { date, basis, status: null };
  return { date, basis, status: published <= date ? 'kept' : 'missed' };
}
