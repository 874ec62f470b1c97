/** The auditor's reviews in storage.local, one entry per report (`reviewStorageKey`), read and written here. */
import { browser } from 'wxt/browser';
import type { AuditResult } from '../../lib/model/result';
import { findingKey, readBook, reviewStorageKey, withReview, type ReviewBook, type ReviewEntry } from '../../lib/review/state';

export async function loadReviews(result: AuditResult): Promise<ReviewBook> {
  const key = reviewStorageKey(result);
  const stored = await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>);
  return readBook(stored[key]);
}

/** Read, change one finding, write back: the latest stored book is the base, so two open views do not undo each other. */
export async function saveReview(result: AuditResult, index: number, entry: ReviewEntry): Promise<ReviewBook> {
  const finding = result.findings[index];
  const book = await loadReviews(result);
  if (!finding) return book;
  const next = withReview(book, findingKey(finding), entry);
  const key = reviewStorageKey(result);
  if (Object.keys(next).length === 0) await browser.storage.local.remove(key);
  else await browser.storage.local.set({ [key]: next });
  return next;
}
