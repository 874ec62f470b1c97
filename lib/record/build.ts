/**
 * One audit as a record (lib/model/record.ts): built from the audit result, the prose as read and
 * the hash of what was read. The command line, the extension's pages and the viewer build it here.
 */
import { proseTexts } from '../batch/prose';
import type { AuditRecord, Clip, HashOf } from '../model/record';
import type { Report } from '../model/report';
import type { AuditResult } from '../model/result';
import type { ReviewBook } from '../review/state';
import { reportAddress } from '../review/key';

/** Prose kept per record, in characters: a long report's text, with room to spare. */
export const MAX_RECORD_TEXT = 200_000;

export interface RecordInput {
  result: AuditResult;
  /** The prose outside the tables (lib/batch/prose.ts proseTexts). */
  texts: readonly string[];
  sha256: string;
  hashOf: HashOf;
  auditedAt: Date;
  reviews?: ReviewBook;
  clips?: Clip[];
}

function bounded(texts: readonly string[]): string[] {
  let budget = MAX_RECORD_TEXT;
  const out: string[] = [];
  for (const text of texts) {
    if (budget <= 0) break;
    out.push(text.slice(0, Math.min(budget, 50_000)));
    budget -= text.length;
  }
  return out;
}

/** A record's id: when, then the start of the hash (sortable by time, told apart by content). */
export function recordId(auditedAt: Date, sha256: string): string {
  return `${auditedAt.getTime().toString(36)}-${sha256.slice(0, 16)}`;
}

export function recordOf(input: RecordInput): AuditRecord {
  const { result } = input;
  return {
    id: recordId(input.auditedAt, input.sha256),
    source: reportAddress(result.source),
    auditedAt: input.auditedAt.toISOString(),
    agency: result.agency,
    year: result.year,
    format: result.format,
    title: result.title,
    publishedAt: result.publishedAt,
    publishedAtSource: result.publishedAtSource,
    sha256: input.sha256,
    hashOf: input.hashOf,
    tables: result.tables,
    raw: result.raw,
    texts: bounded(input.texts),
    findings: result.findings.map(({ message: _message, ...finding }) => finding),
    reviews: input.reviews ?? {},
    ...(input.clips?.length ? { clips: input.clips } : {}),
  };
}

/** An audit (its report and result) as a record: the prose is the report's, as the cross-year rules read it. */
export function recordOfAudit(audit: { report: Report; result: AuditResult }, input: Omit<RecordInput, 'result' | 'texts'>): AuditRecord {
  return recordOf({ ...input, result: audit.result, texts: proseTexts(audit.report) });
}

/** Whether the auditor put anything of their own into a record (a review, a note, a clip). */
export function isReviewed(record: Pick<AuditRecord, 'reviews' | 'clips'>): boolean {
  return Object.values(record.reviews).some((entry) => entry.status !== null || entry.note.trim() !== '') || (record.clips?.length ?? 0) > 0;
}
