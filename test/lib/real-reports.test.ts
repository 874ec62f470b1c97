import { describe, expect, it } from 'vitest';
import { hongze2023, hongze2024, huaian2024 } from '../fixtures/real-reports';
import { auditShape, flatten, misread } from '../support/audit';

const SHAPES = ['word', 'cms', 'split-repeat', 'nested', 'tsv'] as const;

describe('real published reports (../shared/fixtures/real), rendered in real-site shapes', () => {
  // rules.md judges report.outdated-format per table: the 2019 single （六）其他处理 row in a 2023/2024
  // report is flagged on the applications table (a warning; the arithmetic stays clean).
  it.each(SHAPES)('洪泽区 2023 (%s): both wrong 行政复议/复议后起诉 totals, and the single （六） row is the 2019 format', (shape) => {
    const { result, findings } = auditShape(hongze2023, shape);
    expect(result).toMatchObject({ report: true, format: '2021', year: 2023, agency: '洪泽区人民政府' });
    expect(misread(result, hongze2023)).toEqual([]);
    expect(flatten(findings)).toEqual([
      'appeals.corrected appeals - corrected - 1', // 行政复议 结果纠正 1
      'appeals.total appeals litigation.after_reconsideration total 5 0',
      'appeals.total appeals reconsideration total 11 0',
      'report.outdated-format applications 3.6 - 2021 2019',
    ]);
  });

  it.each(SHAPES)('洪泽区 2024 (%s): consistent, the label typo accepted, the single （六） row the only warning', (shape) => {
    const { result, findings } = auditShape(hongze2024, shape);
    expect(misread(result, hongze2024)).toEqual([]);
    expect(flatten(findings)).toEqual(['appeals.corrected appeals - corrected - 1', 'report.outdated-format applications 3.6 - 2021 2019']);
    expect(result.tables.applications?.['3.3.2']?.total).toBe(0);
  });

  it.each(SHAPES)('淮安市 2024 (%s): clean tables, 3119 + 34 = 3050 + 103', (shape) => {
    const { result } = auditShape(huaian2024, shape);
    expect(misread(result, huaian2024)).toEqual([]);
    // Clean tables; 64 + 4 + 1 decisions corrected on review or lost in court, stated as an info.
    expect(flatten(result.findings)).toEqual(['appeals.corrected appeals - corrected - 69']);
    expect(result.tables.applications?.['3.6.3']?.total).toBe(110);
  });
});
