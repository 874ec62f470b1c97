import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../lib/extract/normalize';
import { partOf, sectionOf } from '../../../lib/template/sections';

const part = (text: string) => sectionOf(normalizeText(text));

describe('the six parts are found by their headings', () => {
  it('reads headings with an ordinal, a bare ordinal, or none', () => {
    expect(part('一、总体情况')).toBe(1);
    expect(part('二、主动公开政府信息情况')).toBe(2);
    expect(part('三、收到和处理政府信息公开申请情况')).toBe(3);
    expect(part('四、政府信息公开行政复议、行政诉讼情况')).toBe(4);
    expect(part('4政府信息公开行政复议、行政诉讼情况')).toBe(4);
    expect(part('政府信息公开行政复议、行政诉讼情况')).toBe(4);
    expect(part('五、存在的主要问题及改进情况')).toBe(5);
    expect(part('六、其他需要报告的事项')).toBe(6);
  });

  it('never takes a printed line of prose that names 复议 and 诉讼 for heading 四 (平潭 2023, landscape print)', () => {
    expect(part('占1.23%;其他处理2件,占2.47%;因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。')).toBeNull();
    expect(part('因政府信息公开引起的行政复议和行政诉讼均已办结。')).toBeNull();
    expect(part('（四）政府信息公开行政复议、行政诉讼情况')).toBeNull();
  });

  it('keeps part 一 whole when such a line falls inside it', () => {
    const blocks = ['一、总体情况', '全年办结依申请公开81件，其中予以公开42件，', '占1.23%;其他处理2件,占2.47%;因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。', '（三）政府信息管理方面', '二、主动公开政府信息情况']
      .map((text, src) => ({ text, src }));
    expect(partOf(blocks, 1)!.body.map((b) => b.src)).toEqual([1, 2, 3]);
  });
});
