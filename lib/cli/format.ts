import type { Lang } from '../i18n/lang';
import { t } from '../i18n/ui';
import { findingCounts } from '../present/counts';
import { publishedText } from '../present/published';
import { reauditText } from '../present/reaudit';
import { causeLines } from '../present/views';
import type { AuditResult } from '../model/result';
import { tableName } from '../i18n/labels';
import { internalErrors } from '../result';
import { say } from './messages';
import { terminalSafe } from './terminal';

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;
const WORDS = {
  zh: { report: '报告', none: '未发现问题', notReport: '不是年度报告', errors: '错误', warnings: '警告', format: '格式' },
  en: { report: 'Report', none: 'no problems found', notReport: 'not an annual report', errors: 'errors', warnings: 'warnings', format: 'format' },
};

/**
 * The readable, grouped form of one result: per table, errors first, findings with one cause under
 * that cause's line, blank cells summarised per column.
 * Everything that came from the page goes through `terminalSafe`: it is printed, never obeyed.
 */
export function formatResult(result: AuditResult, lang: Lang): string {
  const lines = formatLines(result, lang);
  return lines.map((line) => terminalSafe(line)).join('\n');
}

function formatLines(result: AuditResult, lang: Lang): string[] {
  const w = WORDS[lang];
  const lines = [`== ${result.source}`];
  const failures = internalErrors(result);
  if (!result.report && failures.length) {
    for (const failure of failures) lines.push(`   ${MARK.error} ${say(lang, 'internal')}: ${failure}`);
    return lines;
  }
  if (!result.report) {
    lines.push(`   ${w.notReport}: ${result.findings[0]?.message ?? ''}`);
    return lines;
  }
  const facts = [result.title, result.agency, result.year, result.format && `${result.format} ${w.format}`].filter(Boolean);
  lines.push(`   ${facts.join(' · ')}`);
  lines.push(`   ${t(lang, 'publishedAt')}：${publishedText(result, lang)}`);
  // Counted as the popup and the memo count (lib/present/counts.ts); relationships as the rules checked them.
  const counts = findingCounts(result.findings);
  const relations = result.checks.checked === 0 ? ''
    : ` · ${result.checks.failed ? t(lang, 'relationsFail', { count: result.checks.checked, failed: result.checks.failed }) : t(lang, 'relationsHold', { count: result.checks.checked })}`;
  lines.push(`   ${counts.errors} ${w.errors}, ${counts.warnings} ${w.warnings}${counts.blanks ? `, ${t(lang, 'causeBlanks', { count: counts.blanks })}` : ''}${relations}`);
  if (result.reaudit) lines.push(`   ${reauditText(result.reaudit, lang)}`);
  if (result.findings.length === 0) lines.push(`   ${w.none}`);
  // Errors first, one line per cause with its findings under it, blank cells summarised (lib/present/views.ts).
  lines.push(...causeLines(result, lang, (table) => (table ? tableName(lang, table) : w.report)));
  if (result.anomalies?.length) {
    lines.push('', `  ${t(lang, 'anomalies', { count: result.anomalies.length })}`);
    for (const anomaly of result.anomalies) lines.push(`   · ${anomaly}`);
  }
  return lines;
}
