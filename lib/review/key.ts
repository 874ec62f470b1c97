/**
 * Where a review is kept: the report's key (its address and a hash of its parsed tables) and each
 * finding's key. Free of zod, so that the content script, which only reads reviews, stays small.
 */
import type { Finding } from '../model/finding';
import type { AuditResult } from '../model/result';

/** A finding's identity within its report: stable across audits of the same tables, whatever the language. */
export function findingKey(finding: Pick<Finding, 'rule' | 'table' | 'row' | 'column' | 'text'>): string {
  return [finding.rule, finding.table ?? '', finding.row ?? '', finding.column ?? '', finding.text ?? ''].join('|');
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell one version of a report's tables from another. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** JSON with sorted keys: the same tables hash the same whatever order they were built in. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** The storage key of a report's reviews: its address without the fragment, and its tables' hash. */
export function reviewStorageKey(result: Pick<AuditResult, 'source' | 'tables' | 'raw'>): string {
  const source = result.source.split('#')[0];
  return `review:${source}#${hash(canonical({ tables: result.tables, raw: result.raw }))}`;
}

export type ReviewStatusText = 'confirmed' | 'false-positive' | 'reported';

/** A finding's review status from whatever storage holds for the report (only a known status counts). */
export function storedStatus(stored: unknown, key: string): ReviewStatusText | null {
  const entry = stored && typeof stored === 'object' ? (stored as Record<string, unknown>)[key] : undefined;
  const status = entry && typeof entry === 'object' ? (entry as { status?: unknown }).status : undefined;
  return status === 'confirmed' || status === 'false-positive' || status === 'reported' ? status : null;
}
