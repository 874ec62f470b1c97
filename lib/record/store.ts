/**
 * How the extension keeps records (pure; entrypoints/popup/record-store.ts wires it to
 * storage.local): each record under `record:<id>`, and an index of small entries under `records`
 * to choose a baseline without reading every record. Bounded: the records take at most
 * RECORD_BUDGET bytes (storage.local holds 10 MB in Chrome, shared with the batch and the memory of
 * earlier reports); to make room the oldest records the auditor never reviewed go first, and a
 * reviewed record is never dropped: when only those remain, saving is refused with a message.
 */
import * as z from 'zod/mini';
import { recordEntrySchema, type AuditRecord, type RecordEntry } from '../model/record';
import { isReviewed } from './build';

export const RECORD_INDEX_KEY = 'records';
export const RECORD_BUDGET = 5 * 1024 * 1024;
export const recordKey = (id: string) => `record:${id}`;

export function readIndex(stored: unknown): RecordEntry[] {
  const parsed = z.array(recordEntrySchema).safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** Bytes a record takes in storage (its JSON, UTF-8). */
export function sizeOf(record: AuditRecord): number {
  return new TextEncoder().encode(JSON.stringify(record)).length;
}

export function entryOf(record: AuditRecord): RecordEntry {
  return {
    id: record.id, source: record.source, auditedAt: record.auditedAt, agency: record.agency, year: record.year,
    sha256: record.sha256, reviewed: isReviewed(record), size: sizeOf(record),
  };
}

export type Admission =
  | { ok: true; index: RecordEntry[]; evict: string[] }
  | { ok: false; used: number; needed: number; budget: number };

/**
 * The index with this record in it (replacing an earlier copy with its id), and the records to
 * drop to stay within the budget: unreviewed ones, oldest first. `extra` asks for more room than
 * the budget's arithmetic (storage said it was full).
 */
export function admit(index: readonly RecordEntry[], entry: RecordEntry, budget = RECORD_BUDGET, extra = 0): Admission {
  const others = index.filter((e) => e.id !== entry.id);
  const used = others.reduce((sum, e) => sum + e.size, 0);
  let over = used + entry.size + extra - budget;
  const evict: string[] = [];
  const candidates = others.filter((e) => !e.reviewed).sort((a, b) => (a.auditedAt < b.auditedAt ? -1 : 1));
  for (const candidate of candidates) {
    if (over <= 0) break;
    evict.push(candidate.id);
    over -= candidate.size;
  }
  if (over > 0) return { ok: false, used, needed: entry.size, budget };
  return { ok: true, index: [...others.filter((e) => !evict.includes(e.id)), entry], evict };
}

/** The storage used by records, for the records page and the message when full. */
export function usedBytes(index: readonly RecordEntry[]): number {
  return index.reduce((sum, e) => sum + e.size, 0);
}
