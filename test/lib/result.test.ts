import { describe, expect, it } from 'vitest';
import { auditResultSchema } from '../../lib/model/result';
import { internalError, internalErrors, resultIn } from '../../lib/result';
import { auditShape } from '../support/audit';
import { consistentReport, setCell } from '../support/report-data';

const audited = () => {
  const data = consistentReport('2019', 2);
  setCell(data, 'applications', '1', 'total', '左栏所有总计');
  const { report, findings, source, checks } = auditShape(data, 'cms');
  return { report, findings, source, checks, anomalies: [] as string[] };
};

describe('the audit result', () => {
  it('keeps extraction anomalies, the first hundred and a count past that', () => {
    const base = audited();
    const report = { ...base.report, anomalies: Array.from({ length: 130 }, (_, i) => `table ${i}: colspan="0" read as 1`) };
    const result = resultIn({ ...base, report }, 'zh');
    expect(result.anomalies).toHaveLength(101);
    expect(result.anomalies!.at(-1)).toBe('… 30 more');
    expect(auditResultSchema.safeParse(result).success).toBe(true);
    expect(resultIn({ ...base, report: { ...report, anomalies: [] } }, 'zh')).not.toHaveProperty('anomalies');
  });

  it('never caps away an internal error, and names it', () => {
    const base = audited();
    const report = { ...base.report, anomalies: Array.from({ length: 130 }, (_, i) => `row ${i}: extra values ignored`) };
    const result = resultIn({ ...base, report, anomalies: [internalError('rule appeals.total', new TypeError('boom'))] }, 'zh');
    expect(internalErrors(result)).toEqual(['internal error in rule appeals.total: TypeError: boom']);
  });

  it('keeps raw text only where a cell is not a bare number', () => {
    const result = resultIn(audited(), 'zh');
    expect(result.raw.applications?.['1']).toEqual({ total: '左栏所有总计' });
    expect(result.raw.applications?.['2']).toBeUndefined();
  });

  it('renders the same findings in another language from their ids, leaving the data alone', () => {
    const base = audited();
    const zh = resultIn(base, 'zh');
    const en = resultIn(base, 'en');
    expect(en.findings.map((f) => f.rule)).toEqual(zh.findings.map((f) => f.rule));
    expect(en.findings[0]!.message).not.toBe(zh.findings[0]!.message);
    expect({ ...en, findings: [] }).toEqual({ ...zh, findings: [] });
  });
});
