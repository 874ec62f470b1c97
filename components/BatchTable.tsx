import { useState } from 'preact/hooks';
import type { BatchRow } from '../lib/batch/row';
import { bt, type BatchUiId } from '../lib/i18n/batch-ui';
import { ruleTitle } from '../lib/i18n/render';
import type { Lang } from '../lib/i18n/lang';
import { t } from '../lib/i18n/ui';
import { viewerUrl } from './AttachmentOffer';
import { SeverityBadge } from './SeverityBadge';

type SortKey = 'agency' | 'year' | 'format' | 'publishedAt' | 'deadline' | 'errors' | 'warnings' | 'crossyear' | 'similar' | 'status';
const COLUMNS: SortKey[] = ['agency', 'year', 'format', 'publishedAt', 'deadline', 'errors', 'warnings', 'crossyear', 'similar', 'status'];

export interface Props {
  rows: readonly BatchRow[];
  lang: Lang;
  /** While the batch runs, rows are links still waiting to be read. */
  pending?: boolean;
}

function sortValue(row: BatchRow, key: SortKey): string | number {
  if (key === 'similar') return row.similar ? row.similar.group : -1;
  const value = row[key];
  if (value === null || value === undefined) return key === 'year' || key === 'errors' || key === 'warnings' ? -1 : '';
  return value;
}

/** The other units whose reports share this one's prose, and how much of it. */
function similarText(row: BatchRow, lang: Lang): string {
  if (!row.similar) return '';
  return bt(lang, 'similarWith', { peers: row.similar.peers.map((peer) => `「${peer.agency ?? peer.source}」`).join('、'), share: Math.round(row.similar.share * 100) });
}

function crossyearText(row: BatchRow, lang: Lang): string {
  if (row.status !== 'audited') return '';
  if (row.crossyear === 'consistent') return bt(lang, 'consistent');
  if (row.crossyear === 'findings') return bt(lang, 'findingsFound');
  // Why it was not paired: a report whose agency or year could not be read is not “without a previous report”.
  if (row.unpaired === 'no-agency' || row.unpaired === 'no-year') return bt(lang, `unpaired-${row.unpaired}`);
  return bt(lang, 'noPrevious');
}

/** The batch: one row per link, sortable by any column, filterable by text and status; a row opens its findings. */
export function BatchTable({ rows, lang, pending = false }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; up: boolean } | null>(null);
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<number | null>(null);

  const needle = filter.trim().toLowerCase();
  const shown = rows
    .filter((row) => !status || row.status === status)
    .filter((row) => !needle || `${row.agency ?? ''} ${row.source} ${row.linkText ?? ''}`.toLowerCase().includes(needle));
  if (sort) {
    shown.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
      return sort.up ? order : -order;
    });
  }
  const onSort = (key: SortKey) => setSort(sort?.key === key ? { key, up: !sort.up } : { key, up: true });

  return (
    <section>
      <div class="filters">
        <input type="search" data-testid="batch-filter" aria-label={bt(lang, 'filter')} placeholder={bt(lang, 'filter')} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        <select data-testid="batch-status" aria-label={bt(lang, 'statusFilter')} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">{bt(lang, 'allStatuses')}</option>
          {['audited', 'not-report', 'attachment', 'fetch-failed', 'unreadable', 'stopped'].map((s) => <option value={s} key={s}>{bt(lang, `status-${s}` as BatchUiId)}</option>)}
        </select>
      </div>
      <table class="batch" data-testid="batch-table">
        <thead>
          <tr>
            {COLUMNS.map((key) => (
              <th key={key} aria-sort={sort?.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}>
                <button type="button" class="link" data-testid={`sort-${key}`} onClick={() => onSort(key)}>
                  {bt(lang, key)}{sort?.key === key ? (sort.up ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => [
            <tr key={row.index} data-testid="batch-row" data-status={row.status} data-year={row.year ?? ''} class={`status-${row.status}${open === row.index ? ' open' : ''}`}
              tabIndex={0} onClick={() => setOpen(open === row.index ? null : row.index)}
              onKeyDown={(e) => e.key === 'Enter' && setOpen(open === row.index ? null : row.index)}>
              <td title={row.source}>{row.agency ?? row.linkText ?? row.source}</td>
              <td>{row.year ?? ''}</td>
              <td>{row.format ?? ''}</td>
              <td data-testid="published" title={row.publishedAtSource ? t(lang, `dateSource-${row.publishedAtSource}`) : undefined}>
                {row.publishedAt ?? ''}{row.publishedAtSource && row.publishedAtSource !== 'site' ? <span class="muted small">（{t(lang, `dateSource-${row.publishedAtSource}`)}）</span> : null}
              </td>
              <td class={row.deadline === 'missed' ? 'bad' : ''}>{row.deadline ? bt(lang, row.deadline) : ''}</td>
              <td class={row.errors ? 'count-error' : ''}>{row.status === 'audited' ? row.errors : ''}</td>
              <td class={row.warnings ? 'count-warning' : ''}>{row.status === 'audited' ? row.warnings : ''}</td>
              <td data-testid="crossyear" class={row.crossyear === 'findings' ? 'bad' : ''}>{crossyearText(row, lang)}</td>
              <td data-testid="similar" data-group={row.similar?.group ?? ''} class={row.similar ? 'bad' : ''}>{similarText(row, lang)}</td>
              <td data-testid="status">{pending ? bt(lang, 'pending') : bt(lang, `status-${row.status}` as BatchUiId)}{row.reason ? <span class="muted">（{row.reason}）</span> : null}</td>
            </tr>,
            open === row.index ? (
              <tr key={`${row.index}-details`} class="details" data-testid="batch-details">
                <td colSpan={COLUMNS.length}>
                  <p>
                    <a href={row.source} target="_blank" rel="noopener noreferrer" data-testid="open-page">{bt(lang, 'openPage')}</a>
                    {/* An audited row's reason is the attachment it was read from: its marks are drawn in the viewer. */}
                    {row.status === 'audited' && row.reason && /^https?:\/\//.test(row.reason) && (
                      <> · <a href={viewerUrl(row.reason, row.publishedAt && row.publishedAtSource ? { date: row.publishedAt, source: row.publishedAtSource } : null)} target="_blank" rel="noopener noreferrer" data-testid="open-attachment">{bt(lang, 'openAttachment')}</a></>
                    )}
                    {row.previousSource && <> · <a href={row.previousSource} target="_blank" rel="noopener noreferrer">{bt(lang, 'openPrevious')}</a></>}
                  </p>
                  {row.findings.length === 0 && row.status === 'audited' && <p class="empty">{bt(lang, 'noFindings')}</p>}
                  <ul>
                    {row.findings.map((finding, i) => (
                      <li key={i} class="finding" data-testid="batch-finding" data-rule={finding.rule}>
                        <SeverityBadge severity={finding.severity} />
                        <span class="finding-body">
                          <span class="finding-title">{ruleTitle(finding.rule, lang)}</span>
                          <span class="finding-message">{finding.message}</span>
                          {finding.cells.filter((c) => c.source).slice(0, 1).map((c) => (
                            <a key="prev" href={c.source} target="_blank" rel="noopener noreferrer" class="small">{bt(lang, 'openPrevious')}</a>
                          ))}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ) : null,
          ])}
        </tbody>
      </table>
    </section>
  );
}
