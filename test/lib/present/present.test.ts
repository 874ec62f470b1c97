import { describe, expect, it } from 'vitest';
import { countBySeverity, groupFindings } from '../../../lib/present/group';
import { marksOf } from '../../../lib/present/marks';
import { relatedAnchors, suspectAnchor } from '../../../lib/present/anchors';
import { auditShape } from '../../support/audit';
import { consistentReport, setCell } from '../../support/report-data';

function sample() {
  const data = consistentReport('2021', 6);
  setCell(data, 'appeals', 'reconsideration', 'total', 99);
  setCell(data, 'appeals', 'litigation.direct', 'upheld', '');
  setCell(data, 'appeals', 'litigation.direct', 'other', '');
  setCell(data, 'active', '6.penalty', 'decisions', '—');
  return auditShape(data, 'cms');
}

describe('presentation helpers', () => {
  const audit = sample();
  const findings = audit.result.findings;

  // Blanking two cells of litigation.direct also breaks its total: a second error, as the rules say.
  it('groups by table then severity and folds blank-cell warnings', () => {
    const groups = groupFindings(audit.result.findings);
    expect(groups.map((g) => `${g.table}:${g.severity}:${g.items.length}+${g.blanks.length}`)).toEqual([
      'active:warning:1+0',
      'appeals:error:2+0',
      'appeals:warning:0+2',
      'appeals:info:1+0', // 结果纠正 above 0 (appeals.corrected)
    ]);
    expect(countBySeverity(audit.result.findings)).toEqual({ error: 2, warning: 3, info: 1 });
  });

  it('makes one mark per cell with its worst severity, and finds the relationship cells', () => {
    const marks = marksOf(findings, { blanks: true });
    expect(marks.map((m) => m.severity).sort()).toEqual(['error', 'error', 'warning', 'warning', 'warning']);
    // Blank and none-mark cells are marked only when the auditor asks.
    expect(marksOf(findings).map((m) => m.severity).sort()).toEqual(['error', 'error']);
    const total = findings.findIndex((f) => f.rule === 'appeals.total');
    expect(relatedAnchors(audit.report, findings[total]!)).toHaveLength(5);
  });

  it('points at the element of the likely culprit only when one is named', () => {
    const total = findings.findIndex((f) => f.rule === 'appeals.total');
    // 总计 99 against a smaller sum: raising any part fits as well as lowering the total, so nobody is named.
    expect(suspectAnchor(audit.report, findings[total])).toBeUndefined();
    const data = consistentReport('2021', 6);
    data.appeals = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const hongze = auditShape(data, 'cms');
    const finding = hongze.result.findings.find((f) => f.rule === 'appeals.total')!;
    const src = hongze.report.tables.appeals!.reconsideration!.total!.src;
    expect(typeof src).toBe('number');
    expect(suspectAnchor(hongze.report, finding)).toEqual({ kind: 'element', src });
    expect(suspectAnchor(hongze.report, undefined)).toBeUndefined();
  });
});
