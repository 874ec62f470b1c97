/**
 * Audit records in storage.local (lib/record/store.ts decides; this file reads and writes): saved
 * on the auditor's word or with a review, bounded, exported and imported as one archive. Writes go
 * one at a time, so two open views never undo each other.
 */
import { browser } from 'wxt/browser';
import { auditRecordSchema, type Archive, type AuditRecord, type Clip, type RecordEntry } from '../../lib/model/record';
import { archiveOf, mergeArchive, readArchive, type ArchiveProblem } from '../../lib/record/archive';
import { recordOfContent } from '../../lib/record/baseline';
import { REVIEW_PREFIX } from '../../lib/review/key';
import { readBook, type ReviewBook } from '../../lib/review/state';
import { admit, entryOf, RECORD_BUDGET, RECORD_INDEX_KEY, readIndex, recordKey, usedBytes } from '../../lib/record/store';

const local = () => browser.storage.local;

export async function loadIndex(): Promise<RecordEntry[]> {
  const stored = await local().get(RECORD_INDEX_KEY).catch(() => ({}) as Record<string, unknown>);
  return readIndex(stored[RECORD_INDEX_KEY]);
}

export async function loadRecord(id: string): Promise<AuditRecord | null> {
  const key = recordKey(id);
  const stored = await local().get(key).catch(() => ({}) as Record<string, unknown>);
  const parsed = auditRecordSchema.safeParse(stored[key]);
  return parsed.success ? parsed.data : null;
}

/** The stored record of exactly this content of this report, if it was kept. */
export async function recordOfPage(current: { source: string; agency: string | null; year: number | null; sha256: string }): Promise<AuditRecord | null> {
  const entry = recordOfContent(await loadIndex(), current);
  return entry ? loadRecord(entry.id) : null;
}

export type SaveOutcome = { ok: true; record: AuditRecord; evicted: number } | { ok: false; used: number; budget: number };

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
}

/** Clips by finding: a newer clip of a finding replaces the older. */
function mergedClips(older: readonly Clip[] = [], newer: readonly Clip[] = []): Clip[] {
  const byKey = new Map(older.map((clip) => [clip.key, clip]));
  for (const clip of newer) byKey.set(clip.key, clip);
  return [...byKey.values()];
}

async function write(record: AuditRecord, index: RecordEntry[], extra = 0, mayEvict = true): Promise<SaveOutcome> {
  const admitted = admit(index, entryOf(record), RECORD_BUDGET, extra);
  if (!admitted.ok) return { ok: false, used: admitted.used, budget: admitted.budget };
  // An import never pushes out what the receiver kept: it takes the room there is.
  if (!mayEvict && admitted.evict.length > 0) return { ok: false, used: usedBytes(index), budget: RECORD_BUDGET };
  await local().remove(admitted.evict.map(recordKey));
  await local().set({ [recordKey(record.id)]: record, [RECORD_INDEX_KEY]: admitted.index });
  return { ok: true, record, evicted: admitted.evict.length };
}

/**
 * Keep an audit. The same content of the same report is one record: saved again, it keeps its id and
 * first time and takes the latest reviews and clips. When storage itself says it is full (it holds
 * more than records), room is made as the budget would, and the save is tried once more.
 */
export function saveRecord(draft: AuditRecord, reviews: ReviewBook, clips: Clip[] = []): Promise<SaveOutcome> {
  return serial(async () => {
    const index = await loadIndex();
    const same = recordOfContent(index, { source: draft.source, agency: draft.agency, year: draft.year, sha256: draft.sha256 });
    const earlier = same ? await loadRecord(same.id) : null;
    const record: AuditRecord = earlier
      ? { ...earlier, reviews, updatedAt: new Date().toISOString(), ...withClips(mergedClips(earlier.clips, clips)) }
      : { ...draft, reviews, ...withClips(clips) };
    try {
      return await write(record, index);
    } catch {
      return write(record, await loadIndex(), entryOf(record).size).catch(() => ({ ok: false as const, used: usedBytes(index), budget: RECORD_BUDGET }));
    }
  });
}

const withClips = (clips: Clip[]) => (clips.length ? { clips } : {});

export function deleteRecord(id: string): Promise<void> {
  return serial(async () => {
    const index = await loadIndex();
    await local().remove(recordKey(id));
    await local().set({ [RECORD_INDEX_KEY]: index.filter((entry) => entry.id !== id) });
  });
}

/** Every record and the review books of their reports, as one archive. */
export async function exportArchive(): Promise<Archive> {
  const index = await loadIndex();
  const records = (await Promise.all(index.map((entry) => loadRecord(entry.id)))).filter((r): r is AuditRecord => r !== null);
  const keys = [...new Set(records.map((record) => `${REVIEW_PREFIX}${record.source}`))];
  const stored = keys.length ? await local().get(keys) : {};
  const reviews: Record<string, ReviewBook> = {};
  for (const key of keys) {
    const book = readBook(stored[key]);
    if (Object.keys(book).length) reviews[key] = book;
  }
  return archiveOf(records, reviews);
}

export type ImportOutcome =
  | { ok: true; added: number; skipped: number; books: number; refused: number }
  | ArchiveProblem;

/**
 * An archive from a colleague: validated whole, then added to what is here — nothing here overwritten
 * or pushed out; what does not fit is counted as refused.
 */
export function importArchive(bytes: Uint8Array): Promise<ImportOutcome> {
  const read = readArchive(bytes);
  if (!read.ok) return Promise.resolve(read);
  return serial(async () => {
    let index = await loadIndex();
    const haveBooks = await local().get(Object.keys(read.archive.reviews));
    const merge = mergeArchive(read.archive, new Set(index.map((entry) => entry.id)), haveBooks);
    let added = 0;
    let refused = 0;
    for (const record of merge.records) {
      const outcome = await write(record, index, 0, false).catch(() => ({ ok: false as const, used: 0, budget: 0 }));
      if (outcome.ok) {
        added += 1;
        index = await loadIndex();
      } else refused += 1;
    }
    if (Object.keys(merge.reviews).length) await local().set(merge.reviews);
    return { ok: true, added, skipped: merge.skipped, books: Object.keys(merge.reviews).length, refused };
  });
}
