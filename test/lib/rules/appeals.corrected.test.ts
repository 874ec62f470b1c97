import { describe, expect, it } from 'vitest';
import { hongze2023, huaian2024 } from '../../fixtures/real-reports';
import { auditShape, flatten } from '../../support/audit';
import { ruleCases } from '../../support/rule-cases';
import { clone, setCell, type ReportData } from '../../support/report-data';

const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => f.rule === 'appeals.corrected'));

/** 结果纠正 of the three groups set, each group's 总计 kept equal to its parts. */
function corrected(data: ReportData, values: [number, number, number]): void {
  (['reconsideration', 'litigation.direct', 'litigation.after_reconsideration'] as const).forEach((row, i) => {
    setCell(data, 'appeals', row, 'corrected', values[i]!);
    const at = i * 5;
    data.appeals[at + 4] = (data.appeals.slice(at, at + 4) as number[]).reduce((a, b) => a + b, 0);
  });
}

describe('appeals.corrected', () => {
  ruleCases('appeals.corrected', {
    valid: [],
    invalid: [
      { name: 'no 结果纠正 anywhere: nothing to say', format: '2021', mutate: (data) => corrected(data, [0, 0, 0]), findings: [] },
      { name: 'one corrected reconsideration (2019)', format: '2019', mutate: (data) => corrected(data, [1, 0, 0]), findings: ['appeals.corrected appeals - corrected - 1'] },
      { name: 'corrected in every group: their sum', format: '2021', mutate: (data) => corrected(data, [2, 3, 4]), findings: ['appeals.corrected appeals - corrected - 9'] },
    ],
  });

  it('the real 洪泽区 2023 and 淮安市 2024: the count per group, in both languages', () => {
    expect(only(auditShape(hongze2023, 'word').findings)).toEqual(['appeals.corrected appeals - corrected - 1']);
    const { result, findings } = auditShape(huaian2024, 'cms');
    expect(only(findings)).toEqual(['appeals.corrected appeals - corrected - 69']);
    const found = result.findings.find((f) => f.rule === 'appeals.corrected')!;
    expect(found.severity).toBe('info');
    expect(found.message).toBe('表四“结果纠正”共 69 件：行政复议 64 件，未经复议直接起诉 4 件，复议后起诉 1 件（考核评估按复议纠错、诉讼败诉的件数扣分）');
    expect(found.cells.map((cell) => cell.row)).toEqual(['reconsideration', 'litigation.direct', 'litigation.after_reconsideration']);
  });

  it('a group without corrections names no cell of it', () => {
    const data = clone(huaian2024);
    corrected(data, [0, 4, 0]);
    const found = auditShape(data, 'word').findings.find((f) => f.rule === 'appeals.corrected')!;
    expect(found.cells.map((cell) => cell.row)).toEqual(['litigation.direct']);
    expect(found.data).toEqual({ reconsideration: 0, direct: 4, after: 0 });
  });
});
