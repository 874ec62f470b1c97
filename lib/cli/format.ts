import type { Lang } from '../i18n/render';
import { ruleTitle } from '../i18n/render';
import { t } from '../i18n/ui';
import type { RenderedFinding } from '../model/finding';
import type { AuditResult } from '../model/result';
import { tableName } from '../i18n/labels';
import type { TableKey } from '../model/report';
import { internalErrors } from '../result';
import { say } from './messages';
import { terminalSafe } from './terminal';

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;
const WORDS = {
  zh: { report: '报告', none: '未发现问题', notReport: '不是年度报告', errors: '错误', warnings: '警告', blank: '个空白单元格按 0 计算', format: '格式' },
  en: { report: 'Report', none: 'no problems found', notReport: 'not an annual report', errors: 'errors', warnings: 'warnings', blank: 'blank cells read as 0', format: 'format' },
};

/**
 * The readable, grouped form of one result (blank-cell warnings folded into one line per table).
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
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  lines.push(`   ${errors} ${w.errors}, ${warnings} ${w.warnings}`);
  if (result.findings.length === 0) lines.push(`   ${w.none}`);
  const groups = new Map<string, RenderedFinding[]>();
  for (const finding of result.findings) {
    const key = finding.table ?? 'report';
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  for (const [table, findings] of groups) {
    lines.push('', `  ${table === 'report' ? w.report : tableName(lang, table as TableKey)}`);
    const blanks = findings.filter((f) => f.rule === 'cell.empty');
    for (const finding of findings) {
      if (finding.rule === 'cell.empty' && blanks.length > 3) continue;
      const where = finding.row ? ` [${finding.row}${finding.column ? `/${finding.column}` : ''}]` : '';
      lines.push(`   ${MARK[finding.severity]} ${finding.rule}${where} ${finding.message}`);
    }
    if (blanks.length > 3) lines.push(`   ${MARK.warning} cell.empty ${blanks.length} ${w.blank} (${ruleTitle('cell.empty', lang)})`);
  }
  if (result.anomalies?.length) {
    lines.push('', `  ${t(lang, 'anomalies', { count: result.anomalies.length })}`);
    for (const anomaly of result.anomalies) lines.push(`   · ${anomaly}`);
  }
  return lines;
}
