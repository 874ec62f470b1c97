/**
 * The auditor's review of each finding (确认问题 / 误报 / 已反馈, with a note), kept per report: the
 * page's address plus a hash of the parsed tables, so an edited report starts fresh. Pure data and
 * logic; the extension pages keep it in storage.local under `reviewStorageKey(…)`.
 */
import * as z from 'zod/mini';
import type { Lang } from '../i18n/render';
export { findingKey, hash, reviewStorageKey } from './key';

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
