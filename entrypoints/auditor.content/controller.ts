import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Audit } from '../../lib/audit';
import { findAttachments } from '../../lib/extract/attachments';
import { extractFromDocument, looksLikeReport } from '../../lib/extract/html';
import { siteDates } from '../../lib/facts/published';
import { LANG_KEY, langOf, type Lang } from '../../lib/i18n/lang';
import { contentRequestSchema, type CellView, type ContentRequest, type ContentState, type FrameSummary, type ViewRect } from '../../lib/model/messages';
import type { AuditResult } from '../../lib/model/result';
import { resultIn } from '../../lib/result';
import type { PreviousReport } from '../../lib/model/report';
import { marksOf, placeSource, relatedSources, suspectSource } from '../../lib/present/marks';
import { findingKey, reviewStorageKey, storedStatus } from '../../lib/review/key';
import { findingCounts } from '../../lib/present/counts';
import { MEMORY_KEY, readMemory } from '../../lib/batch/memory';
import { auditWithMemory, rememberReport } from './memory';
import { baselineRecord, contentHash } from './records';
import type { AuditRecord } from '../../lib/model/record';
import { recordOfAudit } from '../../lib/record/build';
import { headerAbove, headerSources } from '../../lib/record/clip';
import { Overlay } from '../../components/Overlay';

const GLOBAL = '__nianbaoAudit';
const SETTLE_MS = 500;
const MAX_WAIT_MS = 3000;
const MAX_RERUNS = 30;
const STORAGE_WAIT_MS = 1000;

type DomAudit = Audit & { elements: Element[] };

/** One auditor per frame: audit, draw marks, answer the popup, follow late content. */
class Auditor {
  private audit: DomAudit | null = null;
  /** The audit's result in the current language: its findings line up with `audit.findings` (which keep the `src`). */
  private result: AuditResult | null = null;
  private lang: Lang = 'zh';
  private marksVisible = true;
  private blanksVisible = false;
  /** The auditor's reviews of this report (written by the popup and side panel), shown on the marks. */
  private reviews: unknown = {};
  private reviewKey = '';
  private dropped = 0;
  private reruns = 0;
  private runs = 0;
  private busy = 0;
  private overlay = new Overlay();
  private observer: MutationObserver | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private firstMutation = 0;
  /** Reports audited before, for the cross-year rules (lib/batch/memory.ts). */
  private memory: PreviousReport[] = [];
  private stopped = false;
  /** The selected finding when the auditor was shut down, for resume. */
  private kept: number | null = null;
  /** The hash of what the audit read (a record's evidence), once taken after the audit. */
  private content: ContentState['content'] = undefined;
  /** The earlier record this page is re-audited against (lib/record/baseline.ts), once found. */
  private baseline: AuditRecord | null = null;
  /** While the popup takes evidence clips, the marks stay hidden: the clip shows the page as published. */
  private capturing = false;

  constructor(private readonly ctx: ContentScriptContext) {}

  async start(): Promise<void> {
    this.attach(this.ctx);
    // A fresh profile can be slow to open its storage; the first audit waits a moment, not forever.
    const stored = await Promise.race([
      browser.storage.local.get([LANG_KEY, 'marksVisible', 'blanksVisible', MEMORY_KEY]).catch(() => ({}) as Record<string, unknown>),
      new Promise<Record<string, unknown>>((resolve) => setTimeout(() => resolve({}), STORAGE_WAIT_MS)),
    ]);
    if (this.stopped) return; // shut down meanwhile, and not taken over by a second injection (resume)
    this.lang = langOf(stored[LANG_KEY]);
    if (stored.marksVisible === false) this.marksVisible = false;
    if (stored.blanksVisible === true) this.blanksVisible = true;
    this.memory = readMemory(stored[MEMORY_KEY]);
    this.run(false);
    this.watch();
  }

  /** Listen to the popup, the side panel and storage for as long as this context lives. */
  private attach(ctx: ContentScriptContext): void {
    this.stopped = false;
    ctx.onInvalidated(() => this.stop());
    browser.runtime.onMessage.addListener(this.onMessage);
    browser.storage.onChanged.addListener(this.onStorage);
  }

  /**
   * The auditor script was injected into this frame again, and its new WXT context has just shut this
   * auditor down (every content-script context invalidates the older ones of the same name as it
   * starts). Carry on under the new context with everything kept: the audit, the selected finding,
   * the reviews, the marks. False when this copy belongs to an extension that was reloaded or updated
   * (its runtime is gone): then the new copy starts afresh.
   */
  resume(ctx: ContentScriptContext): boolean {
    if (!browser.runtime?.id) return false;
    const wasStopped = this.stopped;
    this.attach(ctx);
    // Before its first run, start() goes on by itself once storage answers.
    if (wasStopped && this.runs > 0) {
      this.watch();
      this.draw(this.kept);
    }
    return true;
  }

  summary(): FrameSummary {
    // The badge counts as the popup and the memo do: a finding reviewed 误报 is not an error.
    const { errors, warnings } = findingCounts(this.result?.findings ?? [], this.reviews);
    return {
      report: this.audit?.report.isReport ?? false,
      errors,
      warnings,
      marksVisible: this.marksVisible,
      blanksVisible: this.blanksVisible,
      runs: this.runs,
      busyMs: Math.round((this.busy + this.overlay.busyMs) * 10) / 10,
    };
  }

  /** Audit the document (after the cheap check, unless forced) and redraw. */
  run(force: boolean): void {
    const start = performance.now();
    this.runs += 1;
    const audit = force || looksLikeReport(document) ? this.auditPage() : null;
    if (audit?.report.isReport && this.runs === 1) void rememberReport(audit, location.href);
    this.audit = audit?.report.isReport || force ? audit : null;
    this.result = this.audit?.result ?? null;
    this.busy += performance.now() - start; // drawing is counted by the overlay
    this.draw(null);
    void this.loadReviews();
    this.sendSummary(this.runs === 1);
    if (this.audit) void this.checkRecords(this.audit);
  }

  private auditPage(): DomAudit {
    return auditWithMemory(document, { source: location.href, lang: this.lang, ...(this.baseline ? { baseline: this.baseline } : {}) }, this.memory);
  }

  /**
   * After each audit: hash what was read, and look for an earlier record of this report made from
   * other content. Found (or gone) since the audit ran, the page is audited again with it, so the
   * findings carry the re-audit's classes and report.changed; an audit takes a few milliseconds.
   */
  private async checkRecords(audit: DomAudit): Promise<void> {
    if (!audit.report.isReport) return;
    const sha256 = await contentHash(audit).catch(() => null);
    if (this.audit !== audit || !sha256) return;
    const baseline = await baselineRecord(audit, location.href, sha256).catch(() => null);
    if (this.audit !== audit) return;
    if ((baseline?.id ?? null) !== (this.baseline?.id ?? null)) {
      this.baseline = baseline;
      const again = this.auditPage();
      this.audit = again;
      this.result = again.result;
      this.draw(null);
      this.sendSummary(false);
    }
    // Set last: a view that sees the hash sees the re-audit too.
    this.content = { sha256, hashOf: 'report-container' };
  }

  /** The badge's counts, to the background: after each audit, and when the reviews change them. */
  private sendSummary(initial: boolean): void {
    void browser.runtime.sendMessage({ type: 'audit-summary', summary: this.summary(), initial }).catch(() => undefined);
  }

  private draw(selected: number | null): void {
    const audit = this.audit;
    if (!audit?.report.isReport || !this.marksVisible || this.capturing) {
      this.overlay.hide();
      return;
    }
    const findings = this.result?.findings ?? [];
    const marks = marksOf(findings, (index) => audit.findings[index]?.src, { blanks: this.blanksVisible, lang: this.lang, format: audit.report.format });
    const reviews = findings.map((finding) => storedStatus(this.reviews, findingKey(finding)));
    const finding = selected === null ? undefined : findings[selected];
    const related = finding ? relatedSources(audit.report, finding) : [];
    const suspect = suspectSource(audit.report, finding);
    this.overlay.show({ marks, elements: audit.elements, related, suspect, selected, reviews, lang: this.lang, onSelect: (index) => this.select(index) });
  }

  private select(index: number, avoid?: 'popup'): void {
    const finding = this.result?.findings[index];
    const src = finding && this.audit ? placeSource(this.audit.report, { table: finding.table, src: this.audit.findings[index]?.src }) : null;
    const element = src === null ? undefined : this.audit?.elements[src];
    if (!this.marksVisible) this.setMarks(true);
    this.draw(index);
    if (element) {
      element.scrollIntoView({ block: 'center', inline: 'nearest' });
      if (avoid === 'popup') clearOfPopup(element);
      this.overlay.flash(src!);
    } else if (finding && finding.table === null) {
      scrollTo({ top: 0 }); // a report-level finding on a page without a title element: the top of the page
    }
  }

  private async loadReviews(): Promise<void> {
    if (!this.audit?.report.isReport) return;
    const key = reviewStorageKey(this.audit.result);
    this.reviewKey = key;
    const stored = await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>);
    if (this.reviewKey !== key) return;
    this.reviews = stored[key];
    this.draw(null);
    if (this.reviews !== undefined) this.sendSummary(false);
  }

  private onStorage = (changes: Record<string, { newValue?: unknown }>): void => {
    const change = this.reviewKey ? changes[this.reviewKey] : undefined;
    if (!change) return;
    this.reviews = change.newValue;
    this.draw(this.overlay.selected);
    this.sendSummary(false);
  };

  private setBlanks(visible: boolean): void {
    this.blanksVisible = visible;
    void browser.storage.local.set({ blanksVisible: visible }).catch(() => undefined);
    this.draw(null);
  }

  private setMarks(visible: boolean): void {
    this.marksVisible = visible;
    void browser.storage.local.set({ marksVisible: visible }).catch(() => undefined);
    this.draw(null);
  }

  private state(): ContentState {
    // Only a frame without a report points elsewhere: its attachments may hold the report.
    const attachments = this.audit?.report.isReport ? undefined : findAttachments(document);
    const pageDates = attachments?.length ? siteDates(extractFromDocument(document).extracted.dates) : undefined;
    return {
      summary: this.summary(), result: this.result, selected: this.overlay.selected, dropped: this.dropped, attachments, pageDates,
      contentType: document.contentType.slice(0, 200), ...(this.content ? { content: this.content } : {}),
    };
  }

  /** This audit as a record (the popup adds the reviews and keeps it), its hash taken now if not yet. */
  private async recordState(): Promise<ContentState> {
    const audit = this.audit;
    if (!audit?.report.isReport) return this.state();
    const sha256 = this.content?.sha256 ?? (await contentHash(audit));
    if (!sha256) return this.state();
    return { ...this.state(), record: recordOfAudit(audit, { sha256, hashOf: 'report-container', auditedAt: new Date() }) };
  }

  /**
   * For an evidence clip: the finding's cell brought into view (or its column's header, asked with
   * `part`), the marks hidden, and where the cell, its row label and its column header are.
   */
  private async locate(index: number, part?: 'header'): Promise<ContentState> {
    const view = this.cellView(index, part ?? 'cell');
    if (view) {
      this.capturing = true;
      this.overlay.hide();
      // Painted without the marks before the popup captures the tab.
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return { ...this.state(), cellView: view ? this.cellView(index) : null };
  }

  private cellView(index: number, scrollTo?: 'cell' | 'header'): CellView | null {
    const audit = this.audit;
    const finding = this.result?.findings[index];
    if (!audit || !finding?.table || !finding.row || !finding.column) return null;
    const src = audit.report.tables[finding.table]?.[finding.row]?.[finding.column]?.src;
    const cell = typeof src === 'number' ? audit.elements[src] : undefined;
    if (!cell) return null;
    if (scrollTo === 'cell') cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const rowSrc = audit.report.rowLabels[finding.table]?.[finding.row]?.src;
    const row = typeof rowSrc === 'number' ? audit.elements[rowSrc] : undefined;
    const candidates = headerSources(audit.report, finding.table, finding.column)
      .flatMap((at) => (audit.elements[at] ? [{ src: at, rect: viewRect(audit.elements[at]!) }] : []));
    const headerSrc = headerAbove(viewRect(cell), candidates);
    const header = headerSrc === null ? undefined : audit.elements[headerSrc];
    if (scrollTo === 'header' && header) header.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return {
      cell: viewRect(cell), row: row ? textRect(row) : null, column: header ? textRect(header) : null,
      view: { w: document.documentElement.clientWidth, h: innerHeight, scrollX, scrollY },
    };
  }

  private handle(request: ContentRequest): ContentState | Promise<ContentState> {
    switch (request.type) {
      case 'get-record':
        return this.recordState();
      case 'locate-cell':
        return this.locate(request.index, request.part);
      case 'capture-done':
        this.capturing = false;
        this.draw(null);
        break;
      case 'get-state':
        if (request.lang && request.lang !== this.lang) {
          this.lang = request.lang;
          if (this.audit) this.result = resultIn(this.audit, this.lang);
          this.draw(null);
        }
        break;
      case 'run-audit':
        this.run(true);
        break;
      case 'select-finding':
        this.select(request.index, request.avoid);
        break;
      case 'set-blanks':
        this.setBlanks(request.visible);
        break;
      case 'set-marks':
        this.setMarks(request.visible);
        break;
      case 'toggle-marks':
        if (!this.audit) this.run(false);
        else this.setMarks(!this.marksVisible);
        break;
    }
    return this.state();
  }

  /** Every message is parsed; malformed ones are dropped and counted, never acted on. */
  private onMessage = (message: unknown): Promise<ContentState> | undefined => {
    const parsed = contentRequestSchema.safeParse(message);
    if (!parsed.success) {
      this.dropped += 1;
      return undefined;
    }
    return Promise.resolve(this.handle(parsed.data)).catch(() => this.state());
  };

  /** Re-run once late content settles: debounced, with a maximum wait and a bounded number of runs. */
  private watch(): void {
    if (typeof MutationObserver === 'undefined') return;
    this.observer?.disconnect();
    this.observer = new MutationObserver((records) => {
      const start = performance.now();
      this.onMutations(records);
      this.busy += performance.now() - start;
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /** Debounce: re-run once changes settle, or after MAX_WAIT_MS of constant change. */
  private onMutations(records: MutationRecord[]): void {
    if (records.some((record) => record.target === document.documentElement && record.addedNodes.length > 0)) this.overlay.keepOnTop();
    if (records.every((record) => this.overlay.owns(record))) return;
    const now = Date.now();
    if (!this.settleTimer) this.firstMutation = now;
    clearTimeout(this.settleTimer);
    const wait = now - this.firstMutation >= MAX_WAIT_MS ? 0 : SETTLE_MS;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.reruns += 1;
      if (this.reruns >= MAX_RERUNS) this.observer?.disconnect();
      this.run(false);
    }, wait);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.kept = this.overlay.selected;
    this.observer?.disconnect();
    clearTimeout(this.settleTimer);
    browser.runtime.onMessage.removeListener(this.onMessage);
    browser.storage.onChanged.removeListener(this.onStorage);
    this.overlay.destroy();
  }
}

const viewRect = (element: Element): ViewRect => {
  const box = element.getBoundingClientRect();
  return { x: box.left, y: box.top, w: box.width, h: box.height };
};

/**
 * Where a label's text itself is (a tall merged header centres “总计” in a lot of white; Word centres
 * a label's lines in a wide cell): the union of its text's line boxes, else its element's box.
 */
function textRect(element: Element): ViewRect {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue?.trim()) continue;
    range.selectNodeContents(node);
    for (const box of Array.from(range.getClientRects())) {
      if (box.width === 0 || box.height === 0) continue;
      left = Math.min(left, box.left);
      top = Math.min(top, box.top);
      right = Math.max(right, box.right);
      bottom = Math.max(bottom, box.bottom);
    }
  }
  return right > left ? { x: left, y: top, w: right - left, h: bottom - top } : viewRect(element);
}

/** The popup hangs over the top right of the viewport (about 400 × 600): move a cell under it into the clear. */
const POPUP = { width: 420, height: 620 };
function clearOfPopup(element: Element): void {
  const box = element.getBoundingClientRect();
  if (box.right < innerWidth - POPUP.width || box.top > POPUP.height) return;
  const room = innerHeight - POPUP.height;
  scrollBy({ top: room >= box.height + 16 ? box.top - POPUP.height - 8 : box.bottom - innerHeight + 8 });
}

/** What a frame's running auditor exposes to the background's probe and to a second injection. */
interface Running {
  summary(): FrameSummary;
  resume(ctx: ContentScriptContext): boolean;
}

export function startAuditor(ctx: ContentScriptContext): void {
  const scope = globalThis as unknown as Record<string, Running | undefined>;
  // Already running in this frame (the detector and the popup both asked): the running auditor takes the new context.
  if (scope[GLOBAL]?.resume(ctx)) return;
  const auditor = new Auditor(ctx);
  scope[GLOBAL] = { summary: () => auditor.summary(), resume: (next) => auditor.resume(next) };
  void auditor.start();
}
