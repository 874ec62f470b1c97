import { describe, expect, it } from 'vitest';
import { statedPeriodYear } from '../../../lib/template/meta';
import { hongze2023, huaian2024 } from '../../fixtures/real-reports';
import { flatten } from '../../support/audit';
import { clone } from '../../support/report-data';
import { auditEdited, PROSE } from './edited-page';

const SHAPES = ['word', 'cms', 'lines', 'tsv'] as const;
const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => f.rule === 'report.year-mismatch'));
/** The opening of 淮安市 2024 and 洪泽区 2023 as published. */
const HUAIAN = '本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）规定编制。报告所列统计期限自2024年1月1日至2024年12月31日。';
const HONGZE = '本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）要求编制此报告。报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。';

describe('report.year-mismatch', () => {
  it('reads the statistics period as reports write it', () => {
    expect(statedPeriodYear(HUAIAN)).toBe(2024);
    expect(statedPeriodYear(HONGZE)).toBe(2023);
    expect(statedPeriodYear('所列数据统计期限从2020年1月1日起至2020年12月31日止。')).toBe(2020); // seed 003
    expect(statedPeriodYear('本报告中所列数据的统计时限为 2022 年 1 月 1 日至 2022 年 12 月 31 日')).toBe(2022);
    expect(statedPeriodYear('统计期限自2022年1月1日至2023年6月30日')).toBeNull(); // not a calendar year: no claim
    expect(statedPeriodYear('2023年1月1日起施行')).toBeNull();
  });

  it.each(SHAPES)('%s: the published openings agree with their titles', (shape) => {
    expect(only(auditEdited(huaian2024, shape, [[PROSE.overview, HUAIAN]]).findings)).toEqual([]);
    expect(only(auditEdited(hongze2023, shape, [[PROSE.overview, HONGZE]]).findings)).toEqual([]);
  });

  it.each(SHAPES)('%s: last year’s period left in the text under this year’s title', (shape) => {
    const { findings, result } = auditEdited(huaian2024, shape, [[PROSE.overview, HUAIAN.replace(/2024/g, '2023')]]);
    expect(only(findings)).toEqual(['report.year-mismatch - - - 2024 2023']);
    expect(result.findings.find((f) => f.rule === 'report.year-mismatch')?.message).toBe('标题所写年度为 2024 年，正文所述数据统计期限却是 2023 年：“报告所列统计期限自2023年1月1日至2023年12月31日。”');
  });

  it('a title year that disagrees with the period (the title is the one changed)', () => {
    const data = { ...clone(hongze2023), title: '洪泽区人民政府2022年政府信息公开工作年度报告' };
    expect(only(auditEdited(data, 'cms', [[PROSE.overview, HONGZE]]).findings)).toEqual(['report.year-mismatch - - - 2022 2023']);
  });
});
