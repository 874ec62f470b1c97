import { describe, expect, it } from 'vitest';
import { ruleGroups } from '../../../../lib/extract/layout/edges';
import { drawnCells, drawnPage as page } from '../../../support/drawn-pdf';

/** Each rule group as `x0–x1 top–bottom, N rules, columns at …` (points; the drawings put a column every 5). */
const groups = (drawn: ReturnType<typeof page>) => ruleGroups(drawn.rules)
  .map((g) => `${g.x0}–${g.x1} ${g.top}–${g.bottom}, ${g.segments.length} rules, columns at ${g.columns.join(' ')}`);

describe('stray rules: rules that meet no other rule', () => {
  // The part of 三、本年度办理结果 that a page break carried over: the group label's column spans
  // every row there, so its left border runs down the page without meeting a rule (its top border
  // is on the page before, its bottom on the page after). 其他情形 stands in that column.
  const continued = page(`
|        |3.重复申请|  4 |
|        +----------+----+
|其他情形|4.要求提供|  2 |
|        +----------+----+
|        |`, 2);

  it('a border within a table\'s height is the table\'s outline, though it counts as none of its columns', () => {
    expect(groups(continued)).toEqual(['2.5–127.5 5–45, 6 rules, columns at 47.5 102.5 127.5']);
  });

  it('so the text beside it is the table\'s first column, not run into the next cell', () => {
    expect(drawnCells(continued)).toEqual(['0,0v3 其他情形', '0,1 3.重复申请', '0,2 4', '1,1 4.要求提供', '1,2 2']);
  });

  it('a rule under a heading, a rule below it reaching past its width, and a signature\'s rule make no table and join none', () => {
    // A masthead's rule (the red line under a 红头 title), a layout table's border reaching past the
    // report table, and a signature's rule: none meets the table's rules.
    const drawn = page(`
   某某县人民政府办公室
---------------------------------
+--------+------+
|信息内容|数量  |
+--------+------+
|规章    |  3   |
+--------+------+
-------------------------------
          ----------
`);
    expect(groups(drawn)).toEqual(['2.5–82.5 25–65, 6 rules, columns at 2.5 47.5 82.5']);
  });
});
