import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../lib/extract/normalize';
import { detectFormat } from '../../../lib/template/detect';

const detect = (labels: string[], year: number | null = null) => detectFormat(labels.map(normalizeText), year);

describe('detectFormat: the format from the labels, never from the year alone', () => {
  it('reads the 2019 active table by its columns', () => {
    expect(detect(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], 2022)).toEqual({ format: '2019', tableFormats: { active: '2019' } });
  });

  it('reads the 2021 active table by its columns, and the applications table by its （六） sub-rows', () => {
    expect(detect(['本年制发件数', '本年废止件数', '现行有效件数'])).toEqual({ format: '2021', tableFormats: { active: '2021' } });
    expect(detect(['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], 2020)).toEqual({ format: '2021', tableFormats: { applications: '2021' } });
  });

  it('keeps what each table says in a mixed report (洪泽区 2023: 2021 active table, 2019 （六）)', () => {
    expect(detect(['本年制发件数', '现行有效件数', '（六）其他处理'], 2023)).toEqual({ format: '2021', tableFormats: { active: '2021' } });
  });

  it('falls back on the year when the labels do not say, and on the oldest format without a year', () => {
    expect(detect(['予以公开'], 2023).format).toBe('2021');
    expect(detect(['予以公开'], 2020).format).toBe('2019');
    expect(detect(['予以公开'], null).format).toBe('2019');
  });
});
