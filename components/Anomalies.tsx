import type { Lang } from '../lib/i18n/lang';
import { t } from '../lib/i18n/ui';

export interface Props {
  anomalies: string[] | undefined;
  lang: Lang;
}

/** What the reader could not place on the template (values past a row's end, impossible spans), folded. */
export function Anomalies({ anomalies, lang }: Props) {
  if (!anomalies?.length) return null;
  return (
    <details class="anomalies" data-testid="anomalies">
      <summary>{t(lang, 'anomalies', { count: anomalies.length })}</summary>
      <ul>
        {anomalies.map((text, i) => <li key={i}>{text}</li>)}
      </ul>
    </details>
  );
}
