import { describe, expect, it } from 'vitest';
import { readMemory, remember, rememberedPrevious } from '../../../lib/batch/memory';
import type { PreviousReport } from '../../../lib/model/report';

const snap = (source: string, agency: string | null, year: number | null, texts: string[] = []): PreviousReport => ({
  source, agency, year, format: '2021', tables: {}, texts,
});

describe('remembered reports', () => {
  it('keeps one report per agency-year, the newest, with when it was audited', () => {
    let memory = remember([], snap('http://a.gov.cn/1', '平潭综合实验区管委会', 2021), new Date('2024-02-01T00:00:00Z'));
    memory = remember(memory, snap('http://a.gov.cn/2', '平潭综合实验区', 2021), new Date('2024-02-02T00:00:00Z'));
    memory = remember(memory, snap('http://a.gov.cn/3', '平潭综合实验区', 2020));
    memory = remember(memory, snap('http://a.gov.cn/4', null, 2020));
    expect(memory.map((s) => s.source)).toEqual(['http://a.gov.cn/2', 'http://a.gov.cn/3']);
    expect(memory[0]!.auditedAt).toBe('2024-02-02T00:00:00.000Z');
  });

  it('finds last year of the same agency, never another agency nor the page itself', () => {
    const memory = [snap('http://a.gov.cn/1', '闽侯县人民政府', 2021), snap('http://a.gov.cn/2', '闽侯县人民政府办公室', 2021)];
    const report = { isReport: true, agency: '闽侯县政府办', year: 2022 };
    expect(rememberedPrevious(memory, report, 'http://a.gov.cn/9')?.source).toBe('http://a.gov.cn/2');
    expect(rememberedPrevious(memory, { ...report, year: 2023 }, 'http://a.gov.cn/9')).toBeNull();
    expect(rememberedPrevious(memory, { ...report, agency: '闽侯县人民政府', year: 2022 }, 'http://a.gov.cn/9')?.source).toBe('http://a.gov.cn/1');
    expect(rememberedPrevious([snap('http://a.gov.cn/x', '闽侯县人民政府', 2021)], { isReport: true, agency: '闽侯县人民政府', year: 2022 }, 'http://a.gov.cn/x')).toBeNull();
  });

  it('drops malformed storage and bounds the prose kept', () => {
    expect(readMemory([{ source: 1 }])).toEqual([]);
    expect(readMemory('x')).toEqual([]);
    const long = remember([], snap('s', 'A局', 2021, ['字'.repeat(40_000), '更多']));
    expect(long[0]!.texts.join('').length).toBe(30_000);
  });
});
