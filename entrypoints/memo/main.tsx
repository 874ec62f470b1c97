import { render } from 'preact';
import { Memo } from '../../components/Memo';
import type { Lang } from '../../lib/i18n/render';
import type { ContentState } from '../../lib/model/messages';
import { t } from '../../lib/i18n/ui';
import { ask } from '../popup/connection';
import { loadReviews } from '../popup/review-store';
import './memo.css';

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
    if (state?.result) return state;
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
  const lang: Lang = query.get('lang') === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const app = document.getElementById('app')!;
  try {
    const state = await auditedState(Number(query.get('tabId')), Number(query.get('frameId') ?? 0), lang);
    if (!state.result?.report) throw new Error('no report');
    const reviews = await loadReviews(state.result);
    document.title = `${t(lang, 'memoTitle')} · ${state.result.agency ?? state.result.title ?? ''}`;
    render(<Memo result={state.result} reviews={reviews} lang={lang} auditDate={new Date()} />, app);
  } catch {
    render(<p class="missing" data-testid="memo-missing">{t(lang, 'memoMissing')}</p>, app);
  }
}

void main();
