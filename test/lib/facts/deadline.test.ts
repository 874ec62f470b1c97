import { describe, expect, it } from 'vitest';
import { agencyKind } from '../../../lib/facts/agency';
import { deadlineOf, deadlineVerdict } from '../../../lib/facts/deadline';

const report = (agency: string | null, texts: string[] = []) => ({ agency, texts: texts.map((text) => ({ text, src: 0 })) });

describe('the deadline that applies', () => {
  it('tells a people’s government’s own report from a department’s', () => {
    expect(['洪泽区人民政府', '淮安市人民政府', '某某经济开发区管委会', '某某高新区管理委员会', '洪泽区', '某某县'].map((a) => agencyKind(report(a)))).toEqual(Array(6).fill('government'));
    expect(['测试市示例局', '区行政审批局', '洪泽区人民政府办公室', '市发展和改革委员会', '市政务服务中心', '市卫健委', '区政务公开办', '市人民政府国有资产监督管理委员会', '市城市管理委员会'].map((a) => agencyKind(report(a)))).toEqual(Array(9).fill('department'));
    expect(agencyKind(report(null, ['本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》规定编制。']))).toBe('government');
    expect(agencyKind(report('某某街道办事处'))).toBe('unknown');
    expect(agencyKind(report('经开'))).toBe('unknown');
  });

  it('applies 条例 第四十九条 from reports on 2019 on, 3月31日 for all before', () => {
    expect(deadlineOf(2023, 'department')).toEqual({ date: '2024-01-31', basis: 'deadline.department' });
    expect(deadlineOf(2023, 'government')).toEqual({ date: '2024-03-31', basis: 'deadline.government' });
    expect(deadlineOf(2023, 'unknown')).toEqual({ date: '2024-03-31', basis: 'deadline.unknown' });
    expect(deadlineOf(2018, 'department')).toEqual({ date: '2019-03-31', basis: 'deadline.before-2019' });
    expect(deadlineOf(2019, 'department')).toEqual({ date: '2020-01-31', basis: 'deadline.department' });
  });


  const dated = (agency: string, publishedAt: string | null, source: 'site' | 'list' | 'signature' | 'document-metadata' | null, year = 2020) =>
    ({ isReport: true, year, agency, texts: [], publishedAt, publishedAtSource: source });

  it('judges a 管委会 by 3月31日 (its four reports, published 2021-03-22 … 2026-03-20, were once 逾期 in the summary)', () => {
    expect([[2020, '2021-03-22'], [2023, '2024-03-15'], [2024, '2025-03-10'], [2025, '2026-03-20']].map(([year, date]) =>
      deadlineVerdict(dated('平潭综合实验区管委会', date as string, 'site', year as number))?.status)).toEqual(['kept', 'kept', 'kept', 'kept']);
    expect(deadlineVerdict(dated('平潭综合实验区管委会', '2021-04-01', 'list'))).toEqual({ date: '2021-03-31', basis: 'deadline.government', status: 'missed' });
  });

  it('takes the kind a list of the units that must publish gives over the one the name suggests', () => {
    expect(agencyKind({ ...report('某某街道办事处'), listedKind: 'department' })).toBe('department');
    expect(agencyKind({ ...report('测试市示例局'), listedKind: 'government' })).toBe('government');
    expect(deadlineVerdict({ ...dated('某某街道办事处', '2021-02-10', 'site'), listedKind: 'department' })).toEqual({ date: '2021-01-31', basis: 'deadline.listed-department', status: 'missed' });
    expect(deadlineVerdict({ ...dated('某某街道办事处', '2021-02-10', 'site') })).toEqual({ date: '2021-03-31', basis: 'deadline.unknown', status: 'kept' });
  });

  it('cannot judge without a date, from a document\'s creation date alone, or from a date before the year ended', () => {
    expect(deadlineVerdict(dated('某市示例局', null, null))?.status).toBeNull();
    expect(deadlineVerdict(dated('某市示例局', '2021-06-01', 'document-metadata'))).toEqual({ date: '2021-01-31', basis: 'deadline.department', status: null });
    expect(deadlineVerdict(dated('某市示例局', '2020-12-30', 'signature'))?.status).toBeNull();
    expect(deadlineVerdict({ ...dated('某市示例局', '2021-02-01', 'site'), year: null })).toBeNull();
  });
});
