import { useState } from 'preact/hooks';
import { ruleTitle, type Lang } from '../lib/i18n/render';
import { t } from '../lib/i18n/ui';
import type { RenderedFinding } from '../lib/model/finding';
import { groupFindings } from '../lib/present/group';
import { tableName } from '../lib/i18n/labels';
import { FindingItem } from './FindingItem';
import { SeverityBadge } from './SeverityBadge';

export interface Props {
  findings: RenderedFinding[];
  lang: Lang;
  onSelect(index: number): void;
}

export function FindingList({ findings, lang, onSelect }: Props) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  if (findings.length === 0) return <p class="empty" data-testid="no-findings">{t(lang, 'noFindings')}</p>;
  return (
    <div class="groups" data-testid="finding-list">
      {groupFindings(findings).map((group) => {
        const key = `${group.table ?? 'report'}-${group.severity}`;
        return (
          <section key={key} class="group" data-testid={`group-${key}`}>
            <h3>
              <SeverityBadge severity={group.severity} count={group.items.length + group.blanks.length} />
              {group.table ? tableName(lang, group.table) : t(lang, 'reportLevel')}
            </h3>
            <ul>
              {group.items.map(({ index, finding }) => (
                <FindingItem key={index} index={index} finding={finding} title={ruleTitle(finding.rule, lang)} onSelect={onSelect} />
              ))}
              {group.blanks.length > 0 && (
                <li>
                  <button type="button" class="fold" data-testid="blank-cells" onClick={() => setOpen({ ...open, [key]: !open[key] })}>
                    {open[key] ? '▾' : '▸'} {t(lang, 'blankCells', { count: group.blanks.length })}
                  </button>
                  {open[key] && (
                    <ul>
                      {group.blanks.map(({ index, finding }) => (
                        <FindingItem key={index} index={index} finding={finding} title={ruleTitle(finding.rule, lang)} onSelect={onSelect} />
                      ))}
                    </ul>
                  )}
                </li>
              )}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
