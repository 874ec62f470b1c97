/**
 * A re-audit (rules.md): each finding of the earlier record is 已整改 (gone) or 未整改 (still there),
 * and a finding the record lacks is 新增. Findings are matched by rule + table + row + column
 * (lib/review/key.ts findingKey), never by where a cell sits on the page, so a republished page with
 * another layout still matches; several findings under one key are matched one for one. Counted as
 * the views count: errors and warnings, blank cells and infos apart, and report.changed (the
 * re-audit's own finding) left out.
 */
import type { Finding } from '../model/finding';
import type { Format } from '../model/report';
import type { AuditRecord } from '../model/record';
import { isBlankFinding } from '../present/counts';
import { findingKey, storedStatus } from '../review/key';
import { readBook, type ReviewBook } from '../review/state';

type Keyed = Pick<Finding, 'rule' | 'severity' | 'table' | 'row' | 'column' | 'text'>;

export interface ReauditOf<F> {
  baseline: { source: string; auditedAt: string; sha256: string };
  /** The record's format: its findings are rendered in its template's words. */
  format: Format | null;
  fixed: Finding[];
  open: F[];
  new: F[];
  /** The record's reviews of the findings that remain, to carry over. */
  reviews: ReviewBook;
}

/** The findings a re-audit classifies. */
export function counted(finding: Keyed): boolean {
  return finding.rule !== 'report.changed' && finding.severity !== 'info' && !isBlankFinding(finding);
}

export function reauditOf<F extends Keyed>(record: AuditRecord, findings: readonly F[]): ReauditOf<F> {
  const earlierReviews = readBook(record.reviews);
  const earlier = new Map<string, Finding[]>();
  for (const finding of record.findings) {
    if (!counted(finding)) continue;
    const key = findingKey(finding);
    earlier.set(key, [...(earlier.get(key) ?? []), finding]);
  }
  const open: F[] = [];
  const added: F[] = [];
  const reviews: ReviewBook = {};
  for (const finding of findings) {
    if (!counted(finding)) continue;
    const key = findingKey(finding);
    const match = earlier.get(key);
    if (!match?.length) {
      added.push(finding);
      continue;
    }
    match.shift();
    open.push(finding);
    if (earlierReviews[key]) reviews[key] = earlierReviews[key];
  }
  // A finding the auditor had excluded as 误报 was never a problem: its going away fixes nothing.
  const fixed = [...earlier.values()].flat().filter((finding) => storedStatus(earlierReviews, findingKey(finding)) !== 'false-positive');
  return { baseline: { source: record.source, auditedAt: record.auditedAt, sha256: record.sha256 }, format: record.format, fixed, open, new: added, reviews };
}
