import { describe, expect, it } from 'vitest';
import { checkRelation, impliedValue } from '../../../lib/rules/relations';
import { relationsOf } from '../../../lib/template/model';
import { auditShape } from '../../support/audit';
import { consistentReport, setCell } from '../../support/report-data';

const report = (change: (d: ReturnType<typeof consistentReport>) => void) => {
  const data = consistentReport('2021', 31);
  change(data);
  return auditShape(data, 'cms').report;
};

describe('relations: the template’s 勾稽关系 checked on a report', () => {
  it('checks a row relation in every row, and says which cells, sums and values it read', () => {
    const r = report((d) => setCell(d, 'appeals', 'reconsideration', 'total', 99));
    const [total] = relationsOf('2021', 'appeals');
    const checks = checkRelation(r, 'appeals', total!);
    expect(checks.map((c) => [c.at, c.holds])).toEqual([['reconsideration', false], ['litigation.direct', true], ['litigation.after_reconsideration', true]]);
    expect(checks[0]).toMatchObject({ leftSum: 99, left: [{ row: 'reconsideration', column: 'total' }] });
    expect(checks[0]!.right.map((c) => c.column)).toEqual(['upheld', 'corrected', 'other', 'pending']);
  });

  it('lets （六） give way to its sub-rows in the results total, and skips a relation whose cell holds no number', () => {
    const r = report((d) => setCell(d, 'applications', '3.1', 'natural', '见附件'));
    const results = relationsOf('2021', 'applications', 'applications.results-total')[0]!;
    const checks = checkRelation(r, 'applications', results);
    expect(checks.map((c) => c.at)).not.toContain('natural');
    expect(checks[0]!.right.map((c) => c.row)).toContain('3.6.1');
    expect(checks[0]!.right.map((c) => c.row)).not.toContain('3.6');
  });

  it('implies the value of a total that holds template text (左栏所有总计) from its row', () => {
    const data = consistentReport('2021', 31);
    setCell(data, 'applications', '1', 'total', '左栏所有总计');
    const r = auditShape(data, 'cms').report;
    const parts = ['natural', 'commercial', 'research', 'social', 'legal', 'other'].map((c) => r.tables.applications!['1']![c]!.value!);
    expect(impliedValue(r, { table: 'applications', row: '1', column: 'total' })).toBe(parts.reduce((a, b) => a + b, 0));
    expect(impliedValue(r, { table: 'active', row: '1.normative', column: 'issued' })).toBeNull();
  });
});
