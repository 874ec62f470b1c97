import type { Lang } from '../lib/i18n/lang';
import { t } from '../lib/i18n/ui';
import type { AuditResult } from '../lib/model/result';
import { findingCounts } from '../lib/present/counts';
import { publishedText } from '../lib/present/published';

export interface Props {
  result: AuditResult;
  lang: Lang;
  /** The auditor's reviews of this report: a finding reviewed 误报 leaves the counts. */
  reviews?: unknown;
}

export function Summary({ result, lang, reviews }: Props) {
  const counts = findingCounts(result.findings, reviews);
  const blanks = counts.blanks;
  const relations = result.checks;
  return (
    <header class="summary" data-testid="summary">
      <h2 data-testid="title">{result.title ?? '—'}</h2>
      <p class="facts">
        <span data-testid="agency">{result.agency ?? '—'}</span>
        <span data-testid="year">{result.year ?? '—'} {t(lang, 'year')}</span>
        <span data-testid="format">{result.format ?? '—'} {t(lang, 'format')}</span>
      </p>
      <p class="facts" data-testid="published">{t(lang, 'publishedAt')}：{publishedText(result, lang)}</p>
      <p class="counts">
        <span class="count-error" data-testid="count-errors">{counts.errors} {t(lang, 'errors')}</span>
        <span class="count-warning" data-testid="count-warnings">{counts.warnings} {t(lang, 'warnings')}</span>
        {blanks > 0 && <span class="count-blank" data-testid="count-blanks">{t(lang, 'causeBlanks', { count: blanks })}</span>}
        {counts.excluded > 0 && <span class="count-excluded" data-testid="count-excluded">{t(lang, 'excludedCount', { count: counts.excluded })}</span>}
      </p>
      {relations.checked > 0 && (
        <p class={relations.failed ? 'relations fail' : 'relations hold'} data-testid="relations">
          {relations.failed ? t(lang, 'relationsFail', { count: relations.checked, failed: relations.failed }) : `✔ ${t(lang, 'relationsHold', { count: relations.checked })}`}
        </p>
      )}
    </header>
  );
}
