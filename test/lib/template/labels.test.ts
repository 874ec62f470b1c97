import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../lib/extract/normalize';
import { buildLabelIndex, lookupLabel, similarity } from '../../../lib/template/labels';
import { FORMATS } from '../../../lib/template/model';
import type { TableKey } from '../../../lib/model/report';

const INDEX = { '2019': buildLabelIndex(FORMATS['2019']), '2021': buildLabelIndex(FORMATS['2021']) };

/** What a cell's text is taken for: 'table row KEY', 'table header [column]', or null. */
function read(text: string, context: TableKey | null = null, format: '2019' | '2021' = '2021'): string | null {
  const entry = lookupLabel(INDEX[format], normalizeText(text), context);
  if (!entry) return null;
  return entry.kind === 'row' ? `${entry.table} row ${entry.row!.key}` : `${entry.table} header ${entry.column ?? entry.row?.key ?? '-'}`;
}

describe('lookupLabel: what a cell of the page stands for', () => {
  it.each([
    ['一、本年新收政府信息公开申请数量', null, 'applications row 1'],
    ['（一）予以公开', null, 'applications row 3.1'],
    ['1.属于国家秘密', null, 'applications row 3.3.1'],
    ['（七）总计', 'applications', 'applications row 3.7'],
    ['总计', 'applications', 'applications header total'],
    ['3.其他', 'applications', 'applications row 3.6.3'],
    ['其他', 'applications', 'applications header other'],
    ['行政复议', null, 'appeals header reconsideration'],
    ['现行有效件数', null, 'active header in_force'],
    ['规范性文件', null, 'active row 1.normative'],
  ] as const)('%s (in %s) → %s', (text, context, expected) => {
    expect(read(text, context)).toBe(expected);
  });

  it('needs the ordinal where the body alone is ambiguous, and the table where a header is shared', () => {
    expect(read('（六）总计', 'applications')).toBe('applications header total'); // not （七）: the header 总计, never row 3.7
    expect(read('总计', null)).toBe(null); // 总计 outside a table names nothing
  });

  it('reads a label followed by a note, and a group written with its first sub-row', () => {
    expect(read('规章：地方行政规章指各省、自治区、直辖市的人民政府制定的规章')).toBe('active row 1.regulations');
    expect(read('（三）不予公开 1.属于国家秘密')).toBe('applications row 3.3.1');
    expect(read('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).toBe('applications header -');
  });

  it('forgives one mistyped character in a long label, but not in a short one or in prose', () => {
    expect(read('2.其他法律行政止公开')).toBe('applications row 3.3.2'); // the real 洪泽区 typo
    expect(read('规张')).toBe(null);
    expect(read(`本机关不掌握相关政府信息${'的情况说明'.repeat(30)}`)).toBe(null);
  });

  it('scores similarity by shared character pairs', () => {
    expect(similarity('予以公开', '予以公开')).toBe(1);
    expect(similarity('abcd', 'wxyz')).toBe(0);
    expect(similarity('其他法律行政法规禁止公开', '其他法律行政止公开')).toBeGreaterThan(0.7);
  });
});

describe('lookupLabel keeps its answers', () => {
  it('answers a text the same the second time, per table being read, as a fresh index does the first time', () => {
    const texts = ['（一）予以公开', '总计', '其他', '行政复议', '先行有效件数', '其他法律行政法规禁止公开', '本报告', '0'].map(normalizeText);
    const contexts: (TableKey | null)[] = [null, 'applications', 'active', 'appeals'];
    const kept = buildLabelIndex(FORMATS['2021']);
    for (const text of texts) {
      for (const context of contexts) {
        const first = lookupLabel(kept, text, context);
        expect(lookupLabel(kept, text, context)).toBe(first);
        expect(lookupLabel(buildLabelIndex(FORMATS['2021']), text, context)).toEqual(first);
      }
    }
    expect(lookupLabel(kept, normalizeText('总计'), 'applications')).not.toEqual(lookupLabel(kept, normalizeText('总计'), null));
  });
});
