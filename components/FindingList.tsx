import { useEffect, useState } from 'preact/hooks';
import { ruleTitle } from '../lib/i18n/render';
import type { Lang } from '../lib/i18n/lang';
import { tableName } from '../lib/i18n/labels';
import { t } from '../lib/i18n/ui';
import type { AuditResult } from '../lib/model/result';
import { blankSummaries, blankSummaryText } from '../lib/present/blanks';
import { causeTitle, groupByCause, type CauseGroup } from '../lib/present/cause';
import { isExcluded } from '../lib/present/counts';
import { findingKey, type ReviewBook, type ReviewEntry } from '../lib/review/state';
import { FindingItem } from './FindingItem';
import { SeverityBadge } from './SeverityBadge';

export interface Props {
  result: AuditResult;
  lang: Lang;
  reviews: ReviewBook;
  active: number | null;
  blanksVisible: boolean;
  onSelect(index: number): void;
  onReview(index: number, change: Partial<ReviewEntry>): void;
  /** Marks blank cells on the page; without it (the document viewer) the switch is not offered. */
  onBlanks?(visible: boolean): void;
}

const TABLES = ['active', 'applications', 'appeals', null] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * Errors first (every table's errors, then warnings), each table's findings under its heading, those
 * with one cause under one line (a blank column, one wrong cell breaking its row, column and balance);
 * blank and none-mark cells summarised per table and column at the end, listed only when unfolded.
 */
export function FindingList(props: Props) {
  const { result, lang } = props;
  const findings = result.findings;
  if (findings.length === 0) return <p class="empty" data-testid="no-findings">{t(lang, 'noFindings')}</p>;
  // A finding reviewed 误报 leaves its group and the counts, and is listed apart as 已排除 (its review can be undone there).
  const excluded = findings.flatMap((finding, index) => (isExcluded(finding, props.reviews) ? [index] : []));
  const groups = groupByCause(findings, result)
    .map((group) => ({ ...group, indexes: group.indexes.filter((index) => !excluded.includes(index)) }))
    .filter((group) => group.indexes.length > 0);
  const item = (index: number) => (
    <FindingItem key={index} index={index} finding={findings[index]!} title={ruleTitle(findings[index]!.rule, lang)} format={result.format}
      lang={lang} active={props.active === index} review={props.reviews[findingKey(findings[index]!)]} onSelect={props.onSelect} onReview={props.onReview} />
  );
  const blanks = groups.filter((g) => g.kind === 'blank');
  const sections = SEVERITIES.flatMap((severity) => TABLES.map((table) => ({
    severity, table, groups: groups.filter((g) => g.kind !== 'blank' && g.severity === severity && g.table === table),
  }))).filter((section) => section.groups.length > 0);
  return (
    <div class="groups" data-testid="finding-list">
      {sections.map(({ severity, table, groups: inSection }) => {
        const key = `${table ?? 'report'}-${severity}`;
        return (
          <section key={key} class="group" data-testid={`group-${key}`}>
            <h3>
              <SeverityBadge severity={severity} count={inSection.reduce((sum, g) => sum + g.indexes.length, 0)} />
              {table ? tableName(lang, table) : t(lang, 'reportLevel')}
            </h3>
            <ul>
              {inSection.map((group) => (group.kind === 'single' ? item(group.indexes[0]!) : <Cause key={`c${group.indexes[0]}`} group={group} {...props} item={item} />))}
            </ul>
          </section>
        );
      })}
      {blanks.length > 0 && <Blanks {...props} indexes={blanks.flatMap((g) => g.indexes)} item={item} />}
      {excluded.length > 0 && (
        <section class="group excluded" data-testid="group-excluded">
          <h3>{t(lang, 'excluded')}（{excluded.length}）</h3>
          <ul>{excluded.map((index) => item(index))}</ul>
        </section>
      )}
    </div>
  );
}

function Cause({ group, result, lang, active, reviews, item }: Props & { group: CauseGroup; item(index: number): unknown }) {
  const reviewed = group.indexes.filter((index) => reviews[findingKey(result.findings[index]!)]?.status).length;
  // Open when short or when it holds the clicked finding; once the auditor opens or closes it, theirs is the say.
  const holdsActive = active !== null && group.indexes.includes(active);
  const [open, setOpen] = useState(group.indexes.length <= 3 || holdsActive);
  useEffect(() => {
    if (holdsActive) setOpen(true);
  }, [holdsActive]);
  return (
    <li class="cause" data-testid="cause" data-kind={group.kind}>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <SeverityBadge severity={group.severity} count={group.indexes.length} />
          <span class="cause-title" data-testid="cause-title">{causeTitle(group, result.format, lang)}</span>
          {reviewed > 0 && <span class="review-count" data-testid="cause-reviewed">{t(lang, 'reviewedCount', { count: reviewed })}</span>}
        </summary>
        <ul>{group.indexes.map((index) => item(index))}</ul>
      </details>
    </li>
  );
}

function Blanks({ result, lang, blanksVisible, onBlanks, indexes, item }: Props & { indexes: number[]; item(index: number): unknown }) {
  const summaries = blankSummaries(result.findings, result);
  return (
    <section class="blanks" data-testid="blank-summary">
      <h3><SeverityBadge severity="warning" count={indexes.length} />{t(lang, 'blankSummary')}</h3>
      <ul class="blank-lines">
        {summaries.map((summary) => <li key={summary.table} data-testid="blank-line">{blankSummaryText(summary, result.format, lang)}</li>)}
      </ul>
      {onBlanks && (
        <label class="toggle">
          <input type="checkbox" data-testid="show-blanks" checked={blanksVisible} onChange={(event) => onBlanks(event.currentTarget.checked)} />
          {t(lang, 'showBlanks')}
        </label>
      )}
      <details>
        <summary data-testid="blank-cells">{t(lang, 'blankCells', { count: indexes.length })}</summary>
        <ul>{indexes.map((index) => item(index))}</ul>
      </details>
    </section>
  );
}
