import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../../lib/extract/text';

describe('extractFromText', () => {
  it('joins unindented continuation lines to the tab-led cell above', () => {
    const { tokens } = extractFromText('\t本年新\n制作数量\n\t0\n\n\t左栏所有总计  \n\n');
    expect(tokens.map((t) => t.text)).toEqual(['本年新\n制作数量', '0', '左栏所有总计']);
  });

  it('splits tab-separated rows into cells, keeping empty ones and the row', () => {
    const { tokens } = extractFromText('规章\t0\t\t1\n');
    expect(tokens.map((t) => [t.text, t.row])).toEqual([['规章', 0], ['0', 0], ['', 0], ['1', 0]]);
  });

  it('takes the first line that reads like a title', () => {
    expect(extractFromText('\n\t区局2020年政府信息公开工作年度报告\n一、总体情况').title).toBe('区局2020年政府信息公开工作年度报告');
  });
});
