import { useEffect, useRef, useState } from 'preact/hooks';
import { columnName, rowName } from '../lib/i18n/labels';
import type { Lang } from '../lib/i18n/lang';
import { t } from '../lib/i18n/ui';
import type { RenderedFinding } from '../lib/model/finding';
import type { Format } from '../lib/model/report';
import { REVIEW_STATUSES, reviewLabel, type ReviewEntry, type ReviewStatus } from '../lib/review/state';
import { SeverityBadge } from './SeverityBadge';

export interface Props {
  index: number;
  finding: RenderedFinding;
  title: string;
  format: Format | null;
  lang: Lang;
  /** The clicked finding: its review controls are open. */
  active: boolean;
  review: ReviewEntry | undefined;
  onSelect(index: number): void;
  /** A change to the finding's review: its status, or its note. */
  onReview(index: number, change: Partial<ReviewEntry>): void;
}

/** Where a finding sits, in the template's words (“（七）总计 · 总计”), never its keys. */
export function placeOf(finding: RenderedFinding, format: Format | null, lang: Lang): string {
  if (!finding.table || !finding.row) return '';
  const f = format ?? '2019';
  const row = rowName(lang, f, finding.table, finding.row);
  return finding.column ? `${row} · ${columnName(lang, f, finding.table, finding.column)}` : row;
}

export function FindingItem({ index, finding, title, format, lang, active, review, onSelect, onReview }: Props) {
  const where = placeOf(finding, format, lang);
  const status = review?.status ?? null;
  // A reopened popup shows the finding the auditor last clicked, not the top of the list.
  const itemRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // After the group holding it has opened (the next frame).
    if (active) requestAnimationFrame(() => itemRef.current?.scrollIntoView({ block: 'nearest' }));
  }, [active]);
  // The note being typed is the input's own: a save landing meanwhile (a status click) must not wipe it.
  const [note, setNote] = useState(review?.note ?? '');
  const noteRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== noteRef.current) setNote(review?.note ?? '');
  }, [review?.note]);
  const setStatus = (next: ReviewStatus) => onReview(index, { status: status === next ? null : next });
  return (
    <li ref={itemRef} class={active ? 'item active' : 'item'} data-review={status ?? undefined}>
      <button type="button" class="finding" data-testid="finding" data-rule={finding.rule} data-place={[finding.table, finding.row, finding.column].map((k) => k ?? '').join('|')} data-index={index} onClick={() => onSelect(index)}>
        <SeverityBadge severity={finding.severity} />
        <span class="finding-body">
          <span class="finding-title">
            {title}
            {where && <span class="where" data-testid="where">{where}</span>}
            {status && <span class={`review review-${status}`} data-testid="review-chip">{reviewLabel(status, lang)}</span>}
          </span>
          <span class="finding-message">{finding.message}</span>
          {review?.note && !active && <span class="note-text">{t(lang, 'note')}：{review.note}</span>}
        </span>
      </button>
      {active && (
        <div class="review-form" data-testid="review-form">
          {REVIEW_STATUSES.map((option) => (
            <button key={option} type="button" class={status === option ? 'chip on' : 'chip'} data-testid={`review-${option}`}
              aria-pressed={status === option} onClick={() => setStatus(option)}>{reviewLabel(option, lang)}</button>
          ))}
          <input ref={noteRef} type="text" class="note" data-testid="review-note" placeholder={t(lang, 'notePlaceholder')} value={note}
            maxLength={2000} onInput={(event) => setNote(event.currentTarget.value)} onChange={(event) => onReview(index, { note: event.currentTarget.value })} />
        </div>
      )}
    </li>
  );
}
