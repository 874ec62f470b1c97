import { describe, expect, it } from 'vitest';
import { pickBaseline, recordOfContent } from '../../../lib/record/baseline';

const rec = (source: string, agency: string | null, year: number | null, sha: string, auditedAt: string) => ({ source, agency, year, sha256: sha.repeat(64), auditedAt });

describe('which record a re-audit compares with', () => {
  const records = [
    rec('https://a.gov.cn/2023nb.html', '测试县交通运输局', 2023, 'a', '2024-01-20T00:00:00Z'),
    rec('https://a.gov.cn/2023nb.html', '测试县交通运输局', 2023, 'b', '2024-01-25T00:00:00Z'),
    rec('https://a.gov.cn/art/9.html', '测试县交通运输局', 2023, 'c', '2024-01-27T00:00:00Z'),
    rec('https://a.gov.cn/2023nb.html', '测试县交通运输局', 2022, 'd', '2024-01-28T00:00:00Z'),
    rec('https://a.gov.cn/x.html', '测试县人民政府', 2023, 'e', '2024-01-29T00:00:00Z'),
  ];

  it('the newest record of the same address or the same agency and year, made from other content', () => {
    expect(pickBaseline(records, { source: 'https://a.gov.cn/2023nb.html#p', agency: '测试县交通运输局', year: 2023, sha256: 'b'.repeat(64) })?.sha256).toBe('c'.repeat(64));
    expect(pickBaseline(records, { source: 'https://a.gov.cn/2023nb.html', agency: null, year: 2023, sha256: 'b'.repeat(64) })?.sha256).toBe('a'.repeat(64));
    expect(pickBaseline(records, { source: 'https://a.gov.cn/new.html', agency: '测试县交通运输局', year: 2024, sha256: 'f'.repeat(64) })).toBeNull();
    expect(pickBaseline(records, { source: 'https://a.gov.cn/y.html', agency: '测试县人民政府办公室', year: 2023, sha256: 'f'.repeat(64) })).toBeNull();
  });

  it('an unchanged report is found as its own record, not re-audited against it', () => {
    const current = { source: 'https://a.gov.cn/x.html', agency: '测试县人民政府', year: 2023, sha256: 'e'.repeat(64) };
    expect(pickBaseline(records, current)).toBeNull();
    expect(recordOfContent(records, current)?.auditedAt).toBe('2024-01-29T00:00:00Z');
  });
});
