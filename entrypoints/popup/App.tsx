import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Anomalies } from '../../components/Anomalies';
import { AttachmentOffer } from '../../components/AttachmentOffer';
import { BatchOffer } from '../../components/BatchOffer';
import { ExportBar, type ExportKind } from '../../components/ExportBar';
import { FindingList } from '../../components/FindingList';
import { Summary } from '../../components/Summary';
import { cellsCsv, cellsTsv, findingsCsv, resultJson } from '../../lib/export/csv';
import { exportFileName } from '../../lib/export/filename';
import type { Lang } from '../../lib/i18n/render';
import { t } from '../../lib/i18n/ui';
import type { ContentState } from '../../lib/model/messages';
import { activeTabId, ask, listFrames, reportFrame } from './connection';
import { download } from './download';

type View =
  | { kind: 'loading' }
  | { kind: 'unavailable'; tabId?: number }
  | { kind: 'no-report'; tabId: number }
  | { kind: 'report'; tabId: number; frameId: number; state: ContentState };

export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [copied, setCopied] = useState(false);

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
    const state = await ask(tabId, frameId, { type: 'get-state', lang: language });
    setView({ kind: 'report', tabId, frameId, state });
  }

  useEffect(() => {
    void (async () => {
      const stored = await browser.storage.local.get('lang').catch(() => ({}) as Record<string, unknown>);
      const language: Lang = stored.lang === 'en' ? 'en' : 'zh';
      setLang(language);
      document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
      await load(language, false).catch(() => setView({ kind: 'unavailable' }));
    })();
  }, []);

  const switchLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    setLang(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    void browser.storage.local.set({ lang: next });
    void load(next, false).catch(() => setView({ kind: 'unavailable' }));
  };

  const send = async (request: Parameters<typeof ask>[2]) => {
    if (view.kind !== 'report') return;
    const state = await ask(view.tabId, view.frameId, request);
    setView({ ...view, state });
  };

  const onExport = async (kind: ExportKind) => {
    if (view.kind !== 'report' || !view.state.result) return;
    const result = view.state.result;
    if (kind === 'json') download(exportFileName(result, 'json'), resultJson(result), 'application/json;charset=utf-8');
    if (kind === 'csv') {
      download(exportFileName(result, 'csv'), cellsCsv(result), 'text/csv;charset=utf-8');
      download(exportFileName(result, 'csv', '-问题'), findingsCsv(result), 'text/csv;charset=utf-8');
    }
    if (kind === 'xlsx') {
      const { buildXlsx } = await import('../../lib/export/xlsx');
      download(exportFileName(result, 'xlsx'), await buildXlsx(result, lang), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
    if (kind === 'tsv') {
      await navigator.clipboard.writeText(cellsTsv(result));
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }
  };

  return (
    <main data-testid="popup" data-view={view.kind}>
      <nav class="top">
        <h1>{t(lang, 'appName')}</h1>
        <button type="button" class="link" data-testid="lang" onClick={switchLang}>{t(lang, 'language')}</button>
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
          <Summary result={view.state.result} lang={lang} />
          <div class="controls">
            <label>
              <input type="checkbox" data-testid="marks" checked={view.state.summary.marksVisible}
                onChange={(event) => void send({ type: 'set-marks', visible: event.currentTarget.checked })} />
              {t(lang, 'marks')}
            </label>
            <button type="button" class="link" data-testid="rerun" onClick={() => void send({ type: 'run-audit' })}>{t(lang, 'rerun')}</button>
          </div>
          <ExportBar lang={lang} copied={copied} onExport={(kind) => void onExport(kind)} />
          <FindingList findings={view.state.result.findings} lang={lang} onSelect={(index) => void send({ type: 'select-finding', index })} />
          <Anomalies anomalies={view.state.result.anomalies} lang={lang} />
        </>
      )}
    </main>
  );
}
