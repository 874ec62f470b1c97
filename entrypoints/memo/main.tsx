import { render } from 'preact';
import { Memo } from '../../components/Memo';
import { langOf, type Lang } from '../../lib/i18n/lang';
import { applyLang } from '../../components/lang';
import type { ContentState } from '../../lib/model/messages';
import { t } from '../../lib/i18n/ui';
import { ask } from '../../components/connection';
import { browser } from 'wxt/browser';
import { recordOfPage } from '../popup/record-store';
import { loadReviews } from '../popup/review-store';
import './memo.css';

/** The auditor's own 整改要求 wording, kept for the next memo. */
const requirementsKey = (lang: Lang) => `memoRequirements:${lang}`;

/** How long the memo waits for a tab that has no audit yet, and how often it asks again. */
const WAIT_FOR_AUDIT_MS = 10_000;
const ASK_EVERY_MS = 250;

/**
 * The tab's state once its auditor has a result. Opened right after the page (from a bookmark, or
 * by a quick click), the memo can ask before the auditor is in the frame (the detector waits for
 * the page to settle, up to 3 s) or before its first audit ends: it asks again for a while.
 */
async function auditedState(tabId: number, frameId: number, lang: Lang): Promise<ContentState> {
  const deadline = Date.now() + WAIT_FOR_AUDIT_MS;
  for (;;) {
    const state = await ask(tabId, frameId, { type: 'get-state', lang }).catch(() => null);
    // A report's audit is done once its content is hashed and an earlier record looked for (a re-audit).
    if (state?.result && (!state.result.report || state.content)) return state;
    if (Date.now() > deadline) {
      if (state) return state;
      throw new Error('no auditor in the frame');
    }
    await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
  }
}

/** The memo page: asks the report tab's auditor for its result (tab and frame in the address), then lays it out for A4. */
async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const lang = langOf(query.get('lang'));
  applyLang(lang);
  const app = document.getElementById('app')!;
  try {
    const state = await auditedState(Number(query.get('tabId')), Number(query.get('frameId') ?? 0), lang);
    if (!state.result?.report) throw new Error('no report');
    const result = state.result;
    const reviews = await loadReviews(result);
    // The record of exactly what this audit read, if it was kept: its time, and the clips taken of the wrong cells.
    const record = state.content
      ? await recordOfPage({ source: result.source, agency: result.agency, year: result.year, sha256: state.content.sha256 }).catch(() => null)
      : null;
    const evidence = state.content ? { ...state.content, at: record ? new Date(record.auditedAt) : new Date() } : undefined;
    const key = requirementsKey(lang);
    const stored = await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>);
    const requirements = typeof stored[key] === 'string' && stored[key] ? stored[key].slice(0, 4000) : undefined;
    document.title = `${t(lang, 'memoTitle')} · ${result.agency ?? result.title ?? ''}`;
    render(<Memo result={result} reviews={reviews} lang={lang} auditDate={new Date()} evidence={evidence} clips={record?.clips ?? []}
      requirements={requirements} onRequirements={(text) => void browser.storage.local.set({ [key]: text.slice(0, 4000) })} />, app);
  } catch {
    render(<p class="missing" data-testid="memo-missing">{t(lang, 'memoMissing')}</p>, app);
  }
}

void main();
