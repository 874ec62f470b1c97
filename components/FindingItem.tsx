import type { RenderedFinding } from '../lib/model/finding';
import { SeverityBadge } from './SeverityBadge';

export interface Props {
  index: number;
  finding: RenderedFinding;
  title: string;
  onSelect(index: number): void;
}

export function FindingItem({ index, finding, title, onSelect }: Props) {
  const where = finding.row ? `${finding.row}${finding.column ? ` · ${finding.column}` : ''}` : '';
  return (
    <li>
      <button type="button" class="finding" data-testid="finding" data-rule={finding.rule} data-index={index} onClick={() => onSelect(index)}>
        <SeverityBadge severity={finding.severity} />
        <span class="finding-body">
          <span class="finding-title">
            {title}
            {where && <code>{where}</code>}
          </span>
          <span class="finding-message">{finding.message}</span>
        </span>
      </button>
    </li>
  );
}
