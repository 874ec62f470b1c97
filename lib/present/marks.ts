import type { RenderedFinding, Severity } from '../model/finding';
import type { Report } from '../model/report';

export interface Mark {
  /** Source index of the marked element. */
  src: number;
  severity: Severity;
  messages: string[];
  /** Indexes into the findings list. */
  findings: number[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One mark per marked element: its worst severity and every message about it. */
export function marksOf(findings: readonly RenderedFinding[], srcOf: (index: number) => number | null | undefined): Mark[] {
  const marks = new Map<number, Mark>();
  findings.forEach((finding, index) => {
    if (finding.severity === 'info') return;
    const src = srcOf(index);
    if (src === null || src === undefined) return;
    const mark = marks.get(src) ?? { src, severity: finding.severity, messages: [], findings: [] };
    if (RANK[finding.severity] < RANK[mark.severity]) mark.severity = finding.severity;
    mark.messages.push(finding.message);
    mark.findings.push(index);
    marks.set(src, mark);
  });
  return [...marks.values()];
}

/** The elements of every cell a finding's relationship involves. */
export function relatedSources(report: Report, finding: RenderedFinding): number[] {
  const sources = finding.cells
    .filter((cell) => !cell.source) // a cell of last year's report is not on this page
    .map((cell) => report.tables[cell.table]?.[cell.row]?.[cell.column]?.src)
    .filter((src): src is number => typeof src === 'number');
  return [...new Set(sources)];
}

/** The element of the cell most likely to be the mistake behind a finding, if one is named. */
export function suspectSource(report: Report, finding: RenderedFinding | undefined): number | null {
  const cell = finding?.suspect;
  const src = cell ? report.tables[cell.table]?.[cell.row]?.[cell.column]?.src : null;
  return typeof src === 'number' ? src : null;
}
