/**
 * Audit records on disk (`--record DIR`, `--baseline FILE`): read from a folder or a file, written
 * one file per audited report. A record or archive that cannot be read is named on stderr and left
 * alone, never overwritten; a `--baseline` that cannot be read stops the run (exit 2).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Audit } from '../audit';
import { exportFileName } from '../export/filename';
import { archiveProblem } from '../i18n/records';
import type { Lang } from '../i18n/lang';
import type { AuditRecord } from '../model/record';
import { readRecords } from '../record/archive';
import { recordOfContent } from '../record/baseline';
import { recordOfAudit } from '../record/build';
import { InputError } from './messages';

/** Every record in the folder (record files and archives); the files that are not, with why. */
export function loadRecordDir(dir: string, lang: Lang): { records: AuditRecord[]; problems: string[] } {
  if (!existsSync(dir)) return { records: [], problems: [] };
  const records: AuditRecord[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
    const read = readRecords(readFileSync(join(dir, name)));
    if (read.ok) records.push(...read.records);
    else problems.push(`${join(dir, name)}: ${archiveProblem(lang, read)}`);
  }
  return { records, problems };
}

/** The record (or archive) named by `--baseline`. */
export function loadBaselineFile(path: string, lang: Lang): AuditRecord[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError('baselineUnreadable', { value: path, reason: String((error as NodeJS.ErrnoException).code ?? error) });
  }
  const read = readRecords(bytes);
  if (!read.ok) throw new InputError('baselineUnreadable', { value: path, reason: archiveProblem(lang, read) });
  return read.records;
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** `<agency>-<year>-<time>-<hash>.json`: sorted by report then time, never clashing. */
export function recordFileName(record: AuditRecord): string {
  return exportFileName(record, 'json').replace(/-年报核查\.json$/, `-${stamp(record.auditedAt)}-${record.sha256.slice(0, 8)}.json`);
}

export interface Written {
  /** Files written. */
  written: string[];
  /** Reports unchanged since a record in the folder: not written again (source, that record's file). */
  same: { source: string; record: AuditRecord }[];
}

/** One record per audited report, its reviews the ones carried over from the record it was re-audited against. */
export function writeRecords(dir: string, items: readonly { audit: Audit; sha256: string }[], known: readonly AuditRecord[], now = new Date()): Written {
  mkdirSync(dir, { recursive: true });
  const out: Written = { written: [], same: [] };
  for (const { audit, sha256 } of items) {
    const { report, result } = audit;
    const unchanged = recordOfContent(known, { source: result.source, agency: report.agency, year: report.year, sha256 });
    if (unchanged) {
      out.same.push({ source: result.source, record: unchanged });
      continue;
    }
    const record = recordOfAudit(audit, { sha256, hashOf: 'bytes', auditedAt: now, reviews: result.reaudit?.reviews ?? {} });
    const file = join(dir, recordFileName(record));
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
    out.written.push(file);
  }
  return out;
}
