import * as z from 'zod/mini';
import { previousReportSchema, type PreviousReport, type Report } from '../model/report';
import { sameAgency } from '../facts/agency';

/**
 * Reports the extension audited before, remembered per agency and year (storage.local), so that a
 * report audited later, alone, is still checked against last year's. Bounded: the newest
 * MAX_REMEMBERED reports, their prose cut at MAX_TEXT characters.
 */
export const MEMORY_KEY = 'rememberedReports';
const MAX_REMEMBERED = 120;
const MAX_TEXT = 30_000;

const memorySchema = z.array(previousReportSchema);

/** What storage holds, validated: anything malformed is dropped, never trusted. */
export function readMemory(stored: unknown): PreviousReport[] {
  const parsed = memorySchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

function trimmed(snapshot: PreviousReport): PreviousReport {
  let budget = MAX_TEXT;
  const texts: string[] = [];
  for (const text of snapshot.texts) {
    if (budget <= 0) break;
    texts.push(text.slice(0, budget));
    budget -= text.length;
  }
  return { ...snapshot, texts };
}

/** The memory with this report in it: it replaces an earlier copy of the same source or the same agency-year. */
export function remember(memory: readonly PreviousReport[], snapshot: PreviousReport, now = new Date()): PreviousReport[] {
  if (!snapshot.agency || snapshot.year === null) return [...memory];
  const kept = memory.filter((s) => s.source !== snapshot.source && !(s.year === snapshot.year && sameAgency(s.agency, snapshot.agency)));
  return [...kept, trimmed({ ...snapshot, auditedAt: now.toISOString() })].slice(-MAX_REMEMBERED);
}

/** Last year's report of this report's agency, from memory (never the report itself). */
export function rememberedPrevious(memory: readonly PreviousReport[], report: Pick<Report, 'agency' | 'year' | 'isReport'>, source: string): PreviousReport | null {
  if (!report.isReport || !report.agency || report.year === null) return null;
  const year = report.year;
  return [...memory].reverse().find((s) => s.year === year - 1 && s.source !== source && sameAgency(s.agency, report.agency)) ?? null;
}
