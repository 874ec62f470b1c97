/**
 * The auditor's review of each finding (确认问题 / 误报 / 已反馈, with a note), kept per report: the
 * page's address plus a hash of the parsed tables, so an edited report starts fresh. Pure data and
 * logic; the extension pages keep it in storage.local under `reviewStorageKey(…)`.
 */
import { z } from 'zod/mini';
import type { Lang } from '../i18n/render';
import type { Finding } from '../model/finding';
import type { AuditResult } from '../model/result';

export const REVIEW_STATUSES = ['confirmed', 'false-positive', 'reported'] as const;
export const reviewStatusSchema = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const MAX_NOTE = 2000;

export const reviewEntrySchema = z.object({
  status: z.nullable(reviewStatusSchema),
  note: z.string().check(z.maxLength(MAX_NOTE)),
});
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;

/** Finding key → review; what one report's storage entry holds. */
export const reviewBookSchema = z.record(z.string(), reviewEntrySchema);
export type ReviewBook = z.infer<typeof reviewBookSchema>;

const LABELS: Record<Lang, Record<ReviewStatus, string>> = {
  zh: { confirmed: '确认问题', 'false-positive': '误报', reported: '已反馈' },
  en: { confirmed: 'Confirmed', 'false-positive': 'False positive', reported: 'Reported' },
};

export function reviewLabel(status: ReviewStatus | null | undefined, lang: Lang): string {
  return status ? LABELS[lang][status] : '';
}

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

/** The book with one finding's review set; an entry with no status and no note is removed. */
export function withReview(book: ReviewBook, key: string, entry: ReviewEntry): ReviewBook {
  const next = { ...book };
  const note = entry.note.slice(0, MAX_NOTE);
  if (entry.status === null && note.trim() === '') delete next[key];
  else next[key] = { status: entry.status, note };
  return next;
}

/** Whatever storage holds, a valid book (a damaged entry never breaks the list). */
export function readBook(stored: unknown): ReviewBook {
  const parsed = reviewBookSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}
