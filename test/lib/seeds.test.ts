import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/audit';
import { flatten } from '../support/audit';
import { sharedPath } from '../support/shared';

const seed = (name: string) => auditText(readFileSync(sharedPath('seeds', name), 'utf8'), { source: name });

describe('seed reports (2020, 2019 format)', () => {
  it('000 社会事业管理局: consistent, −5469 read as a signed change', () => {
    const { result } = seed('000_543bbcdbfb9939df.txt');
    expect(result).toMatchObject({ report: true, format: '2019', year: 2020, agency: '社会事业管理局' });
    // The dump carries no date (no 发布日期, none under the title or the signature): that alone is said.
    expect(flatten(result.findings)).toEqual(['report.date-missing - - - - -']);
    expect(result.tables.active?.['5.license']).toEqual({ previous: 5479, change: -5469, decisions: 0 });
    expect(result.tables.active?.['1.regulations']?.cumulative).toBe(0); // “[bookmark: _GoBack]0”
  });

  it('001 经开: every template text is a cell.placeholder on its cell, plus text and year warnings', () => {
    const { result, findings } = seed('001_8d9cbd73003ec48a.txt');
    expect(result.year).toBe(2020); // from the body; the title has none
    expect(flatten(findings.filter((f) => f.severity === 'error'))).toEqual([
      'cell.placeholder active 1.normative cumulative - 0',
      'cell.placeholder active 1.regulations cumulative - 0',
      'cell.placeholder active 5.license decisions - -',
      'cell.placeholder active 5.other_services decisions - 100290',
      'cell.placeholder active 6.enforcement change - 0',
      'cell.placeholder active 6.enforcement decisions - 0',
      'cell.placeholder active 6.enforcement previous - 0',
      'cell.placeholder active 8.fees change - -',
      'cell.placeholder active 8.fees previous - 0',
      'cell.placeholder active 9.procurement amount - 0',
      'cell.placeholder active 9.procurement projects - 0',
      'cell.placeholder applications 1 total 0 -',
      'cell.placeholder applications 2 total 0 -',
      'cell.placeholder applications 3.1 total 0 -',
    ]);
    const warnings = findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((f) => f.rule).sort()).toEqual([
      'report.section-missing', 'report.year-missing',
      'text.placeholder', 'text.placeholder', 'text.placeholder', 'text.placeholder', 'text.placeholder',
    ]);
    expect(warnings.filter((f) => f.rule === 'text.placeholder').map((f) => f.data?.phrase)).toEqual([
      '规章:地方行政规章指', '规范性文件:是指', '上一年项目数量2019年', '勾稽关系为:第一项加第二项之和,等于第三项加第四项之和):指', '建议咨询本级司法',
    ]);
    expect(warnings.find((f) => f.rule === 'report.section-missing')?.data).toEqual({ part: 6 });
    expect(result.raw.applications?.['1']?.total).toBe('左栏所有总计');
  });

  it('002 区行政审批局: a clean report, 90 applications all disclosed', () => {
    const { result } = seed('002_0c9827e6b67986f5.txt');
    expect(result).toMatchObject({ report: true, year: 2020, agency: '区行政审批局', publishedAt: null });
    expect(flatten(result.findings)).toEqual(['report.date-missing - - - - -']);
    expect(result.tables.applications?.['1']?.total).toBe(90);
    expect(result.tables.applications?.['3.1']?.natural).toBe(90);
    expect(result.tables.active?.['5.license']).toEqual({ previous: 110, change: -16, decisions: 36896 });
  });

  it('003 西工区文化旅游局: read despite 社会组织, the misplaced （五） label and the short row', () => {
    const { result, findings } = seed('003_864908085ec3dcf1.txt');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(flatten(findings)).toEqual(['cell.empty applications 3.4.1 total - -', 'report.date-missing - - - - -']);
    expect(Object.keys(result.tables.applications ?? {})).toHaveLength(23);
    expect(result.tables.applications?.['3.5.2']).toBeDefined();
    expect(result.tables.active?.['5.license']).toEqual({ previous: 5, change: 6, decisions: 20 });
  });

  it('004 绿园区民政局: consistent; the extra “（或本部门）” row is a warning, not an error', () => {
    const { findings } = seed('004_c3fcc36b9cf6fff1.txt');
    expect(flatten(findings)).toEqual(['report.row-unknown active - - - -', 'text.placeholder - - - - -']);
    expect(seed('004_c3fcc36b9cf6fff1.txt').result.publishedAt).toBe('2021-01-14'); // the date under the signature
  });
});
