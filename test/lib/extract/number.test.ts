import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../lib/extract/number';
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
