/**
 * Review books written before issue 21 were kept under the page's address plus a hash of its tables
 * (`review:https://…/nb.html#1a2b3c4d`), so a corrected report lost them. Today a report's book is
 * its address alone: the old books of one address are merged into it (what is there already stands),
 * with their finding keys in today's form, and removed. Pure; the background runs it on install and
 * update.
 */
import { REVIEW_PREFIX } from './key';
import { mergeBooks, readBook, type ReviewBook } from './state';

const LEGACY = /^review:([^#]*)#[0-9a-f]{8}$/;

export interface Migration {
  /** Books to write, by storage key. */
  set: Record<string, ReviewBook>;
  /** Old keys to remove once written. */
  remove: string[];
}

export function migrateReviews(stored: Record<string, unknown>): Migration {
  const set: Record<string, ReviewBook> = {};
  const remove: string[] = [];
  for (const [key, value] of Object.entries(stored)) {
    const match = LEGACY.exec(key);
    if (!match) continue;
    const target = `${REVIEW_PREFIX}${match[1]}`;
    set[target] = mergeBooks(set[target] ?? readBook(stored[target]), readBook(value));
    remove.push(key);
  }
  return { set, remove };
}
