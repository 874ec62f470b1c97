import type { Lang } from '../lib/i18n/render';
import { t } from '../lib/i18n/ui';
import type { AuditResult } from '../lib/model/result';
import { isBlankFinding } from '../lib/present/blanks';
import { relationCount } from '../lib/present/checks';
import { badgeCounts } from '../lib/present/marks';

export interface Props {
  result: AuditResult;
  lang: Lang;
}

export function Summary({ result, lang }: Props) {
  const counts = badgeCounts(result.findings);
  const blanks = result.findings.filter(isBlankFinding).length;
  const relations = relationCount(result);
  return (
    <header class="summary" data-testid="summary">
      <h2 data-testid="title">{result.title ?? '—'}</h2>
      <p class="facts">
        <span data-testid="agency">{result.agency ?? '—'}</span>
        <span data-testid="year">{result.year ?? '—'} {t(lang, 'year')}</span>
        <span data-testid="format">{result.format ?? '—'} {t(lang, 'format')}</span>
      </p>
      <p class="counts">
        <span class="count-error" data-testid="count-errors">{counts.errors} {t(lang, 'errors')}</span>
        <span class="count-warning" data-testid="count-warnings">{counts.warnings} {t(lang, 'warnings')}</span>
        {blanks > 0 && <span class="count-blank" data-testid="count-blanks">{t(lang, 'causeBlanks', { count: blanks })}</span>}
      </p>
      {relations.checked > 0 && (
        <p class={relations.failed ? 'relations fail' : 'relations hold'} data-testid="relations">
          {relations.failed ? t(lang, 'relationsFail', { count: relations.checked, failed: relations.failed }) : `✔ ${t(lang, 'relationsHold', { count: relations.checked })}`}
        </p>
      )}
    </header>
  );
}
