/**
 * What the audit memo (核查意见) says, as data (components/Memo.tsx lays it out): a conclusion, the
 * errors grouped by cause — one line per cause, then its cells in one compact table — warnings
 * summarised by kind, findings excluded as 误报 apart with their notes, and on a re-audit what was
 * fixed. Built from the result, the reviews and the record's clips; tested without rendering.
 */
import { columnName, rowName, tableName } from '../i18n/labels';
import { ruleTitle } from '../i18n/render';
import type { Lang } from '../i18n/lang';
import { t } from '../i18n/ui';
import type { RenderedFinding } from '../model/finding';
import type { Clip } from '../model/record';
import type { Format, TableKey } from '../model/report';
import type { AuditResult } from '../model/result';
import { findingKey, storedStatus } from '../review/key';
import { reviewLabel, type ReviewBook } from '../review/state';
import { blankSummaries, blankSummaryText, isBlankFinding } from './blanks';
import { causeTitle, groupByCause } from './cause';
import { findingCounts, isExcluded, reauditCounts } from './counts';

export interface MemoRow {
  /** 表 / 行 / 列 in the template's words, short (“表三 · （七）总计 · 自然人”), or the message where the finding names no cell. */
  place: string;
  expected: string;
  actual: string;
  /** The review and its note (“确认问题；已电话核实”), or ''. */
  review: string;
  /** On a re-audit: 未整改 or 新增. */
  status: 'open' | 'new' | null;
  clip: Clip | null;
}

export interface MemoGroup {
  /** The cause's one line, or the rule's title for findings of one kind with no common cause. */
  title: string;
  rows: MemoRow[];
}

export interface MemoModel {
  conclusion: string;
  errors: number;
  groups: MemoGroup[];
  /** Warnings by kind (“发布后有改动 1 条”) and the blank-cell lines. */
  warnings: string[];
  warningCount: number;
  excluded: { text: string; note: string }[];
  /** On a re-audit: the earlier record's findings that are gone. */
  fixed: string[];
}

const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
const wasText = (f: RenderedFinding, lang: Lang) => (lang === 'zh'
  ? `（原${t(lang, 'expected')} ${value(f.expected, lang)}，${t(lang, 'actual')} ${value(f.actual, lang)}）`
  : ` (then ${t(lang, 'expected')} ${value(f.expected, lang)}, ${t(lang, 'actual')} ${value(f.actual, lang)})`);
const value = (v: number | string | null, lang: Lang) => (v === null || v === '' ? (lang === 'zh' ? '空' : 'blank') : String(v));

/** “表三” / “Table 3”: the table's ordinal, as a compact table names it. */
export function tableShort(lang: Lang, table: TableKey): string {
  const name = tableName(lang, table);
  return lang === 'zh' ? `表${name.split('、')[0]}` : `Table ${name.split('.')[0]}`;
}

export function placeShort(finding: Pick<RenderedFinding, 'table' | 'row' | 'column' | 'message'>, format: Format | null, lang: Lang): string {
  if (!finding.table) return finding.message;
  const parts = [tableShort(lang, finding.table)];
  if (finding.row) parts.push(rowName(lang, format, finding.table, finding.row));
  if (finding.column) parts.push(columnName(lang, format, finding.table, finding.column));
  return parts.length === 1 ? `${parts[0]}${lang === 'zh' ? '：' : ': '}${finding.message}` : parts.join(' · ');
}

function conclusion(result: AuditResult, errors: number, reviews: ReviewBook, lang: Lang): string {
  const parts = [errors > 0 ? t(lang, 'conclusionErrors', { count: errors }) : t(lang, 'conclusionClean')];
  if (result.deadline?.status === 'kept') parts.push(t(lang, 'onTime'));
  if (result.deadline?.status === 'missed') parts.push(t(lang, 'conclusionLate', { date: result.deadline.date }));
  if (result.reaudit) parts.push(t(lang, 'conclusionReaudit', { date: result.reaudit.baseline.auditedAt.slice(0, 10), ...reauditCounts(result.reaudit, reviews) }));
  return `${t(lang, 'conclusion')}${parts.join(lang === 'zh' ? '；' : '; ')}${lang === 'zh' ? '。' : '.'}`;
}

export function memoModel(result: AuditResult, reviews: ReviewBook, lang: Lang, clips: readonly Clip[] = []): MemoModel {
  const findings = result.findings;
  const counts = findingCounts(findings, reviews);
  const clipOf = new Map(clips.map((clip) => [clip.key, clip]));
  const added = new Set((result.reaudit?.new ?? []).map(findingKey));
  const row = (finding: RenderedFinding): MemoRow => {
    const key = findingKey(finding);
    const review = reviews[key];
    return {
      place: placeShort(finding, result.format, lang),
      expected: finding.expected === null ? '' : value(finding.expected, lang),
      actual: finding.expected === null && finding.actual === null ? '' : value(finding.actual, lang),
      review: [reviewLabel(review?.status, lang), review?.note ?? ''].filter(Boolean).join(lang === 'zh' ? '；' : '; '),
      status: result.reaudit ? (added.has(key) ? 'new' : 'open') : null,
      clip: clipOf.get(key) ?? null,
    };
  };

  const groups: MemoGroup[] = [];
  const byRule = new Map<string, MemoGroup>();
  for (const group of groupByCause(findings, result)) {
    const items = group.indexes.map((i) => findings[i]!).filter((f) => f.severity === 'error' && !isExcluded(f, reviews));
    if (items.length === 0) continue;
    const title = causeTitle(group, result.format, lang);
    if (title) {
      groups.push({ title, rows: items.map(row) });
      continue;
    }
    // Lone findings of one kind share one line: the rule's title.
    const rule = items[0]!.rule;
    const shared = byRule.get(rule);
    if (shared) shared.rows.push(...items.map(row));
    else {
      const created = { title: ruleTitle(rule, lang), rows: items.map(row) };
      byRule.set(rule, created);
      groups.push(created);
    }
  }

  const kinds = new Map<string, number>();
  for (const finding of findings) {
    if (finding.severity !== 'warning' || isBlankFinding(finding) || isExcluded(finding, reviews)) continue;
    kinds.set(finding.rule, (kinds.get(finding.rule) ?? 0) + 1);
  }
  const warnings = [...kinds].map(([rule, count]) => t(lang, 'warningKind', { title: ruleTitle(rule, lang), count }));
  warnings.push(...blankSummaries(findings, result).map((summary) => blankSummaryText(summary, result.format, lang)));

  return {
    conclusion: conclusion(result, counts.errors, reviews, lang),
    errors: counts.errors,
    groups,
    warnings,
    warningCount: counts.warnings + counts.blanks,
    excluded: findings.filter((f) => isExcluded(f, reviews)).map((f) => ({ text: `${ruleTitle(f.rule, lang)}${colon(lang)}${placeShort(f, result.format, lang)}`, note: reviews[findingKey(f)]?.note ?? '' })),
    fixed: (result.reaudit?.fixed ?? [])
      .filter((f) => storedStatus(result.reaudit?.reviews, findingKey(f)) !== 'false-positive')
      .map((f) => `${ruleTitle(f.rule, lang)}${colon(lang)}${placeShort(f, result.format, lang)}${f.expected !== null ? wasText(f, lang) : ''}`),
  };
}
