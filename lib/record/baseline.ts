/**
 * Which earlier record a new audit of a report is compared with: the newest record of the same
 * report — the same address, or the same agency and year (lib/facts/agency.ts sameAgency) — made
 * from other content (another hash). A report unchanged since its newest record has nothing to
 * re-audit; the views say so instead.
 */
import { sameAgency } from '../facts/agency';
import type { AuditRecord } from '../model/record';
import type { BaselineReport } from '../model/report';
import { reportAddress } from '../review/key';

export interface RecordKey {
  source: string;
  agency: string | null;
  year: number | null;
  sha256: string;
  auditedAt: string;
}

export interface Current {
  source: string;
  agency: string | null;
  year: number | null;
  /** The hash of what this audit read; absent when unknown (every record is then other content). */
  sha256?: string | null;
}

export const sameSource = (a: string, b: string) => reportAddress(a) === reportAddress(b);

/** The same report: the same address for the same year (a page reused for next year's report is another report), or the same agency's report of that year. */
export function sameReport(record: Pick<RecordKey, 'source' | 'agency' | 'year'>, current: Current): boolean {
  const yearAgrees = record.year === null || current.year === null || record.year === current.year;
  if (sameSource(record.source, current.source)) return yearAgrees;
  return current.year !== null && record.year === current.year && sameAgency(record.agency, current.agency);
}

const newestFirst = <R extends Pick<RecordKey, 'auditedAt'>>(a: R, b: R) => (a.auditedAt < b.auditedAt ? 1 : a.auditedAt > b.auditedAt ? -1 : 0);

/** The records of this report, newest first. */
export function recordsOf<R extends RecordKey>(records: readonly R[], current: Current): R[] {
  return records.filter((record) => sameReport(record, current)).sort(newestFirst);
}

/**
 * The earlier record to re-audit against: the newest of this report made from other content, or
 * null. `anyContent`: the auditor named the record (`--baseline`), so an unchanged report is
 * compared with it too.
 */
export function pickBaseline<R extends RecordKey>(records: readonly R[], current: Current, options: { anyContent?: boolean } = {}): R | null {
  return recordsOf(records, current).find((record) => options.anyContent || record.sha256 !== current.sha256) ?? null;
}

/** The newest record of exactly this content, when the report is unchanged since it was recorded. */
export function recordOfContent<R extends RecordKey>(records: readonly R[], current: Current): R | null {
  if (!current.sha256) return null;
  return recordsOf(records, current).find((record) => record.sha256 === current.sha256) ?? null;
}

/** What report.changed reads of the record (lib/model/report.ts). */
export function baselineReportOf(record: AuditRecord, source: string): BaselineReport {
  return {
    sameSource: sameSource(record.source, source), auditedAt: record.auditedAt, year: record.year,
    publishedAt: record.publishedAt, tables: record.tables, raw: record.raw, texts: record.texts,
  };
}
