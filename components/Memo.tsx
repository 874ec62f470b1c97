import { htmlLang, type Lang } from '../lib/i18n/lang';
import { t, ui } from '../lib/i18n/ui';
import type { Clip, HashOf } from '../lib/model/record';
import type { AuditResult } from '../lib/model/result';
import { memoModel, type MemoGroup } from '../lib/present/memo';
import { publishedText } from '../lib/present/published';
import type { ReviewBook } from '../lib/review/state';

export interface Evidence {
  sha256: string;
  hashOf: HashOf;
  /** When what was read was read (the record's time, else the memo's). */
  at: Date;
}

export interface Props {
  result: AuditResult;
  reviews: ReviewBook;
  lang: Lang;
  auditDate: Date;
  /** The hash of what the audit read; absent when the page could not say. */
  evidence?: Evidence;
  /** Pictures of the wrong cells as the page showed them (the record's). */
  clips?: readonly Clip[];
  /** The 整改要求 paragraph, as the auditor last wrote it (the template's wording by default). */
  requirements?: string;
  onRequirements?(text: string): void;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateText = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const timeText = (date: Date) => `${dateText(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
const paren = (lang: Lang, text: string) => (lang === 'zh' ? `（${text}）` : ` (${text})`);

/** Page numbers in the printed margin (Chromium draws @page margin boxes): “第 1 页 / 共 2 页”. */
function pageNumbers(lang: Lang): string {
  const text = ui[lang].memoPage.split(/(\{page\}|\{pages\})/).filter(Boolean)
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : JSON.stringify(part))).join(' ');
  return `@page { @bottom-center { content: ${text}; font: 9pt serif; color: #444; } }`;
}

function Group({ group, n, lang, reaudit }: { group: MemoGroup; n: number; lang: Lang; reaudit: boolean }) {
  const reviews = group.rows.some((row) => row.review);
  const clips = group.rows.some((row) => row.clip);
  return (
    <section class="cause-group" data-testid="memo-group">
      <p class="cause" data-testid="memo-cause">{n}. {group.title}</p>
      <table class="cells">
        <thead>
          <tr>
            <th>{t(lang, 'cellPlace')}</th><th>{t(lang, 'expected')}</th><th>{t(lang, 'actual')}</th>
            {reaudit && <th>{t(lang, 'status')}</th>}{reviews && <th>{t(lang, 'review')}</th>}{clips && <th>{t(lang, 'evidence')}</th>}
          </tr>
        </thead>
        <tbody>
          {group.rows.map((row, i) => (
            <tr key={i} data-testid="memo-error" data-status={row.status ?? undefined}>
              <td>{row.place}</td><td class="num">{row.expected}</td><td class="num">{row.actual}</td>
              {reaudit && <td>{row.status === 'new' ? t(lang, 'added') : t(lang, 'stillOpen')}</td>}
              {reviews && <td class="review-line" data-testid="memo-review">{row.review}</td>}
              {clips && <td class="clip">{row.clip && <img data-testid="memo-clip" src={row.clip.image} alt="" width={row.clip.width} height={row.clip.height} />}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The audit memo (核查意见), laid out to be signed: the report's facts and the hash of what was read,
 * one conclusion line, the errors grouped by cause with a picture of each cell where one was taken,
 * warnings summarised, 误报 apart, what a re-audit found fixed, the 整改要求 and the signatures.
 * Nothing on it is interactive once printed.
 */
export function Memo({ result, reviews, lang, auditDate, evidence, clips = [], requirements, onRequirements }: Props) {
  const model = memoModel(result, reviews, lang, clips);
  const facts: [string, string, string][] = [
    ['agency', t(lang, 'factAgency'), result.agency ?? '—'],
    ['title', t(lang, 'title'), result.title ?? '—'],
    ['link', t(lang, 'link'), result.source],
    ['published', t(lang, 'publishedAt'), publishedText(result, lang)],
    ['date', t(lang, 'auditDate'), dateText(auditDate)],
    ['format', t(lang, 'factFormat'), result.format ?? '—'],
  ];
  if (evidence) facts.push(['hash', t(lang, 'readContent'), `SHA-256 ${evidence.sha256}${paren(lang, `${t(lang, `hashOf-${evidence.hashOf}`)}${lang === 'zh' ? '，' : ', '}${timeText(evidence.at)}`)}`]);
  const relations = result.checks;
  return (
    <article class="memo" data-testid="memo" lang={htmlLang(lang)}>
      <style>{pageNumbers(lang)}</style>
      <button type="button" class="print" data-testid="memo-print" onClick={() => print()}>{t(lang, 'memoPrint')}</button>
      <h1>{t(lang, 'memoTitle')}</h1>
      <table class="facts">
        <tbody>{facts.map(([id, name, value]) => <tr key={id} data-testid={`memo-fact-${id}`}><th>{name}</th><td>{value}</td></tr>)}</tbody>
      </table>
      <p class={model.errors ? 'conclusion fail' : 'conclusion hold'} data-testid="memo-conclusion">{model.conclusion}</p>
      {relations.checked > 0 && (
        <p class="relations" data-testid="memo-relations">
          {relations.failed ? t(lang, 'relationsFail', { count: relations.checked, failed: relations.failed }) : t(lang, 'relationsHold', { count: relations.checked })}
        </p>
      )}
      <h2>{t(lang, 'memoErrors')}{paren(lang, String(model.errors))}</h2>
      {model.errors === 0 && <p data-testid="memo-no-errors">{t(lang, 'memoNoErrors')}</p>}
      {model.groups.map((group, i) => <Group key={i} group={group} n={i + 1} lang={lang} reaudit={!!result.reaudit} />)}
      {result.reaudit && model.fixed.length > 0 && (
        <section data-testid="memo-fixed">
          <h2>{t(lang, 'memoFixedTitle', { count: model.fixed.length })}</h2>
          <ul class="plain">{model.fixed.map((line, i) => <li key={i}>{line}</li>)}</ul>
        </section>
      )}
      {model.warnings.length > 0 && (
        <section data-testid="memo-warnings">
          <h2>{t(lang, 'memoWarningsTitle', { count: model.warningCount })}</h2>
          <p class="summary-line">{model.warnings.join(lang === 'zh' ? '；' : '; ')}</p>
        </section>
      )}
      {model.excluded.length > 0 && (
        <section class="excluded" data-testid="memo-excluded">
          <h2>{t(lang, 'memoExcludedTitle', { count: model.excluded.length })}</h2>
          <ul class="plain">
            {model.excluded.map((item, i) => <li key={i} data-testid="memo-excluded-item">{item.text}{item.note ? paren(lang, `${t(lang, 'note')}${lang === 'zh' ? '：' : ': '}${item.note}`) : ''}</li>)}
          </ul>
        </section>
      )}
      <h2>{t(lang, 'memoRequirementsTitle')}</h2>
      <p class="requirements" data-testid="memo-requirements" contentEditable
        onBlur={(event) => onRequirements?.(event.currentTarget.textContent ?? '')}>{requirements ?? t(lang, 'memoRequirements')}</p>
      <table class="sign" data-testid="memo-sign">
        <tbody><tr>{(['auditor', 'reviewer', 'signDate'] as const).map((id) => <td key={id}>{t(lang, id)}{lang === 'zh' ? '：' : ':'}</td>)}</tr></tbody>
      </table>
    </article>
  );
}
