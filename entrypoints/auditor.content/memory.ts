import { browser } from 'wxt/browser';
import { auditDocument, type AuditOptions } from '../../lib/audit';
import { MEMORY_KEY, readMemory, remember, rememberedPrevious } from '../../lib/batch/memory';
import { snapshotOf } from '../../lib/batch/previous';
import type { PreviousReport } from '../../lib/model/report';

/** Reports this extension audited before (batch or single pages), read once per frame. */
export async function loadMemory(): Promise<PreviousReport[]> {
  const stored = await browser.storage.local.get(MEMORY_KEY).catch(() => ({}) as Record<string, unknown>);
  return readMemory(stored[MEMORY_KEY]);
}

/** Audit the page, with last year's report of its agency when it is remembered (the crossyear.* rules). */
export function auditWithMemory(doc: Document, options: AuditOptions, memory: readonly PreviousReport[]): ReturnType<typeof auditDocument<Element>> {
  return auditDocument<Element>(doc, { ...options, previous: (report) => rememberedPrevious(memory, report, options.source ?? '') });
}

/** Remember this report for next year's (read, changed and written back; a lost race only loses one entry). */
export async function rememberReport(audit: ReturnType<typeof auditDocument<Element>>, source: string): Promise<void> {
  if (!audit.report.isReport) return;
  const current = await loadMemory();
  await browser.storage.local.set({ [MEMORY_KEY]: remember(current, snapshotOf(audit.report, source)) }).catch(() => undefined);
}
