import { useEffect, useState } from 'preact/hooks';
import { archiveProblem } from '../../lib/i18n/records';
import type { Lang } from '../../lib/i18n/lang';
import { applyLang, storedLang } from '../../components/lang';
import { t } from '../../lib/i18n/ui';
import type { RecordEntry } from '../../lib/model/record';
import { RECORD_BUDGET, usedBytes } from '../../lib/record/store';
import { download } from '../../components/download';
import { deleteRecord, exportArchive, importArchive, loadIndex } from '../popup/record-store';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * The audit records kept in this browser: how much room they take, each record (newest first), and
 * the archive — exported as one JSON file for a colleague, imported from one (validated whole;
 * nothing here is overwritten).
 */
export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  const [index, setIndex] = useState<RecordEntry[]>([]);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const refresh = async () => setIndex(await loadIndex());

  useEffect(() => {
    void (async () => {
      const language = await storedLang();
      setLang(language);
      applyLang(language);
      document.title = t(language, 'recordsTitle');
      await refresh();
    })();
  }, []);

  const onExport = async () => {
    const archive = await exportArchive();
    const stamp = archive.exportedAt.slice(0, 10);
    download(`年报核查档案-${stamp}.json`, JSON.stringify(archive, null, 1), 'application/json;charset=utf-8');
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const outcome = await importArchive(new Uint8Array(await file.arrayBuffer()));
    if (outcome.ok) setMessage({ text: t(lang, 'imported', { added: outcome.added, skipped: outcome.skipped, refused: outcome.refused, books: outcome.books }), problem: false });
    else setMessage({ text: t(lang, 'importRefused', { reason: archiveProblem(lang, outcome) }), problem: true });
    await refresh();
  };

  const rows = [...index].sort((a, b) => (a.auditedAt < b.auditedAt ? 1 : -1));
  return (
    <main data-testid="records">
      <div class="top"><h1>{t(lang, 'recordsTitle')}</h1></div>
      <p class="muted" data-testid="records-usage">{t(lang, 'recordsUsage', { count: index.length, used: mb(usedBytes(index)), budget: mb(RECORD_BUDGET) })}</p>
      <div class="actions">
        <button type="button" data-testid="export-archive" onClick={() => void onExport()}>{t(lang, 'exportArchive')}</button>
        <label>
          {t(lang, 'importArchive')}
          <input type="file" accept=".json,application/json" data-testid="import-archive" onChange={(event) => void onImport(event.currentTarget.files?.[0])} />
        </label>
      </div>
      {message && <p class={message.problem ? 'message problem' : 'message'} data-testid="records-message" role="status">{message.text}</p>}
      {rows.length === 0 ? <p class="muted" data-testid="records-empty">{t(lang, 'recordsEmpty')}</p> : (
        <table data-testid="records-table">
          <thead><tr><th>{t(lang, 'auditDate')}</th><th>{t(lang, 'agency')}</th><th>{t(lang, 'year')}</th><th>{t(lang, 'link')}</th><th>{t(lang, 'review')}</th><th /></tr></thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.id} data-testid="record-row">
                <td>{entry.auditedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{entry.agency ?? '—'}</td>
                <td>{entry.year ?? '—'}</td>
                <td class="source">{entry.source}<div class="hash">SHA-256 {entry.sha256}</div></td>
                <td>{entry.reviewed ? t(lang, 'reviewedRecord') : ''}</td>
                <td><button type="button" class="link" data-testid="delete-record" onClick={() => void deleteRecord(entry.id).then(refresh)}>{t(lang, 'deleteRecord')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
