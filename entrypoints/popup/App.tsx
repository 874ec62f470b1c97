import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Anomalies } from '../../components/Anomalies';
import { AttachmentOffer } from '../../components/AttachmentOffer';
import { BatchOffer } from '../../components/BatchOffer';
import { ExportBar, type ExportKind } from '../../components/ExportBar';
import { FindingList } from '../../components/FindingList';
import { RecordBar } from '../../components/RecordBar';
import { Summary } from '../../components/Summary';
import { exportResult } from '../../components/export-action';
import { otherLang, type Lang } from '../../lib/i18n/lang';
import { applyLang, storedLang } from '../../components/lang';
import { t } from '../../lib/i18n/ui';
import type { ContentState } from '../../lib/model/messages';
import type { ReviewBook, ReviewEntry } from '../../lib/review/state';
import { activeTabId, ask, listFrames, reportFrame } from '../../components/connection';
import { captureClips, CaptureDenied } from './capture';
import { loadIndex, saveRecord } from './record-store';
import { carryReviews, loadReviews, saveReview } from './review-store';
import { recordOfContent } from '../../lib/record/baseline';
import type { Clip } from '../../lib/model/record';

type View =
  | { kind: 'loading' }
  | { kind: 'unavailable'; tabId?: number }
  | { kind: 'no-report'; tabId: number }
  | { kind: 'report'; tabId: number; frameId: number; state: ContentState };

export interface AppProps {
  /** The popup (a quick look, hangs over the page) or the side panel (stays open beside it). */
  mode?: 'popup' | 'panel';
}

type Browser = typeof browser & {
  sidePanel?: { open(options: { windowId?: number; tabId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
};

export function App({ mode = 'popup' }: AppProps) {
  const [lang, setLang] = useState<Lang>('zh');
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [copied, setCopied] = useState(false);
  const [reviews, setReviews] = useState<ReviewBook>({});
  const [active, setActive] = useState<number | null>(null);
  const langRef = useRef<Lang>('zh');
  const [recordedAt, setRecordedAt] = useState<string | null>(null);
  const [recordMessage, setRecordMessage] = useState<string | null>(null);
  const [recordBusy, setRecordBusy] = useState(false);

  /** The report's audit ends once its content is hashed and an earlier record looked for (a re-audit): wait a moment for it. */
  async function settled(tabId: number, frameId: number, language: Lang): Promise<ContentState> {
    let state = await ask(tabId, frameId, { type: 'get-state', lang: language });
    for (let tries = 0; state.result?.report && !state.content && tries < 20; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await ask(tabId, frameId, { type: 'get-state', lang: language });
    }
    return state;
  }

  /** When exactly this content was recorded, if it was. */
  async function findRecorded(state: ContentState): Promise<void> {
    const result = state.result;
    if (!result?.report || !state.content) return setRecordedAt(null);
    const entry = recordOfContent(await loadIndex(), { source: result.source, agency: result.agency, year: result.year, sha256: state.content.sha256 });
    setRecordedAt(entry?.auditedAt ?? null);
  }

  async function load(language: Lang, force: boolean): Promise<void> {
    const tabId = await activeTabId();
    if (tabId === null) return setView({ kind: 'unavailable' });
    const frames = await listFrames(tabId, true);
    if (!frames.reachable) return setView({ kind: 'unavailable', tabId });
    let frameId = reportFrame(frames);
    if (frameId === null && force) {
      await Promise.all(frames.frames.map((f) => ask(tabId, f.frameId, { type: 'run-audit' }).catch(() => null)));
      frameId = reportFrame(await listFrames(tabId, false));
    }
    if (frameId === null) return setView({ kind: 'no-report', tabId });
    const state = await settled(tabId, frameId, language);
    setView({ kind: 'report', tabId, frameId, state });
    // A re-audit carries the earlier record's reviews to the findings that remain.
    const carried = state.result?.reaudit?.reviews;
    setReviews(state.result ? await (carried && Object.keys(carried).length ? carryReviews(state.result, carried) : loadReviews(state.result)) : {});
    void findRecorded(state);
    if (typeof state.selected === 'number') setActive(state.selected);
  }

  const reload = () => void load(langRef.current, false).catch(() => setView({ kind: 'unavailable' }));

  useEffect(() => {
    void (async () => {
      const language = await storedLang();
      langRef.current = language;
      setLang(language);
      applyLang(language);
      await load(language, false).catch(() => setView({ kind: 'unavailable' }));
    })();
    // A panel opened for a named tab (the tests' page, a pinned view) stays with it; otherwise it follows the active tab.
    if (mode !== 'panel' || new URLSearchParams(location.search).has('tabId')) return undefined;
    // The side panel stays open: follow the auditor to another tab, and to the next page in this one.
    const onActivated = () => { setActive(null); reload(); };
    const onUpdated = (tabId: number, change: { status?: string }) => {
      if (change.status !== 'complete') return;
      void activeTabId().then((current) => {
        if (current === tabId) {
          setActive(null);
          setTimeout(reload, 300);
        }
      });
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  const switchLang = () => {
    const next = otherLang(lang);
    langRef.current = next;
    setLang(next);
    applyLang(next, true);
    reload();
  };

  const send = async (request: Parameters<typeof ask>[2]) => {
    if (view.kind !== 'report') return;
    const state = await ask(view.tabId, view.frameId, request);
    setView({ ...view, state });
  };

  const select = (index: number) => {
    setActive(index);
    void send({ type: 'select-finding', index, ...(mode === 'popup' ? { avoid: 'popup' as const } : {}) });
  };

  /** Keep this audit as a record, with the reviews (and clips); said in the bar. */
  const keep = async (book: ReviewBook, clips: Clip[] = []): Promise<boolean> => {
    if (view.kind !== 'report') return false;
    const { record } = await ask(view.tabId, view.frameId, { type: 'get-record' });
    if (!record) return false;
    const outcome = await saveRecord(record, book, clips);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    if (!outcome.ok) {
      setRecordMessage(t(lang, 'recordFull', { used: mb(outcome.used), budget: mb(outcome.budget) }));
      return false;
    }
    setRecordedAt(outcome.record.auditedAt);
    setRecordMessage([t(lang, 'recordSaved', { date: outcome.record.auditedAt.slice(0, 10) }), outcome.evicted ? t(lang, 'recordEvicted', { count: outcome.evicted }) : ''].filter(Boolean).join(' '));
    return true;
  };

  const review = async (index: number, change: Partial<ReviewEntry>) => {
    if (view.kind !== 'report' || !view.state.result) return;
    const book = await saveReview(view.state.result, index, change);
    setReviews(book);
    // A reviewed report is kept as a record on its own: the auditor's judgement is evidence too.
    await keep(book).catch(() => false);
  };

  const capture = async () => {
    if (view.kind !== 'report' || !view.state.result) return;
    setRecordBusy(true);
    try {
      const clips = await captureClips(view.tabId, view.frameId, view.state.result, reviews,
        (done, total) => setRecordMessage(t(lang, 'capturing', { done, total })));
      if (await keep(reviews, clips)) setRecordMessage(t(lang, 'captured', { count: clips.length }));
    } catch (error) {
      setRecordMessage(error instanceof CaptureDenied ? t(lang, 'captureDenied') : String((error as Error).message ?? error));
    } finally {
      setRecordBusy(false);
    }
  };

  const openRecords = () => void browser.tabs.create({ url: browser.runtime.getURL('/records.html') });

  const openPanel = async () => {
    const api = browser as Browser;
    try {
      if (api.sidePanel) {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        await api.sidePanel.open({ windowId: tab?.windowId });
      } else await api.sidebarAction?.open();
      window.close();
    } catch {
      // Opening needs the user's click; when the browser refuses, the popup simply stays.
    }
  };

  const openMemo = () => {
    if (view.kind !== 'report') return;
    const query = new URLSearchParams({ tabId: String(view.tabId), frameId: String(view.frameId), lang });
    void browser.tabs.create({ url: `${browser.runtime.getURL('/memo.html')}?${query}` });
  };

  const onExport = async (kind: ExportKind) => {
    if (view.kind !== 'report' || !view.state.result) return;
    if (kind === 'memo') return openMemo();
    await exportResult(view.state.result, kind, lang, reviews);
    if (kind === 'tsv') {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }
  };

  return (
    <main data-testid="popup" data-mode={mode} data-view={view.kind}>
      <nav class="top">
        <h1>{t(lang, 'appName')}</h1>
        <span class="top-links">
          {mode === 'popup' && <button type="button" class="link" data-testid="open-panel" onClick={() => void openPanel()}>{t(lang, 'openPanel')}</button>}
          <button type="button" class="link" data-testid="lang" onClick={switchLang}>{t(lang, 'language')}</button>
        </span>
      </nav>
      {view.kind === 'loading' && <p class="muted">{t(lang, 'loading')}</p>}
      {view.kind === 'unavailable' && <p class="muted" data-testid="unavailable">{t(lang, 'unavailable')}</p>}
      {view.kind === 'unavailable' && view.tabId !== undefined && <AttachmentOffer tabId={view.tabId} reachable={false} lang={lang} />}
      {view.kind === 'no-report' && (
        <section class="no-report" data-testid="no-report">
          <p>{t(lang, 'noReport')}</p>
          <AttachmentOffer tabId={view.tabId} reachable lang={lang} />
          <p class="muted">{t(lang, 'noReportHint')}</p>
          <button type="button" class="primary" data-testid="audit-page" onClick={() => void load(lang, true)}>{t(lang, 'auditPage')}</button>
          <BatchOffer tabId={view.tabId} lang={lang} />
        </section>
      )}
      {view.kind === 'report' && view.state.result && (
        <>
          <Summary result={view.state.result} lang={lang} reviews={reviews} />
          <RecordBar lang={lang} reaudit={view.state.result.reaudit} reviews={reviews} recordedAt={recordedAt} message={recordMessage} busy={recordBusy}
            onSave={() => void keep(reviews).catch((error: unknown) => setRecordMessage(String(error)))} onCapture={() => void capture()} onOpenRecords={openRecords} />
          <div class="controls">
            <label>
              <input type="checkbox" data-testid="marks" checked={view.state.summary.marksVisible}
                onChange={(event) => void send({ type: 'set-marks', visible: event.currentTarget.checked })} />
              {t(lang, 'marks')}
            </label>
            <button type="button" class="link" data-testid="rerun" onClick={() => void send({ type: 'run-audit' })}>{t(lang, 'rerun')}</button>
          </div>
          <ExportBar lang={lang} copied={copied} onExport={(kind) => void onExport(kind)} />
          <FindingList result={view.state.result} lang={lang} reviews={reviews} active={active}
            blanksVisible={view.state.summary.blanksVisible ?? false} onSelect={select}
            onReview={(index, change) => void review(index, change)}
            onBlanks={(visible) => void send({ type: 'set-blanks', visible })} />
          <Anomalies anomalies={view.state.result.anomalies} lang={lang} />
        </>
      )}
    </main>
  );
}
