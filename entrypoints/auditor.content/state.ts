/**
 * Everything a frame's auditor knows, in one place: the audit and its result in the current
 * language, the view settings, the reviews, and the counters the badge and the tests read. The
 * reading, marking and messaging modules read and change it; none keeps a copy.
 */
import type { Audit } from '../../lib/audit';
import { langOf, LANG_KEY, type Lang } from '../../lib/i18n/lang';
import { MEMORY_KEY, readMemory } from '../../lib/batch/memory';
import type { ContentState, FrameSummary } from '../../lib/model/messages';
import type { AuditRecord } from '../../lib/model/record';
import type { PreviousReport } from '../../lib/model/report';
import type { AuditResult } from '../../lib/model/result';
import { findingCounts } from '../../lib/present/counts';
import { resultIn } from '../../lib/result';

/** An audit of this frame's DOM: `elements[src]` is the element an `element` anchor names. */
export type DomAudit = Audit & { elements: Element[] };

/** The storage keys the auditor starts from (the language, the two view switches, the cross-year memory). */
export const SETTING_KEYS = [LANG_KEY, 'marksVisible', 'blanksVisible', MEMORY_KEY];

export class AuditorState {
  /** The audit of a report (or of a page audited on request); null when the page holds none. */
  audit: DomAudit | null = null;
  /** The audit's result in `lang`: its findings carry their anchors, the marks are drawn from them. */
  result: AuditResult | null = null;
  lang: Lang = 'zh';
  marksVisible = true;
  blanksVisible = false;
  /** The auditor's reviews of this report (written by the popup and side panel), shown on the marks. */
  reviews: unknown = {};
  reviewKey = '';
  /** Messages that failed validation and were dropped. */
  dropped = 0;
  runs = 0;
  reruns = 0;
  /** Main-thread milliseconds spent auditing and watching (drawing is counted by the overlay). */
  busy = 0;
  /** Reports audited before, for the cross-year rules (lib/batch/memory.ts). */
  memory: PreviousReport[] = [];
  /** The hash of what the audit read (a record's evidence), once taken after the audit. */
  content: ContentState['content'] = undefined;
  /** The earlier record this page is re-audited against (lib/record/baseline.ts), once found. */
  baseline: AuditRecord | null = null;
  /** While the popup takes evidence clips, the marks stay hidden: the clip shows the page as published. */
  capturing = false;
  stopped = false;
  /** The selected finding when the auditor was shut down, for resume. */
  kept: number | null = null;

  /** The settings as storage holds them (any value, validated here): a damaged entry keeps the default. */
  applySettings(stored: Record<string, unknown>): void {
    this.lang = langOf(stored[LANG_KEY]);
    if (stored.marksVisible === false) this.marksVisible = false;
    if (stored.blanksVisible === true) this.blanksVisible = true;
    this.memory = readMemory(stored[MEMORY_KEY]);
  }

  /** A new audit, and its result, together: the result is always the audit's. */
  setAudit(audit: DomAudit | null): void {
    this.audit = audit;
    this.result = audit?.result ?? null;
  }

  /** Another language: the result is built again from the audit (lib/result.ts), never patched. True when it changed. */
  setLang(lang: Lang): boolean {
    if (lang === this.lang) return false;
    this.lang = lang;
    if (this.audit) this.result = resultIn(this.audit, lang);
    return true;
  }

  /** Whether marks are drawn now: a report, marks on, and no evidence clip being taken. */
  get marking(): boolean {
    return !!this.audit?.report.isReport && this.marksVisible && !this.capturing;
  }

  summary(drawMs: number): FrameSummary {
    // The badge counts as the popup and the memo do: a finding reviewed 误报 is not an error.
    const { errors, warnings } = findingCounts(this.result?.findings ?? [], this.reviews);
    return {
      report: this.audit?.report.isReport ?? false,
      errors,
      warnings,
      marksVisible: this.marksVisible,
      blanksVisible: this.blanksVisible,
      runs: this.runs,
      busyMs: Math.round((this.busy + drawMs) * 10) / 10,
    };
  }
}
