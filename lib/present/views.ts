/**
 * Findings as a reader should meet them, for any front end that prints lines (the CLI): errors first,
 * one line per cause with its findings under it, blank cells as one summary line per table.
 */
import type { Lang } from '../i18n/lang';
import type { RenderedFinding, Severity } from '../model/finding';
import type { TableKey } from '../model/report';
import type { AuditResult } from '../model/result';
import { blankSummaries, blankSummaryText } from './blanks';
import { causeTitle, groupByCause, type CauseKind } from './cause';

export interface CauseView {
  kind: CauseKind;
  severity: Severity;
  table: TableKey | null;
  /** The cause's line (“「总计」列整列空白：21 条勾稽关系因此不符”), the blank summary, or null for a lone finding. */
  title: string | null;
  findings: RenderedFinding[];
}

export function causeViews(result: Pick<AuditResult, 'findings' | 'tables' | 'raw' | 'format'>, lang: Lang): CauseView[] {
  const summaries = blankSummaries(result.findings, result);
  return groupByCause(result.findings, result).map((group) => {
    const summary = group.kind === 'blank' ? summaries.find((s) => s.table === group.table) : undefined;
    return {
      kind: group.kind,
      severity: group.severity,
      table: group.table,
      title: summary ? blankSummaryText(summary, result.format, lang) : causeTitle(group, result.format, lang),
      findings: group.indexes.map((index) => result.findings[index]!),
    };
  });
}

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/**
 * The findings as indented text lines for a terminal: per table (report-level first), errors first,
 * a cause's line with its findings under it, blank cells as their summary line only. Places are
 * shown as the spec's keys in brackets (`[3.7/total]`), which docs/how-it-works.md's “Location codes” explains.
 */
export function causeLines(result: Pick<AuditResult, 'findings' | 'tables' | 'raw' | 'format'>, lang: Lang, heading: (table: TableKey | null) => string): string[] {
  const views = causeViews(result, lang);
  const lines: string[] = [];
  for (const table of [null, 'active', 'applications', 'appeals'] as const) {
    const here = views.filter((view) => view.table === table);
    if (here.length === 0) continue;
    lines.push('', `  ${heading(table)}`);
    for (const view of here) {
      if (view.title) lines.push(`   ${MARK[view.severity]} ${view.title}`);
      if (view.kind === 'blank') continue;
      const indent = view.title ? '     ' : '   ';
      for (const finding of view.findings) {
        const where = finding.row ? ` [${finding.row}${finding.column ? `/${finding.column}` : ''}]` : '';
        lines.push(`${indent}${MARK[finding.severity]} ${finding.rule}${where} ${finding.message}`);
      }
    }
  }
  return lines;
}
