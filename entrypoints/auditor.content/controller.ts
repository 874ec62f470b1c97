/**
 * One auditor per frame: the reading (reading.ts), the marks (marking.ts) and the answers to the
 * popup and side panel (messaging.ts) around one state (state.ts). This file wires them to the
 * browser: storage, the runtime's messages, the content-script context's life.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lang } from '../../lib/i18n/lang';
import type { ContentState, FrameSummary } from '../../lib/model/messages';
import { recordOfAudit } from '../../lib/record/build';
import { reviewStorageKey } from '../../lib/review/key';
import { Marking } from './marking';
import { answer, type RequestHandlers } from './messaging';
import { checkRecords, pageFacts, PageWatcher, readPage } from './reading';
import { contentHash } from './records';
import { AuditorState, SETTING_KEYS } from './state';

const GLOBAL = '__nianbaoAudit';
const STORAGE_WAIT_MS = 1000;

class Auditor implements RequestHandlers {
  private readonly s = new AuditorState();
  private readonly marking = new Marking(this.s, (index) => this.select(index));
  private readonly watcher = new PageWatcher(this.s, this.marking.overlay, () => this.run());

  constructor(private readonly ctx: ContentScriptContext) {}

  async start(): Promise<void> {
    this.attach(this.ctx);
    // A fresh profile can be slow to open its storage; the first audit waits a moment, not forever.
    const stored = await Promise.race([
      browser.storage.local.get(SETTING_KEYS).catch(() => ({}) as Record<string, unknown>),
      new Promise<Record<string, unknown>>((resolve) => setTimeout(() => resolve({}), STORAGE_WAIT_MS)),
    ]);
    if (this.s.stopped) return; // shut down meanwhile, and not taken over by a second injection (resume)
    this.s.applySettings(stored);
    this.run();
    this.watcher.watch();
  }

  /** Listen to the popup, the side panel and storage for as long as this context lives. */
  private attach(ctx: ContentScriptContext): void {
    this.s.stopped = false;
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
    const wasStopped = this.s.stopped;
    this.attach(ctx);
    // Before its first run, start() goes on by itself once storage answers.
    if (wasStopped && this.s.runs > 0) {
      this.watcher.watch();
      this.marking.draw(this.s.kept);
    }
    return true;
  }

  summary(): FrameSummary {
    return this.s.summary(this.marking.overlay.busyMs);
  }

  /** Read the page (after the cheap check, unless forced), mark it, and tell the badge. */
  run(force = false): void {
    readPage(this.s, force);
    this.marking.draw(null);
    void this.loadReviews();
    this.sendSummary(this.s.runs === 1);
    const audit = this.s.audit;
    if (audit) {
      void checkRecords(this.s, audit).then((again) => {
        if (!again) return;
        this.marking.draw(null);
        this.sendSummary(false);
      });
    }
  }

  runAudit(): void {
    this.run(true);
  }

  /** The badge's counts, to the background: after each audit, and when the reviews change them. */
  private sendSummary(initial: boolean): void {
    void browser.runtime.sendMessage({ type: 'audit-summary', summary: this.summary(), initial }).catch(() => undefined);
  }

  select(index: number, avoid?: 'popup'): void {
    if (!this.s.marksVisible) this.setMarks(true);
    this.marking.select(index, avoid);
  }

  private async loadReviews(): Promise<void> {
    if (!this.s.audit?.report.isReport) return;
    const key = reviewStorageKey(this.s.audit.result);
    this.s.reviewKey = key;
    const stored = await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>);
    if (this.s.reviewKey !== key) return;
    this.s.reviews = stored[key];
    this.marking.draw(null);
    if (this.s.reviews !== undefined) this.sendSummary(false);
  }

  private onStorage = (changes: Record<string, { newValue?: unknown }>): void => {
    const change = this.s.reviewKey ? changes[this.s.reviewKey] : undefined;
    if (!change) return;
    this.s.reviews = change.newValue;
    this.marking.draw(this.marking.selected);
    this.sendSummary(false);
  };

  setBlanks(visible: boolean): void {
    this.s.blanksVisible = visible;
    void browser.storage.local.set({ blanksVisible: visible }).catch(() => undefined);
    this.marking.draw(null);
  }

  setMarks(visible: boolean): void {
    this.s.marksVisible = visible;
    void browser.storage.local.set({ marksVisible: visible }).catch(() => undefined);
    this.marking.draw(null);
  }

  toggleMarks(): void {
    if (!this.s.audit) this.run();
    else this.setMarks(!this.s.marksVisible);
  }

  setLang(lang: Lang): void {
    if (this.s.setLang(lang)) this.marking.draw(null);
  }

  captureDone(): void {
    this.s.capturing = false;
    this.marking.draw(null);
  }

  locate(index: number, part?: 'header') {
    return this.marking.locate(index, part);
  }

  state(): ContentState {
    const s = this.s;
    return {
      summary: this.summary(), result: s.result, selected: this.marking.selected, dropped: s.dropped, ...pageFacts(s),
      ...(s.content ? { content: s.content } : {}),
    };
  }

  /** This audit as a record (the popup adds the reviews and keeps it), its hash taken now if not yet. */
  async recordState(): Promise<ContentState> {
    const audit = this.s.audit;
    if (!audit?.report.isReport) return this.state();
    const sha256 = this.s.content?.sha256 ?? (await contentHash(audit));
    if (!sha256) return this.state();
    return { ...this.state(), record: recordOfAudit(audit, { sha256, hashOf: 'report-container', auditedAt: new Date() }) };
  }

  private onMessage = (message: unknown): Promise<ContentState> | undefined => answer(message, this.s, this);

  stop(): void {
    if (this.s.stopped) return;
    this.s.stopped = true;
    this.s.kept = this.marking.selected;
    this.watcher.stop();
    browser.runtime.onMessage.removeListener(this.onMessage);
    browser.storage.onChanged.removeListener(this.onStorage);
    this.marking.destroy();
  }
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
