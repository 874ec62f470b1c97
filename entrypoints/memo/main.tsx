import { render } from 'preact';
import { Memo } from '../../components/Memo';
import type { Lang } from '../../lib/i18n/render';
import { t } from '../../lib/i18n/ui';
import { ask } from '../popup/connection';
import { loadReviews } from '../popup/review-store';
import './memo.css';

/** The memo page: asks the report tab's auditor for its result (tab and frame in the address), then lays it out for A4. */
async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const lang: Lang = query.get('lang') === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const app = document.getElementById('app')!;
  try {
    const state = await ask(Number(query.get('tabId')), Number(query.get('frameId') ?? 0), { type: 'get-state', lang });
    if (!state.result?.report) throw new Error('no report');
    const reviews = await loadReviews(state.result);
    document.title = `${t(lang, 'memoTitle')} · ${state.result.agency ?? state.result.title ?? ''}`;
    render(<Memo result={state.result} reviews={reviews} lang={lang} auditDate={new Date()} />, app);
  } catch {
    render(<p class="missing" data-testid="memo-missing">{t(lang, 'memoMissing')}</p>, app);
  }
}

void main();
