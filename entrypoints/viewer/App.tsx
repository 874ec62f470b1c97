import { useEffect, useRef, useState } from 'preact/hooks';
import { Anomalies } from '../../components/Anomalies';
import { ExportBar, type ExportKind } from '../../components/ExportBar';
import { FindingList } from '../../components/FindingList';
import type { ReviewBook } from '../../lib/review/state';
import { loadReviews, saveReview } from '../popup/review-store';
import { Summary } from '../../components/Summary';
import { documentMessage } from '../../lib/i18n/documents';
import { otherLang, type Lang } from '../../lib/i18n/lang';
import { applyLang, storedLang } from '../../components/lang';
import { t } from '../../lib/i18n/ui';
import { dateCandidateSchema, type AuditContext } from '../../lib/model/report';
import type { AuditResult } from '../../lib/model/result';
import { exportResult } from '../../components/export-action';
import { askToRead, fetchDocument, mayRead, type Fetched } from './fetch-document';
import { openDocument, type Opened } from './open-document';
import { problemMessage } from './problems';
import { ViewerMarks } from './view-marks';

type Phase =
  | { kind: 'idle' }
  | { kind: 'grant'; url: URL }
  | { kind: 'busy'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; opened: Opened; result: AuditResult };

const KB = 1024;

/** What the linking page or list said of the document's date (viewerUrl), validated, never trusted. */
function pageContext(): AuditContext {
  const params = new URLSearchParams(location.search);
  const parsed = dateCandidateSchema.safeParse({ date: params.get('date'), source: params.get('dateSource') ?? 'site' });
  if (!parsed.success || parsed.data.source === 'document-metadata') return {};
  return parsed.data.source === 'list' ? { listedAt: parsed.data.date } : { pageDates: [parsed.data] };
}

function sourceUrl(): URL | null {
  const src = new URLSearchParams(location.search).get('src');
  try {
    const url = src ? new URL(src) : null;
    return url && /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [copied, setCopied] = useState(false);
  const [reviews, setReviews] = useState<ReviewBook>({});
  const [active, setActive] = useState<number | null>(null);
  const readyResult = phase.kind === 'ready' ? phase.result : null;
  useEffect(() => {
    setActive(null);
    if (readyResult) void loadReviews(readyResult).then(setReviews);
  }, [readyResult]);
  const pages = useRef<HTMLDivElement>(null);
  const marks = useRef<ViewerMarks | null>(null);
  const langRef = useRef<Lang>('zh');

  const show = async (input: Fetched, source: string, context: AuditContext = {}) => {
    const container = pages.current!;
    marks.current?.destroy();
    container.replaceChildren();
    container.className = 'pages';
    setPhase({ kind: 'busy', message: t(langRef.current, 'viewerLoading') });
    try {
      const started = performance.now();
      const opened = await openDocument({ ...input, source, context }, container, langRef.current, (done, total) =>
        setPhase({ kind: 'busy', message: t(langRef.current, 'viewerReading', { done, total }) }));
      if (!opened.audit) {
        // The pages show, but their tables cannot be read (a scan, fonts without a Unicode map).
        setPhase({ kind: 'failed', message: documentMessage(langRef.current, opened.error ?? 'unreadable') });
        return;
      }
      const viewerMarks = new ViewerMarks(opened.audit, opened.place, langRef.current);
      marks.current = viewerMarks;
      viewerMarks.draw(null);
      // Read, audited and marked (pages draw on as they come into view): the figure the E2E reads.
      container.dataset.auditMs = String(Math.round(performance.now() - started));
      document.title = `${opened.audit.result.title ?? input.name} · ${t(langRef.current, 'appName')}`;
      setPhase({ kind: 'ready', opened, result: viewerMarks.result });
    } catch (error) {
      container.replaceChildren();
      setPhase({ kind: 'failed', message: problemMessage(error, langRef.current) });
    }
  };

  const load = async (url: URL) => {
    if (!(await mayRead(url))) return setPhase({ kind: 'grant', url });
    setPhase({ kind: 'busy', message: t(langRef.current, 'viewerLoading') });
    try {
      const fetched = await fetchDocument(url, (bytes) =>
        setPhase({ kind: 'busy', message: t(langRef.current, 'viewerDownloading', { size: `${Math.round(bytes / KB)} KB` }) }));
      await show(fetched, url.href, pageContext());
    } catch (error) {
      setPhase({ kind: 'failed', message: problemMessage(error, langRef.current) });
    }
  };

  useEffect(() => {
    void (async () => {
      const language = await storedLang();
      langRef.current = language;
      setLang(language);
      applyLang(language);
      const url = sourceUrl();
      if (url) await load(url);
    })();
    return () => marks.current?.destroy();
  }, []);

  const switchLang = () => {
    const next = otherLang(lang);
    langRef.current = next;
    setLang(next);
    applyLang(next, true);
    const viewerMarks = marks.current;
    if (viewerMarks && phase.kind === 'ready') {
      viewerMarks.setLang(next);
      setPhase({ ...phase, result: viewerMarks.result });
    }
  };

  const grant = async (url: URL) => {
    if (await askToRead(url)) await load(url);
    else setPhase({ kind: 'failed', message: t(langRef.current, 'viewerDenied', { host: url.hostname }) });
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    await show({ bytes, name: file.name, contentType: file.type || null }, file.name);
  };

  const onExport = async (kind: ExportKind) => {
    if (phase.kind !== 'ready' || kind === 'memo') return;
    await exportResult(phase.result, kind, lang, reviews);
    if (kind === 'tsv') {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }
  };

  return (
    <div class="viewer" data-testid="viewer" data-phase={phase.kind}>
      <aside class="side">
        <nav class="top">
          <h1>{t(lang, 'appName')}</h1>
          <label class="link file">
            {t(lang, 'viewerOpenFile')}
            <input type="file" accept=".pdf,.docx,.doc,.wps,.htm,.html" data-testid="open-file"
              onChange={(event) => void openFile(event.currentTarget.files?.[0])} />
          </label>
          <button type="button" class="link" data-testid="lang" onClick={switchLang}>{t(lang, 'language')}</button>
        </nav>
        {phase.kind === 'idle' && <p class="muted">{t(lang, 'viewerNoSource')}</p>}
        {phase.kind === 'busy' && <p class="muted" data-testid="status">{phase.message}</p>}
        {phase.kind === 'failed' && <p class="problem" data-testid="problem" role="alert">{phase.message}</p>}
        {phase.kind === 'grant' && (
          <section data-testid="grant">
            <p>{t(lang, 'viewerGrant', { host: phase.url.hostname })}</p>
            <button type="button" class="primary" data-testid="grant-button" onClick={() => void grant(phase.url)}>{t(lang, 'viewerGrantButton')}</button>
          </section>
        )}
        {phase.kind === 'ready' && (
          <>
            <Summary result={phase.result} lang={lang} reviews={reviews} />
            <p class="facts muted">
              <span data-testid="doc-kind">{phase.opened.kind.toUpperCase()}</span>
              {phase.opened.pages !== null && <span data-testid="page-count">{t(lang, 'viewerPages', { count: phase.opened.pages })}</span>}
            </p>
            {!phase.opened.markable && phase.result.findings.length > 0 && <p class="muted">{t(lang, 'viewerMarksOnly')}</p>}
            <ExportBar lang={lang} copied={copied} memo={false} onExport={(kind) => void onExport(kind)} />
            <FindingList result={phase.result} lang={lang} reviews={reviews} active={active} blanksVisible={false}
              onSelect={(index) => { setActive(index); marks.current?.select(index); }}
              onReview={(index, change) => void saveReview(phase.result, index, change).then(setReviews)} />
            <Anomalies anomalies={phase.result.anomalies} lang={lang} />
          </>
        )}
      </aside>
      <main class="pages" ref={pages} data-testid="pages" />
    </div>
  );
}
