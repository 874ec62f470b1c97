import type { Lang } from '../i18n/lang';
import { t } from '../i18n/ui';
import type { AuditResult } from '../model/result';

const paren = (lang: Lang, text: string) => (lang === 'zh' ? `（${text}）` : ` (${text})`);

/**
 * The publication date as every view says it: the date, where it came from, and the deadline
 * verdict the audit decided (lib/facts/deadline.ts) — “2021-03-22（网站发布日期）· 按期发布”.
 */
export function publishedText(result: Pick<AuditResult, 'publishedAt' | 'publishedAtSource' | 'deadline'>, lang: Lang): string {
  const date = result.publishedAt
    ? `${result.publishedAt}${result.publishedAtSource ? paren(lang, t(lang, `dateSource-${result.publishedAtSource}`)) : ''}`
    : '—';
  const deadline = result.deadline;
  if (!deadline) return date;
  if (deadline.status === 'kept') return `${date} · ${t(lang, 'onTime')}`;
  if (deadline.status === 'missed') return `${date} · ${t(lang, 'late', { date: deadline.date })}`;
  return `${date} · ${t(lang, 'deadlineUnknown', { date: deadline.date })}`;
}
