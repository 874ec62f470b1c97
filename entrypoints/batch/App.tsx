import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BatchTable } from '../../components/BatchTable';
import { ExpectedInput } from '../../components/ExpectedInput';
import { ExpectedUnits } from '../../components/ExpectedUnits';
import { checkList } from '../../lib/batch/expected';
import { MEMORY_KEY, readMemory } from '../../lib/batch/memory';
import type { Prepared } from '../../lib/input/prepare';
import { parseUrlList } from '../../lib/batch/links';
import { emptyRow, type BatchRow } from '../../lib/batch/row';
import { BATCH_KEY, BATCH_REQUEST_KEY, EXPECTED_KEY, readExpectedList, readRequest, readSaved, type BatchRequest, type ExpectedList, type SavedBatch } from '../../lib/batch/store';
import { expectedCsv } from '../../lib/export/column-sheets';
import { summaryCsv } from '../../lib/export/summary';
import { bt } from '../../lib/i18n/batch-ui';
import { reviewedRow } from '../../lib/present/counts';
import { REVIEW_PREFIX, reviewStorageKey } from '../../lib/review/key';
import { LANG_KEY, langOf, otherLang, type Lang } from '../../lib/i18n/lang';
import { applyLang } from '../../components/lang';
import { download } from '../../components/download';
import { hostsToAsk } from '../../lib/input/hosts';
import { auditRead, runBatch } from './runner';

type Phase = { kind: 'idle' } | { kind: 'fetching'; done: number; total: number } | { kind: 'auditing'; done?: number; total?: number };

function fileStem(batch: SavedBatch): string {
  const agency = batch.rows.find((row) => row.agency)?.agency ?? '年报';
  return `${agency}-批量-年报核查`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** The batch view: runs a batch the popup asked for (or pasted addresses), shows it, keeps it until cleared. */
export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  const [batch, setBatch] = useState<SavedBatch | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [pasted, setPasted] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  /** The running batch's stops (runner.ts `BatchStops`): 停止 while fetching ends the fetching, while auditing the audit. */
  const stopper = useRef<{ fetching: AbortController; auditing: AbortController } | null>(null);
  const [expectedList, setExpectedList] = useState<ExpectedList | null>(null);
  /** What the last run read, while this view is open: a list loaded afterwards is checked with it. */
  const readItems = useRef<Prepared[] | null>(null);
  /** Saves of this view not yet echoed back by storage.onChanged: the echo is the batch it shows already (300 rows parsed and drawn again for nothing). */
  const ownWrites = useRef(0);
  const save = async (saved: SavedBatch) => {
    ownWrites.current += 1;
    await browser.storage.local.set({ [BATCH_KEY]: saved }).catch(() => {
      ownWrites.current -= 1;
    });
  };

  async function start(request: BatchRequest, language: Lang, list: ExpectedList | null = expectedList): Promise<void> {
    const stops = { fetching: new AbortController(), auditing: new AbortController() };
    stopper.current = stops;
    const startedAt = new Date().toISOString();
    const pending: SavedBatch = {
      listUrl: request.listUrl, startedAt, state: 'running',
      rows: request.links.map((link, i) => ({ ...emptyRow(i, link.url, link.text, 'stopped', null), publishedAt: link.listedAt })),
    };
    setBatch(pending);
    // Saved at once: a view closed mid-run still shows which links were asked for.
    await save(pending);
    setPhase({ kind: 'fetching', done: 0, total: request.links.length });
    try {
      const outcome = await runBatch(request, language, { fetching: stops.fetching.signal, auditing: stops.auditing.signal }, {
        onProgress: (done, total) => setPhase({ kind: 'fetching', done, total }),
        onAuditing: (done, total) => setPhase({ kind: 'auditing', done, total }),
      }, list);
      readItems.current = outcome.prepared;
      const saved: SavedBatch = { listUrl: request.listUrl, startedAt, state: outcome.stopped ? 'stopped' : 'done', rows: outcome.rows, expected: outcome.expected };
      document.documentElement.dataset.auditMs = String(Math.round(outcome.auditMs * 10) / 10);
      document.documentElement.dataset.auditIn = outcome.auditIn;
      setBatch(saved);
      await save(saved);
    } finally {
      stopper.current = null;
      setPhase({ kind: 'idle' });
    }
  }

  // The auditor's reviews, by report address: a finding marked 误报 in the popup stops counting here too.
  const [reviews, setReviews] = useState<Record<string, unknown>>({});
  useEffect(() => {
    const isReview = (key: string) => key.startsWith(REVIEW_PREFIX);
    void browser.storage.local.get(null).then(
      (stored) => setReviews(Object.fromEntries(Object.entries(stored).filter(([key]) => isReview(key)))),
      () => undefined,
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const changed = Object.keys(changes).filter(isReview);
      if (area !== 'local' || changed.length === 0) return;
      setReviews((before) => ({ ...before, ...Object.fromEntries(changed.map((key) => [key, changes[key]!.newValue])) }));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  useEffect(() => {
    // Another open view (or the one running the batch) saved it: show the same batch here.
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(BATCH_KEY in changes)) return;
      if (changes[BATCH_KEY]!.newValue !== undefined && ownWrites.current > 0) {
        ownWrites.current -= 1;
        return;
      }
      if (!stopper.current) setBatch(readSaved(changes[BATCH_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  useEffect(() => {
    void (async () => {
      const stored = await browser.storage.local.get([LANG_KEY, BATCH_KEY, BATCH_REQUEST_KEY, EXPECTED_KEY]).catch(() => ({}) as Record<string, unknown>);
      const language = langOf(stored[LANG_KEY]);
      setLang(language);
      applyLang(language);
      const list = readExpectedList(stored[EXPECTED_KEY]);
      setExpectedList(list);
      const request = readRequest(stored[BATCH_REQUEST_KEY]);
      if (request) {
        await browser.storage.local.remove(BATCH_REQUEST_KEY);
        await start(request, language, list);
      } else setBatch(readSaved(stored[BATCH_KEY]));
    })();
  }, []);

  const auditPasted = async () => {
    const urls = parseUrlList(pasted);
    if (urls.length === 0) return;
    const origins = hostsToAsk(urls);
    // Asked at the click, before anything else: the browser grants only within the user's gesture.
    if (origins.length && !(await browser.permissions.request({ origins }).catch(() => false))) {
      setNotice(bt(lang, 'permissionDenied'));
      return;
    }
    setNotice(null);
    await start({ listUrl: null, links: urls.map((url) => ({ url, text: '', listedAt: null })), next: null }, lang);
  };

  /**
   * A list loaded (or removed) after a run: the batch is audited again with it when what it read is
   * still here (the list's kinds then reach the deadlines too), else the saved rows are checked.
   */
  const applyList = async (list: ExpectedList | null) => {
    setExpectedList(list);
    await (list ? browser.storage.local.set({ [EXPECTED_KEY]: list }) : browser.storage.local.remove(EXPECTED_KEY)).catch(() => undefined);
    if (!batch || batch.state === 'running') return;
    let next: SavedBatch;
    if (readItems.current) {
      setPhase({ kind: 'auditing' });
      const outcome = await auditRead(readItems.current, lang, list, false, undefined, (done, total) => setPhase({ kind: 'auditing', done, total }));
      setPhase({ kind: 'idle' });
      next = { ...batch, rows: outcome.rows, expected: outcome.expected };
    } else {
      const stored = await browser.storage.local.get(MEMORY_KEY).catch(() => ({}) as Record<string, unknown>);
      next = { ...batch, expected: list ? checkList(list, batch.rows, readMemory(stored[MEMORY_KEY])) : null };
    }
    setBatch(next);
    await save(next);
  };

  const clear = async () => {
    await browser.storage.local.remove(BATCH_KEY);
    setBatch(null);
  };

  const exportXlsx = async () => {
    if (!batch) return;
    const { summaryXlsx } = await import('../../lib/export/summary');
    download(`${fileStem(batch)}.xlsx`, await summaryXlsx(rows, lang, batch.expected ?? null), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  const switchLang = () => {
    const next = otherLang(lang);
    setLang(next);
    applyLang(next, true);
  };

  const rows: BatchRow[] = (batch?.rows ?? []).map((row) => reviewedRow(row, reviews[reviewStorageKey(row)]));
  const running = phase.kind !== 'idle';
  const audited = rows.filter((row) => row.status === 'audited');
  return (
    <main data-testid="batch" data-state={running ? 'running' : (batch?.state ?? 'empty')}>
      <nav class="top">
        <h1>{bt(lang, 'title')}</h1>
        <button type="button" class="link" onClick={switchLang}>{bt(lang, 'language')}</button>
      </nav>
      {batch?.listUrl && <p class="muted">{bt(lang, 'listPage')}：<a href={batch.listUrl} target="_blank" rel="noopener noreferrer">{batch.listUrl}</a></p>}
      {phase.kind === 'fetching' && (
        <div class="progress" data-testid="progress">
          <progress max={Math.max(phase.total, 1)} value={phase.done} />
          <span>{bt(lang, 'progress', { done: phase.done, total: phase.total })}</span>
          <button type="button" data-testid="stop" onClick={() => stopper.current?.fetching.abort()}>{bt(lang, 'stop')}</button>
        </div>
      )}
      {phase.kind === 'auditing' && (
        <div class="progress" data-testid="auditing">
          <progress max={Math.max(phase.total ?? 1, 1)} value={phase.done ?? 0} />
          <span>{phase.total ? bt(lang, 'auditingCount', { done: phase.done ?? 0, total: phase.total }) : bt(lang, 'auditing')}</span>
          {stopper.current && <button type="button" data-testid="stop" onClick={() => stopper.current?.auditing.abort()}>{bt(lang, 'stop')}</button>}
        </div>
      )}
      {!running && batch && batch.state !== 'running' && (
        <div class="actions">
          <span data-testid="batch-summary">{bt(lang, 'summary', {
            rows: rows.length, audited: audited.length,
            errors: rows.reduce((sum, row) => sum + row.errors, 0), warnings: rows.reduce((sum, row) => sum + row.warnings, 0),
            cross: rows.filter((row) => row.crossyear !== null).length,
          })}</span>
          <span class="buttons">
            <button type="button" data-testid="export-xlsx" onClick={() => void exportXlsx()}>{bt(lang, 'exportXlsx')}</button>
            <button type="button" data-testid="export-csv" onClick={() => download(`${fileStem(batch)}.csv`, summaryCsv(rows, lang), 'text/csv;charset=utf-8')}>{bt(lang, 'exportCsv')}</button>
            {batch.expected && (
              <button type="button" data-testid="export-expected-csv" onClick={() => download(`${fileStem(batch)}-${bt(lang, 'expectedTitle')}.csv`, expectedCsv(batch.expected!, lang), 'text/csv;charset=utf-8')}>
                {bt(lang, 'exportExpectedCsv')}
              </button>
            )}
            <button type="button" data-testid="clear" onClick={() => void clear()}>{bt(lang, 'clear')}</button>
          </span>
        </div>
      )}
      {!running && <ExpectedInput list={expectedList} lang={lang} onList={(list) => void applyList(list)} />}
      {!running && batch?.expected && <ExpectedUnits check={batch.expected} lang={lang} />}
      {batch ? <BatchTable rows={rows} lang={lang} pending={running} /> : <p class="muted" data-testid="batch-empty">{bt(lang, 'empty')}</p>}
      {!running && (
        <details class="paste" open={!batch}>
          <summary>{bt(lang, 'paste')}</summary>
          <textarea data-testid="paste" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
          <button type="button" class="primary" data-testid="audit-urls" onClick={() => void auditPasted()}>{bt(lang, 'auditUrls')}</button>
          {notice && <p class="bad">{notice}</p>}
        </details>
      )}
    </main>
  );
}
