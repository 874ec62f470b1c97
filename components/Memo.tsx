import { columnName, rowName, tableName } from '../lib/i18n/labels';
import { ruleTitle, type Lang } from '../lib/i18n/render';
import { t } from '../lib/i18n/ui';
import type { CellRef, RenderedFinding } from '../lib/model/finding';
import type { Format } from '../lib/model/report';
import type { AuditResult } from '../lib/model/result';
import { blankSummaries, blankSummaryText, isBlankFinding } from '../lib/present/blanks';
import { causeTitle, groupByCause } from '../lib/present/cause';
import { findingCounts, isExcluded } from '../lib/present/counts';
import { publishedText } from '../lib/present/published';
import { findingKey, reviewLabel, type ReviewBook } from '../lib/review/state';

export interface Props {
  result: AuditResult;
  reviews: ReviewBook;
  lang: Lang;
  auditDate: Date;
}

/** 表 / 行 / 列 in the template's words: “表 三、收到和处理… · 行 （七）总计 · 列 总计”. */
export function placeText(cell: Pick<CellRef, 'table' | 'row' | 'column'> | Pick<RenderedFinding, 'table' | 'row' | 'column'>, format: Format | null, lang: Lang): string {
  if (!cell.table) return '';
  const f = format ?? '2019';
  const parts = [`${t(lang, 'table')} ${tableName(lang, cell.table)}`];
  if (cell.row) parts.push(`${t(lang, 'row')} ${rowName(lang, f, cell.table, cell.row)}`);
  if (cell.column) parts.push(`${t(lang, 'column')} ${columnName(lang, f, cell.table, cell.column)}`);
  return parts.join(' · ');
}

const show = (value: number | string | null, lang: Lang) => (value === null || value === '' ? (lang === 'zh' ? '空' : 'blank') : String(value));
const dateText = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

function ErrorItem({ finding, result, reviews, lang }: { finding: RenderedFinding; result: AuditResult; reviews: ReviewBook; lang: Lang }) {
  const review = reviews[findingKey(finding)];
  return (
    <li class="error-item" data-testid="memo-error">
      <p class="what"><strong>{ruleTitle(finding.rule, lang)}</strong>{finding.table && <span class="place">{placeText(finding, result.format, lang)}</span>}</p>
      <p class="values">
        {finding.expected !== null && <span>{t(lang, 'expected')} <b>{show(finding.expected, lang)}</b></span>}
        {finding.actual !== null || finding.expected !== null ? <span>{t(lang, 'actual')} <b>{show(finding.actual, lang)}</b></span> : null}
        {finding.suspect && <span>{t(lang, 'culprit')}：{placeText(finding.suspect, result.format, lang)}</span>}
      </p>
      <p class="message">{finding.message}</p>
      {(review?.status || review?.note) && (
        <p class="review-line" data-testid="memo-review">{t(lang, 'review')}：{reviewLabel(review.status, lang) || t(lang, 'reviewNone')}{review.note ? `；${t(lang, 'note')}：${review.note}` : ''}</p>
      )}
    </li>
  );
}

/** A long group of one cause as a compact table: one line per finding, its table named once. */
function GroupTable({ items, result, reviews, lang }: { items: RenderedFinding[]; result: AuditResult; reviews: ReviewBook; lang: Lang }) {
  const f = result.format ?? '2019';
  const table = items[0]!.table;
  const place = (finding: RenderedFinding) => (finding.table && finding.row
    ? `${rowName(lang, f, finding.table, finding.row)}${finding.column ? ` · ${columnName(lang, f, finding.table, finding.column)}` : ''}` : '');
  return (
    <table class="group-table" data-testid="memo-group-table">
      {table && <caption>{t(lang, 'table')} {tableName(lang, table)} · {ruleTitle(items[0]!.rule, lang)}</caption>}
      <thead><tr><th>{t(lang, 'row')} · {t(lang, 'column')}</th><th>{t(lang, 'expected')}</th><th>{t(lang, 'actual')}</th><th>{t(lang, 'review')}</th></tr></thead>
      <tbody>
        {items.map((finding, i) => {
          const review = reviews[findingKey(finding)];
          return (
            <tr key={i} data-testid="memo-error">
              <td>{place(finding)}{items.some((other) => other.rule !== finding.rule) ? `（${ruleTitle(finding.rule, lang)}）` : ''}</td>
              <td class="num">{show(finding.expected, lang)}</td>
              <td class="num">{show(finding.actual, lang)}</td>
              <td class="review-line">{[reviewLabel(review?.status, lang), review?.note].filter(Boolean).join('；')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The printable audit memo (核查意见): the report's facts, each error in template terms, warnings folded, the checks that hold. */
export function Memo({ result, reviews, lang, auditDate }: Props) {
  const counts = findingCounts(result.findings, reviews);
  const blanks = counts.blanks;
  // As the rules counted them (result.checks), never a second walk of the tables.
  const relations = result.checks;
  const excluded = result.findings.filter((f) => isExcluded(f, reviews));
  const groups = groupByCause(result.findings, result).filter((g) => g.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning' && !isBlankFinding(f) && !isExcluded(f, reviews));
  const facts: [string, string][] = [
    [t(lang, 'agency'), result.agency ?? '—'],
    [t(lang, 'title'), result.title ?? '—'],
    [t(lang, 'link'), result.source],
    [t(lang, 'publishedAt'), publishedText(result, lang)],
    [t(lang, 'auditDate'), dateText(auditDate)],
    [t(lang, 'format'), result.format ? `${result.format}` : '—'],
    [t(lang, 'counts'), `${counts.errors} ${t(lang, 'errors')} · ${counts.warnings} ${t(lang, 'warnings')}${blanks ? ` · ${t(lang, 'causeBlanks', { count: blanks })}` : ''}`],
  ];
  return (
    <article class="memo" data-testid="memo">
      <button type="button" class="print" data-testid="memo-print" onClick={() => print()}>{t(lang, 'memoPrint')}</button>
      <h1>{t(lang, 'memoTitle')}</h1>
      <table class="facts">
        <tbody>{facts.map(([name, value]) => <tr key={name}><th>{name}</th><td>{value}</td></tr>)}</tbody>
      </table>
      <p class={relations.failed ? 'relations fail' : 'relations hold'} data-testid="memo-relations">
        {relations.failed ? t(lang, 'relationsFail', { count: relations.checked, failed: relations.failed }) : t(lang, 'relationsHold', { count: relations.checked })}
      </p>
      <h2>{t(lang, 'memoErrors')}（{counts.errors}）</h2>
      {counts.errors === 0 && <p data-testid="memo-no-errors">{t(lang, 'memoNoErrors')}</p>}
      <ol class="errors">
        {groups.map((group) => {
          const title = causeTitle(group, result.format, lang);
          const items = group.indexes.map((i) => result.findings[i]!).filter((f) => f.severity === 'error' && !isExcluded(f, reviews));
          if (items.length === 0) return null;
          return (
            <li key={group.indexes[0]} class="group">
              {title && <p class="cause" data-testid="memo-cause">{title}</p>}
              {title && items.length > 3
                ? <GroupTable items={items} result={result} reviews={reviews} lang={lang} />
                : <ul>{items.map((finding, i) => <ErrorItem key={i} finding={finding} result={result} reviews={reviews} lang={lang} />)}</ul>}
            </li>
          );
        })}
      </ol>
      {excluded.length > 0 && (
        <section class="excluded" data-testid="memo-excluded">
          <h2>{t(lang, 'excluded')}（{excluded.length}）</h2>
          <ul>
            {excluded.map((finding, i) => {
              const note = reviews[findingKey(finding)]?.note;
              return <li key={i} data-testid="memo-excluded-item">{finding.message}{note ? `；${t(lang, 'note')}：${note}` : ''}</li>;
            })}
          </ul>
        </section>
      )}
      <details class="warnings">
        <summary><h2>{t(lang, 'memoWarnings', { count: warnings.length + blanks })}</h2></summary>
        <ul>{warnings.map((finding, i) => <li key={i}>{finding.message}</li>)}</ul>
      </details>
      <ul class="blank-lines">
        {blankSummaries(result.findings, result).map((summary) => <li key={summary.table}>{blankSummaryText(summary, result.format, lang)}</li>)}
      </ul>
    </article>
  );
}
