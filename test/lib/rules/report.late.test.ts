import { describe, expect, it } from 'vitest';
import { hongze2024, huaian2024 } from '../../fixtures/real-reports';
import { flatten } from '../../support/audit';
import { clone, consistentReport } from '../../support/report-data';
import { auditEdited } from './edited-page';

const SHAPES = ['word', 'cms', 'nested', 'lines'] as const;
const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => f.rule === 'report.late'));

describe('report.late', () => {
  it.each(SHAPES)('%s: on time as published (洪泽区 2024-01-31 and 2025-01-24, 淮安市 2025-01-20, a department in January)', (shape) => {
    expect(only(auditEdited(hongze2024, shape).findings)).toEqual([]);
    expect(only(auditEdited(huaian2024, shape).findings)).toEqual([]);
    expect(only(auditEdited(consistentReport('2021', 31), shape).findings)).toEqual([]);
  });

  it.each(SHAPES)('%s: a department’s report published in February is late (1月31日)', (shape) => {
    const data = clone(consistentReport('2021', 31));
    const year = Number(/(\d{4})年/.exec(data.title)![1]);
    data.published = `${year + 1}-02-15`;
    const { findings, result } = auditEdited(data, shape);
    expect(only(findings)).toEqual([`report.late - - - ${year + 1}-01-31 ${year + 1}-02-15`]);
    expect(result.findings.find((f) => f.rule === 'report.late')?.message).toBe(
      `“测试市示例局”的年度报告于 ${year + 1}-02-15 发布，晚于法定期限 ${year + 1}-01-31：按政府部门的年度报告计，应于次年1月31日前公布（《中华人民共和国政府信息公开条例》第四十九条）`,
    );
  });

  it.each(SHAPES)('%s: a government’s report in February is on time; in April it is late (3月31日)', (shape) => {
    const february = { ...clone(hongze2024), published: '2025-02-15' };
    expect(only(auditEdited(february, shape).findings)).toEqual([]);
    const april = { ...clone(hongze2024), published: '2025-04-08' };
    const { findings, result } = auditEdited(april, shape);
    expect(only(findings)).toEqual(['report.late - - - 2025-03-31 2025-04-08']);
    expect(result.findings.find((f) => f.rule === 'report.late')?.message).toContain('按人民政府本级的年度报告计，应于次年3月31日前公布');
  });

  it('says which deadline applied in English too', async () => {
    const { auditHtml } = await import('../../support/audit');
    const { renderHtml } = await import('../../support/render');
    const { result } = auditHtml(renderHtml({ ...clone(hongze2024), published: '2025-04-08' }, 'cms'), { lang: 'en' });
    expect(result.findings.find((f) => f.rule === 'report.late')?.message).toBe(
      'The report of “洪泽区人民政府” was published on 2025-04-08, after the legal deadline of 2025-03-31: as a people’s government’s own report it is due by 31 March of the following year (Regulations on the Disclosure of Government Information, art. 49)',
    );
  });
});
