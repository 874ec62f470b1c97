import type { Lang } from '../lib/i18n/render';
import { t } from '../lib/i18n/ui';
import type { AuditResult } from '../lib/model/result';
import { countBySeverity } from '../lib/present/group';

export interface Props {
  result: AuditResult;
  lang: Lang;
}

export function Summary({ result, lang }: Props) {
  const counts = countBySeverity(result.findings);
  return (
    <header class="summary" data-testid="summary">
      <h2 data-testid="title">{result.title ?? '—'}</h2>
      <p class="facts">
        <span data-testid="agency">{result.agency ?? '—'}</span>
        <span data-testid="year">{result.year ?? '—'} {t(lang, 'year')}</span>
        <span data-testid="format">{result.format ?? '—'} {t(lang, 'format')}</span>
      </p>
      <p class="counts">
        <span class="count-error" data-testid="count-errors">{counts.error} {t(lang, 'errors')}</span>
        <span class="count-warning" data-testid="count-warnings">{counts.warning} {t(lang, 'warnings')}</span>
      </p>
    </header>
  );
}
