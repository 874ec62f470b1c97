/**
 * The auditor's review of each finding (确认问题 / 误报 / 已反馈, with a note), kept per report (its
 * address), each under its finding's key, which survives a corrected and republished page. Pure
 * data and logic; the extension pages keep it in storage.local under `reviewStorageKey(…)`.
 */
import * as z from 'zod/mini';
import type { Lang } from '../i18n/lang';
import { currentFindingKey } from './key';
export { findingKey, reviewStorageKey } from './key';

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

/** Whatever storage holds, a valid book (a damaged entry never breaks the list), its keys in today's form. */
export function readBook(stored: unknown): ReviewBook {
  const parsed = reviewBookSchema.safeParse(stored);
  if (!parsed.success) return {};
  const book: ReviewBook = {};
  for (const [key, entry] of Object.entries(parsed.data)) book[currentFindingKey(key)] ??= entry;
  return book;
}

/** Two books as one: `kept`'s entries stand, `added` fills in the findings it has no review of. */
export function mergeBooks(kept: ReviewBook, added: ReviewBook): ReviewBook {
  const book = { ...kept };
  for (const [key, entry] of Object.entries(added)) book[key] ??= entry;
  return book;
}
