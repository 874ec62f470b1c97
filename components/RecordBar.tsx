import type { Lang } from '../lib/i18n/lang';
import { t } from '../lib/i18n/ui';
import type { Reaudit } from '../lib/model/record';
import { reauditCounts } from '../lib/present/counts';

export interface Props {
  lang: Lang;
  /** On a re-audit: the earlier record's findings classified. */
  reaudit?: Reaudit;
  reviews: unknown;
  /** When this very content was recorded, if it was. */
  recordedAt: string | null;
  /** What the last action said (saved, full, captured …). */
  message: string | null;
  busy: boolean;
  onSave(): void;
  onCapture(): void;
  onOpenRecords(): void;
}

/** The audit record of the page: the re-audit's three counts, whether this content is recorded, and keeping it with its evidence. */
export function RecordBar({ lang, reaudit, reviews, recordedAt, message, busy, onSave, onCapture, onOpenRecords }: Props) {
  const counts = reaudit ? reauditCounts(reaudit, reviews) : null;
  return (
    <section class="record-bar" data-testid="record-bar">
      {reaudit && counts && (
        <p class="reaudit" data-testid="reaudit">
          {t(lang, 'reauditLine', { date: reaudit.baseline.auditedAt.slice(0, 10), ...counts })}
          <span hidden data-testid="reaudit-counts" data-fixed={counts.fixed} data-open={counts.open} data-new={counts.new} />
        </p>
      )}
      {recordedAt && <p class="muted" data-testid="recorded">{t(lang, 'recordKept', { date: recordedAt.slice(0, 10) })}</p>}
      <div class="record-actions">
        <button type="button" data-testid="record-save" disabled={busy} onClick={onSave}>{t(lang, 'recordSave')}</button>
        <button type="button" data-testid="capture-clips" disabled={busy} onClick={onCapture}>{t(lang, 'captureClips')}</button>
        <button type="button" class="link" data-testid="open-records" onClick={onOpenRecords}>{t(lang, 'openRecords')}</button>
      </div>
      {message && <p class="record-message" data-testid="record-message" role="status">{message}</p>}
    </section>
  );
}
