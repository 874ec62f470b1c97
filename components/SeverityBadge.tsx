import type { Severity } from '../lib/model/finding';

export interface Props {
  severity: Severity;
  count?: number;
}

const GLYPH: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

export function SeverityBadge({ severity, count }: Props) {
  return (
    <span class={`badge badge-${severity}`} data-testid={`badge-${severity}`}>
      {GLYPH[severity]}
      {count !== undefined ? ` ${count}` : ''}
    </span>
  );
}
