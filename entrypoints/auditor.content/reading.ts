/**
 * Reading the page: the audit (after the cheap check, with last year's report from memory and an
 * earlier record to compare with), the hash of what was read, what a page without a report links
 * to, and the watch for late content that settles into a new read.
 */
import { findAttachments } from '../../lib/extract/attachments';
import { extractFromDocument, looksLikeReport } from '../../lib/extract/html';
import { siteDates } from '../../lib/facts/published';
import type { ContentState } from '../../lib/model/messages';
import { auditWithMemory, rememberReport } from './memory';
import { baselineRecord, contentHash } from './records';
import type { AuditorState, DomAudit } from './state';

const SETTLE_MS = 500;
const MAX_WAIT_MS = 3000;
const MAX_RERUNS = 30;

/** The page audited now, with what the state knows (the language, the memory, the baseline record). */
export function auditPage(state: AuditorState): DomAudit {
  return auditWithMemory(document, { source: location.href, lang: state.lang, ...(state.baseline ? { baseline: state.baseline } : {}) }, state.memory);
}

/**
 * One read of the page into the state: audited when it looks like a report (or when asked, `force`);
 * the audit is kept only for a report, or when forced. The first report read is remembered for next year's.
 */
export function readPage(state: AuditorState, force: boolean): void {
  const start = performance.now();
  state.runs += 1;
  const audit = force || looksLikeReport(document) ? auditPage(state) : null;
  if (audit?.report.isReport && state.runs === 1) void rememberReport(audit, location.href);
  state.setAudit(audit?.report.isReport || force ? audit : null);
  state.busy += performance.now() - start;
}

/**
 * After each audit: hash what was read, and look for an earlier record of this report made from
 * other content. Found (or gone) since the audit ran, the page is audited again with it, so the
 * findings carry the re-audit's classes and report.changed. True when it was audited again.
 */
export async function checkRecords(state: AuditorState, audit: DomAudit): Promise<boolean> {
  if (!audit.report.isReport) return false;
  const sha256 = await contentHash(audit).catch(() => null);
  if (state.audit !== audit || !sha256) return false;
  const baseline = await baselineRecord(audit, location.href, sha256).catch(() => null);
  if (state.audit !== audit) return false;
  let again = false;
  if ((baseline?.id ?? null) !== (state.baseline?.id ?? null)) {
    state.baseline = baseline;
    state.setAudit(auditPage(state));
    again = true;
  }
  // Set last: a view that sees the hash sees the re-audit too.
  state.content = { sha256, hashOf: 'report-container' };
  return again;
}

/** What a frame without a report offers instead: the attachments it links (the report may be one) and its own dates. */
export function pageFacts(state: AuditorState): Pick<ContentState, 'attachments' | 'pageDates' | 'contentType'> {
  const attachments = state.audit?.report.isReport ? undefined : findAttachments(document);
  const pageDates = attachments?.length ? siteDates(extractFromDocument(document).extracted.dates) : undefined;
  return { attachments, pageDates, contentType: document.contentType.slice(0, 200) };
}

/** Re-read once late content settles: debounced, with a maximum wait and a bounded number of reads. */
export class PageWatcher {
  private observer: MutationObserver | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private firstMutation = 0;

  constructor(
    private readonly state: AuditorState,
    private readonly overlay: { keepOnTop(): void; owns(record: MutationRecord): boolean },
    private readonly onSettled: () => void,
  ) {}

  watch(): void {
    if (typeof MutationObserver === 'undefined') return;
    this.observer?.disconnect();
    this.observer = new MutationObserver((records) => {
      const start = performance.now();
      this.onMutations(records);
      this.state.busy += performance.now() - start;
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /** Debounce: re-read once changes settle, or after MAX_WAIT_MS of constant change. The marks' own changes do not count. */
  private onMutations(records: MutationRecord[]): void {
    if (records.some((record) => record.target === document.documentElement && record.addedNodes.length > 0)) this.overlay.keepOnTop();
    if (records.every((record) => this.overlay.owns(record))) return;
    const now = Date.now();
    if (!this.settleTimer) this.firstMutation = now;
    clearTimeout(this.settleTimer);
    const wait = now - this.firstMutation >= MAX_WAIT_MS ? 0 : SETTLE_MS;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.state.reruns += 1;
      if (this.state.reruns >= MAX_RERUNS) this.observer?.disconnect();
      this.onSettled();
    }, wait);
  }

  stop(): void {
    this.observer?.disconnect();
    clearTimeout(this.settleTimer);
  }
}
