import { describe, expect, it } from 'vitest';
import { exactSum, readNumber, trailingNumber } from '../../../lib/extract/number';
import { readCell } from '../../../lib/template/cell';

describe('readNumber', () => {
  it.each([
    ['0', 'count', 0], [' 0', 'count', 0], ['　　0', 'count', 0], ['\u00a090\u00a0', 'count', 90], ['１２３', 'count', 123],
    ['1,234', 'count', 1234], ['+6', 'signed', 6], ['-16', 'signed', -16], ['－5469', 'signed', -5469], ['24252.311082', 'money', 24252.311082],
    ['251000元', 'money', 251000], ['75394432.52元', 'money', 75394432.52], ['7730.28万元', 'money', 7730.28], ['12件', 'count', 12],
    ['1.2万', 'money', 1.2],
  ] as const)('reads %j as %s', (raw, kind, value) => {
    expect(readNumber(raw, kind)).toMatchObject({ value, status: 'number' });
  });

  it.each([['', 'empty'], ['\u00a0', 'empty'], ['　', 'empty'], ['无', 'none-mark'], ['—', 'none-mark'], ['/', 'none-mark'], ['－', 'none-mark']] as const)(
    'reads %j as 0 (%s)', (raw, status) => expect(readNumber(raw, 'count')).toEqual({ value: 0, status }),
  );

  it.each(['2020年内作出行政许可项目的总数量', '见附件', '2021-01-05', '1.2.3', '5-3', '十二', '1.'])('finds no number in %j', (raw) => {
    expect(readNumber(raw, 'count')).toEqual({ value: null, status: null });
  });
});

describe('readCell', () => {
  it('reads the number after template text', () => {
    expect(readCell('2020年内作出审批事项决定的总数量100290', 'count', 1)).toMatchObject({ status: 'placeholder', value: 100290 });
    expect(readCell('此项为历年公开的累计数，可参照历年数据统计表…总数量0', 'count', 1)).toMatchObject({ status: 'placeholder', value: 0 });
    expect(readCell('左栏所有总计', 'count', 1)).toMatchObject({ status: 'placeholder', value: null });
    expect(readCell('+（增加数）\n-（减少数）', 'signed', 1)).toMatchObject({ status: 'placeholder', value: null });
  });

  it('strips Word artefacts before reading', () => {
    expect(readCell('[bookmark: _GoBack]0', 'count', 1)).toMatchObject({ status: 'number', value: 0 });
  });
});

describe('numbers past the safe range', () => {
  it.each(['9007199254740992', '100000000000000000001', '9'.repeat(309), `-${'9'.repeat(400)}`])('reads %j as too large, never as Infinity or rounded', (raw) => {
    expect(readNumber(raw, 'count')).toEqual({ value: null, status: 'number', tooLarge: true });
    expect(readNumber(raw, 'signed')).toMatchObject({ value: null, status: 'number' }); // still a number to the matcher
    expect(readNumber(raw, 'money')).toEqual({ value: null, status: null }); // money: text, which active.money reports
  });

  it('reads the largest safe integer exactly', () => {
    expect(readNumber('9007199254740991', 'count')).toEqual({ value: 9007199254740991, status: 'number' });
  });

  it('reads no value after template text when the number is too large to hold', () => {
    expect(readCell(`项目数量${'9'.repeat(400)}`, 'count', 1)).toMatchObject({ status: 'placeholder', value: null });
  });
});

describe('trailingNumber', () => {
  const PATTERN = /[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

  it('finds what the old pattern found, on 20,000 random short texts', () => {
    const alphabet = '0123,.+-x';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i += 1) {
      const text = Array.from({ length: 1 + Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * (next() < 0.5 ? 4 : alphabet.length))]).join('');
      expect(trailingNumber(text), text).toBe(PATTERN.exec(text)?.[0] ?? null);
    }
  });

  it.each([
    ['40,000 digits and an x', `${'7'.repeat(40_000)}x`],
    ['400,000 digits and an x', `${'7'.repeat(400_000)}x`],
    ['a long run of groups with a bad last group', `1${',000'.repeat(100_000)},0000`],
  ])('is linear on %s', (_, text) => {
    const started = performance.now();
    trailingNumber(text);
    expect(performance.now() - started).toBeLessThan(5_000); // a hang guard: quadratic takes minutes here
  });
});

describe('exactSum', () => {
  it.each([
    [[0.1, 0.2], 0.3], [[1.1, 2.2, 3.3], 6.6], [[24252.311082, 0.000001], 24252.311083], [[-0.1, -0.2], -0.3],
    [[7730.28, 0.01, 0.01], 7730.3], [[1, 2, 3], 6], [[], 0], [[1e-7, 2e-7], 3e-7], [[1e21, 0.5], 1e21],
  ])('sums %j to %s exactly', (values, sum) => {
    expect(exactSum(values)).toBe(sum);
  });
});
