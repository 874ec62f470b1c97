import { browser } from 'wxt/browser';
import type { auditDocument } from '../../lib/audit';
import { auditRecordSchema, type AuditRecord } from '../../lib/model/record';
import { pickBaseline } from '../../lib/record/baseline';
import { containerSources, datesIn, reportContainer } from '../../lib/record/container';
import { sha256Text } from '../../lib/record/hash';
import { RECORD_INDEX_KEY, readIndex, recordKey } from '../../lib/record/store';

type DomAudit = ReturnType<typeof auditDocument<Element>>;

/**
 * The hash of what the auditor read on this page: the serialised HTML of the smallest element
 * holding the report's cells, its title and its 发布日期 line (lib/record/container.ts), UTF-8. The
 * marks live in a shadow root outside it, so drawing them never changes it.
 */
export async function contentHash(audit: DomAudit): Promise<string | null> {
  const parts = containerSources(audit.report).map((src) => audit.elements[src]);
  const container = reportContainer([...parts, dateLine(audit.report.publishedAt)]);
  // Read to be hashed, never written back: the rule against outerHTML guards against page text becoming markup.
  // eslint-disable-next-line no-restricted-properties
  return container ? sha256Text(container.outerHTML) : null;
}

/** The element of the short line the page writes its 发布日期 in (“发布日期：2024-01-19”), if there is one. */
function dateLine(date: string | null): Element | undefined {
  if (!date || !document.body) return undefined;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 200 && datesIn(text).includes(date)) return node.parentElement ?? undefined;
  }
  return undefined;
}

/** The earlier record to re-audit this page against (lib/record/baseline.ts), read and validated, or null. */
export async function baselineRecord(audit: DomAudit, source: string, sha256: string): Promise<AuditRecord | null> {
  const stored = await browser.storage.local.get(RECORD_INDEX_KEY).catch(() => ({}) as Record<string, unknown>);
  const entry = pickBaseline(readIndex(stored[RECORD_INDEX_KEY]), { source, agency: audit.report.agency, year: audit.report.year, sha256 });
  if (!entry) return null;
  const key = recordKey(entry.id);
  const record = await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>);
  const parsed = auditRecordSchema.safeParse(record[key]);
  return parsed.success ? parsed.data : null;
}
