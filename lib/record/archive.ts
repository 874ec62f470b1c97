/**
 * One JSON file that carries an auditor's records and reviews to a colleague (lib/model/record.ts
 * `archiveSchema`). Reading one is reading untrusted input: the file is size-checked, parsed, and
 * validated whole; anything malformed refuses the whole file with the reason, and importing never
 * overwrites what the receiving browser holds (a record it has stays; a review it has stands).
 */
import { ARCHIVE_FORMAT, archiveSchema, auditRecordSchema, type Archive, type AuditRecord } from '../model/record';
import { mergeBooks, readBook, type ReviewBook } from '../review/state';

/** An archive larger than this is refused unread (records are bounded at a few MB in storage). */
export const MAX_ARCHIVE_BYTES = 50 * 1024 * 1024;

export function archiveOf(records: readonly AuditRecord[], reviews: Record<string, ReviewBook>, now = new Date()): Archive {
  return { format: ARCHIVE_FORMAT, version: 1, exportedAt: now.toISOString(), records: [...records], reviews };
}

export type ArchiveProblem = { ok: false; reason: 'too-large' | 'not-json' | 'not-archive' | 'invalid'; detail: string };
export type ArchiveReading = { ok: true; archive: Archive } | ArchiveProblem;

type Issues = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
const described = (error: Issues) => error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ').slice(0, 400);

function json(bytes: Uint8Array): { ok: true; value: unknown } | ArchiveProblem {
  if (bytes.length > MAX_ARCHIVE_BYTES) return { ok: false, reason: 'too-large', detail: `${bytes.length}` };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (error) {
    return { ok: false, reason: 'not-json', detail: String((error as Error).message).slice(0, 200) };
  }
}

const isArchive = (value: unknown) => !!value && typeof value === 'object' && (value as { format?: unknown }).format === ARCHIVE_FORMAT;

/** Bytes of a file → an archive, or why not (the first problems zod found, in its words). */
export function readArchive(bytes: Uint8Array): ArchiveReading {
  const read = json(bytes);
  if (!read.ok) return read;
  if (!isArchive(read.value)) return { ok: false, reason: 'not-archive', detail: '' };
  const parsed = archiveSchema.safeParse(read.value);
  return parsed.success ? { ok: true, archive: parsed.data } : { ok: false, reason: 'invalid', detail: described(parsed.error) };
}

/** Bytes of a file that holds records: an archive, or one record as the command line writes it (`--record DIR`). */
export function readRecords(bytes: Uint8Array): { ok: true; records: AuditRecord[] } | ArchiveProblem {
  const read = json(bytes);
  if (!read.ok) return read;
  if (isArchive(read.value)) {
    const archive = readArchive(bytes);
    return archive.ok ? { ok: true, records: archive.archive.records } : archive;
  }
  if (!read.value || typeof read.value !== 'object' || !('sha256' in read.value)) return { ok: false, reason: 'not-archive', detail: '' };
  const parsed = auditRecordSchema.safeParse(read.value);
  return parsed.success ? { ok: true, records: [parsed.data] } : { ok: false, reason: 'invalid', detail: described(parsed.error) };
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
