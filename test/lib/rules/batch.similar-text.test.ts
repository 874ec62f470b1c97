import { describe, expect, it } from 'vitest';
import { auditBatch, auditPrepared } from '../../../lib/batch/audit-batch';
import { flatten } from '../../support/audit';
import { COUNTY, COUNTY_COPIES } from '../../support/column-site';
import { preparedColumn } from '../../support/column-batch';

const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => f.rule === 'batch.similar-text'));

describe('batch.similar-text', () => {
  const prepared = preparedColumn();
  const { results } = auditBatch(prepared);
  const byAgency = (agency: string) => results[COUNTY.findIndex((spec) => spec.agency === agency)]!;

  it('states the copy on each report of the cluster (two units copying a third), naming the other two and the share', () => {
    expect(only(byAgency(COUNTY_COPIES.original).findings)).toEqual(['batch.similar-text - - - 70 100']);
    expect(only(byAgency(COUNTY_COPIES.copies[0]!).findings)).toEqual(['batch.similar-text - - - 70 92']);
    expect(only(byAgency(COUNTY_COPIES.copies[1]!).findings)).toEqual(['batch.similar-text - - - 70 93']);
    const message = byAgency(COUNTY_COPIES.copies[0]!).findings.find((f) => f.rule === 'batch.similar-text')!.message;
    expect(message).toMatch(/^正文有 92% 与「测试县人力资源和社会保障局」、「测试县卫生健康委员会」的报告雷同（超过 70%；机关名称、数字和模板语句不计），例如：“.*测试县自然资源局/);
  });

  it('says nothing of the units that wrote their own', () => {
    for (const spec of COUNTY.filter((s) => s.agency !== COUNTY_COPIES.original && !COUNTY_COPIES.copies.includes(s.agency))) {
      expect(only(byAgency(spec.agency).findings), spec.agency).toEqual([]);
    }
  });

  it('needs the batch: a report audited alone has no other unit to be compared with', () => {
    expect(only(auditPrepared(prepared[5]!)!.result.findings)).toEqual([]);
  });
});
