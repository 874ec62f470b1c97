/**
 * How many errors and warnings a report has, counted one way for every view: the toolbar badge, the
 * popup and side panel, the memo, the command line and the batch summary. A finding the auditor
 * reviewed as 误报 leaves the counts and is counted apart as excluded; 确认问题 stays an error. Blank
 * and none-mark cells are read as 0 and summarised, not counted as warnings. Light (no zod, no
 * template): the content script counts with it on every page it audits.
 */
import type { Finding } from '../model/finding';
import { findingKey, storedStatus } from '../review/key';

/** Blank cells and none-marks (无, —): read as 0, the norm on real reports, so summarised rather than listed. */
export const BLANK_RULES: ReadonlySet<string> = new Set(['cell.empty', 'cell.none-mark']);

export function isBlankFinding(finding: Pick<Finding, 'rule'>): boolean {
  return BLANK_RULES.has(finding.rule);
}

export interface FindingCounts {
  errors: number;
  /** Warnings other than blank cells. */
  warnings: number;
  /** Blank and none-mark cells (summarised per column). */
  blanks: number;
  /** Findings reviewed as 误报: out of the counts above, shown apart as 已排除. */
  excluded: number;
}

type Counted = Pick<Finding, 'rule' | 'severity' | 'table' | 'row' | 'column' | 'text'>;

/** Whether the auditor's reviews (whatever storage holds for the report) mark this finding 误报. */
export function isExcluded(finding: Counted, reviews: unknown): boolean {
  return reviews !== undefined && reviews !== null && storedStatus(reviews, findingKey(finding)) === 'false-positive';
}

/** The counts of a report's findings, its reviews applied (none: every finding counts). */
export function findingCounts(findings: readonly Counted[], reviews?: unknown): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, blanks: 0, excluded: 0 };
  for (const finding of findings) {
    if (isExcluded(finding, reviews)) counts.excluded += 1;
    else if (finding.severity === 'error') counts.errors += 1;
    else if (isBlankFinding(finding)) counts.blanks += 1;
    else if (finding.severity === 'warning') counts.warnings += 1;
  }
  return counts;
}

export interface ReauditCounts {
  /** 已整改: the earlier record's findings that are gone. */
  fixed: number;
  /** 未整改: still there. */
  open: number;
  /** 新增: not in the record. */
  new: number;
}

type Classified = { fixed: readonly Counted[]; open: readonly Counted[]; new: readonly Counted[]; reviews?: unknown };

/**
 * The three counts of a re-audit (lib/record/reaudit.ts), one way for every view: a finding the
 * auditor reviewed 误报 — now, or in the record for one that remains — is not counted.
 */
export function reauditCounts(reaudit: Classified, reviews?: unknown): ReauditCounts {
  const carried = reaudit.reviews && typeof reaudit.reviews === 'object' ? reaudit.reviews : {};
  const current = reviews && typeof reviews === 'object' ? reviews : {};
  const book = { ...carried, ...current };
  const count = (findings: readonly Counted[]) => findings.filter((finding) => !isExcluded(finding, book)).length;
  return { fixed: reaudit.fixed.length, open: count(reaudit.open), new: count(reaudit.new) };
}

/**
 * A batch row as the auditor's reviews leave it: the errors and warnings its findings count once
 * those marked 误报 are set apart (the same count as the report's badge, popup and memo). The batch
 * view shows and exports these, so a column never counts a finding its report no longer does.
 */
export function reviewedRow<R extends { status: string; errors: number; warnings: number; findings: readonly Counted[] }>(row: R, reviews: unknown): R {
  if (row.status !== 'audited' || reviews === undefined || reviews === null) return row;
  const counts = findingCounts(row.findings, reviews);
  return { ...row, errors: counts.errors, warnings: counts.warnings };
}
