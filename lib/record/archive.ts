/**
 * One JSON file that carries an auditor's records and reviews to a colleague (lib/model/record.ts
 * `archiveSchema`). Reading one is reading untrusted input: the file is size-checked, parsed, and
 * validated whole; anything malformed refuses the whole file with the reason, and importing never
 * overwrites what the receiving browser holds (a record it has stays; a review it has stands).
 */
import { ARCHIVE_FORMAT, archiveSchema, type Archive, type AuditRecord } from '../model/record';
import { mergeBooks, readBook, type ReviewBook } from '../review/state';

/** An archive larger than this is refused unread (records are bounded at a few MB in storage). */
export const MAX_ARCHIVE_BYTES = 50 * 1024 * 1024;

export function archiveOf(records: readonly AuditRecord[], reviews: Record<string, ReviewBook>, now = new Date()): Archive {
  return { format: ARCHIVE_FORMAT, version: 1, exportedAt: now.toISOString(), records: [...records], reviews };
}

export type ArchiveReading =
  | { ok: true; archive: Archive }
  | { ok: false; reason: 'too-large' | 'not-json' | 'not-archive' | 'invalid'; detail: string };

/** Bytes of a file → an archive, or why not (the first problems zod found, in its words). */
export function readArchive(bytes: Uint8Array): ArchiveReading {
  if (bytes.length > MAX_ARCHIVE_BYTES) return { ok: false, reason: 'too-large', detail: `${bytes.length}` };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { ok: false, reason: 'not-json', detail: String((error as Error).message).slice(0, 200) };
  }
  if (!json || typeof json !== 'object' || (json as { format?: unknown }).format !== ARCHIVE_FORMAT) {
    return { ok: false, reason: 'not-archive', detail: '' };
  }
  const parsed = archiveSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    return { ok: false, reason: 'invalid', detail: detail.slice(0, 400) };
  }
  return { ok: true, archive: parsed.data };
}

export interface ArchiveMerge {
  /** Records the receiver lacks (by id), to add. */
  records: AuditRecord[];
  /** Review books to write: the receiver's entries stand, the archive's fill in. */
  reviews: Record<string, ReviewBook>;
  /** Records the receiver had already. */
  skipped: number;
}

/** What importing adds to what the receiver holds: nothing overwritten. */
export function mergeArchive(archive: Archive, haveIds: ReadonlySet<string>, haveBooks: Record<string, unknown>): ArchiveMerge {
  const records = archive.records.filter((record) => !haveIds.has(record.id));
  const reviews: Record<string, ReviewBook> = {};
  for (const [key, book] of Object.entries(archive.reviews)) {
    const merged = mergeBooks(readBook(haveBooks[key]), readBook(book));
    if (Object.keys(merged).length) reviews[key] = merged;
  }
  return { records, reviews, skipped: archive.records.length - records.length };
}
