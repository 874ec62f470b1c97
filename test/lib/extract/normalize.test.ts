import { describe, expect, it } from 'vitest';
import { normalizeText, splitOrdinal } from '../../../lib/extract/normalize';

describe('normalizeText', () => {
  it('unifies brackets, punctuation, quotes and removes all whitespace', () => {
    expect(normalizeText('（二）部分公开（区分处理的，只计这一情 形，不\n计其他情形）')).toBe('(二)部分公开(区分处理的,只计这一情形,不计其他情形)');
    expect(normalizeText('3.危及“三安全一稳定”')).toBe(normalizeText('3.危及"三安全一稳定"'));
    expect(normalizeText('第二十条第(一)项')).toBe(normalizeText('第二十条第（一）项'));
    expect(normalizeText('\u200b行政\u3000许可\u00a0')).toBe('行政许可');
  });
});

describe('splitOrdinal', () => {
  it.each([
    ['一,本年新收', 'dot:1', '本年新收'], ['(七)总计', 'paren:7', '总计'], ['3.其他', 'dot:3', '其他'], ['1,申请人', 'dot:1', '申请人'],
    ['(三)不予公开', 'paren:3', '不予公开'], ['规章', null, '规章'], ['2020年', null, '2020年'], ['1.5', null, '1.5'],
  ])('%s → %s + %s', (text, ordinal, body) => expect(splitOrdinal(text)).toEqual({ ordinal, body }));
});
