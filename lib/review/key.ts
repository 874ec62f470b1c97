/**
 * Where a review is kept: the report's key (its address) and each finding's key. Free of zod, so
 * that the content script, which only reads reviews, stays small.
 */
import type { Finding } from '../model/finding';

/**
 * A finding's identity within its report, whatever the language and whatever else changed on the
 * page: rule + table + row + column (rules.md, re-audit). A republished report whose cell still
 * holds a placeholder, in other words, keeps its review; only a finding that names no cell (a
 * leftover phrase in the prose, a year missing from the title) is told apart by its text.
 */
export function findingKey(finding: Pick<Finding, 'rule' | 'table' | 'row' | 'column' | 'text'>): string {
  const placed = finding.row !== null || finding.column !== null;
  return [finding.rule, finding.table ?? '', finding.row ?? '', finding.column ?? '', placed ? '' : (finding.text ?? '')].join('|');
}

/**
 * A key written before the rule above (issue 21), when a cell's finding kept its text too
 * (`cell.placeholder|applications|3.7|total|左栏所有总计`): the same finding's key now.
 */
export function currentFindingKey(key: string): string {
  const parts = key.split('|');
  if (parts.length < 5 || (parts[2] === '' && parts[3] === '')) return key;
  return `${parts.slice(0, 4).join('|')}|`;
}

/** The address a report is known by: without its fragment (#top names the same page). */
export function reportAddress(source: string): string {
  return source.split('#')[0]!;
}

export const REVIEW_PREFIX = 'review:';

/**
 * The storage key of a report's reviews: its address. A corrected report keeps the reviews of the
 * findings that remain (the keys above survive a republished page); one republished at another
 * address has them carried over by the re-audit (lib/record/reaudit.ts). Takes any `{ source }`, not
 * the AuditResult type: the result's schema holds a re-audit, which holds reviews (no import circle).
 */
export function reviewStorageKey(result: { source: string }): string {
  return `${REVIEW_PREFIX}${reportAddress(result.source)}`;
}

export type ReviewStatusText = 'confirmed' | 'false-positive' | 'reported';

/** A finding's review status from whatever storage holds for the report (only a known status counts). */
export function storedStatus(stored: unknown, key: string): ReviewStatusText | null {
  const entry = stored && typeof stored === 'object' ? (stored as Record<string, unknown>)[key] : undefined;
  const status = entry && typeof entry === 'object' ? (entry as { status?: unknown }).status : undefined;
  return status === 'confirmed' || status === 'false-positive' || status === 'reported' ? status : null;
}
