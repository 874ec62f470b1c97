/** The auditor's reviews in storage.local, one entry per report (`reviewStorageKey`), read and written here. */
import { browser } from 'wxt/browser';
import type { AuditResult } from '../../lib/model/result';
import { findingKey, mergeBooks, readBook, reviewStorageKey, withReview, type ReviewBook, type ReviewEntry } from '../../lib/review/state';

export async function loadReviews(result: AuditResult): Promise<ReviewBook> {
  const key = reviewStorageKey(result);
  const stored = await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>);
  return readBook(stored[key]);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Read, change one finding, write back, one change at a time: a status click and a note typed right
 * after it each apply to the latest stored entry, so neither undoes the other (nor does a second open view).
 */
export function saveReview(result: AuditResult, index: number, change: Partial<ReviewEntry>): Promise<ReviewBook> {
  const next = queue.then(async () => {
    const finding = result.findings[index];
    const book = await loadReviews(result);
    if (!finding) return book;
    const key = findingKey(finding);
    const updated = withReview(book, key, { ...(book[key] ?? { status: null, note: '' }), ...change });
    const storageKey = reviewStorageKey(result);
    if (Object.keys(updated).length === 0) await browser.storage.local.remove(storageKey);
    else await browser.storage.local.set({ [storageKey]: updated });
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

/**
 * A re-audit's carried reviews (the earlier record's, of findings that remain) written into this
 * report's book where it has none of its own; the book as it then stands.
 */
export function carryReviews(result: AuditResult, carried: ReviewBook): Promise<ReviewBook> {
  const next = queue.then(async () => {
    const book = await loadReviews(result);
    const merged = mergeBooks(book, carried);
    if (Object.keys(merged).length !== Object.keys(book).length) await browser.storage.local.set({ [reviewStorageKey(result)]: merged });
    return merged;
  });
  queue = next.catch(() => undefined);
  return next;
}
