import type { RenderedFinding, Severity } from '../model/finding';
import type { TableKey } from '../model/report';

export interface FindingGroup {
  table: TableKey | null;
  severity: Severity;
  /** Findings with their index in the result's list (what the page marks refer to). */
  items: { index: number; finding: RenderedFinding }[];
  /** Blank-cell warnings of this table, folded into one line. */
  blanks: { index: number; finding: RenderedFinding }[];
}

const TABLES: (TableKey | null)[] = [null, 'active', 'applications', 'appeals'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Findings grouped by table (report-level first) then severity, blank-cell warnings folded. */
export function groupFindings(findings: readonly RenderedFinding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const table of TABLES) {
    for (const severity of SEVERITIES) {
      const items = findings.map((finding, index) => ({ index, finding })).filter(({ finding }) => finding.table === table && finding.severity === severity);
      const blanks = items.filter(({ finding }) => finding.rule === 'cell.empty' || finding.rule === 'cell.none-mark');
      const rest = blanks.length > 1 ? items.filter((item) => !blanks.includes(item)) : items;
      if (items.length) groups.push({ table, severity, items: rest, blanks: blanks.length > 1 ? blanks : [] });
    }
  }
  return groups;
}

export function countBySeverity(findings: readonly RenderedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
