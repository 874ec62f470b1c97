import { describe, expect, it } from 'vitest';
import { toLines } from '../../../../lib/extract/layout/page';
import { drawnRegions, stackPages } from '../../../../lib/extract/layout/regions';
import { PDF_SETTINGS } from '../../../../lib/extract/layout/settings';
import { drawnPage as page } from '../../../support/drawn-pdf';

describe('regions and page stacking', () => {
  it('stacks each page\'s first part a gap below the part before it: one y axis for a continued table', () => {
    const parts = [{ page: 1, top: 600, bottom: 780 }, { page: 2, top: 60, bottom: 200 }, { page: 3, top: 40, bottom: 90 }];
    expect([...stackPages(parts, () => 5)]).toEqual([[1, 0], [2, 725], [3, 890]]);
  });

  it('a drawn table goes on at the head of the next page only in a part with its columns', () => {
    const first = page(`
+--------+------+
|信息内容|数量  |
+--------+------+
|行政处罚|  41  |
+--------+------+`, 1);
    const same = page(`
+--------+------+
|行政强制|  19  |
+--------+------+`, 2);
    // Two of the report tables' words, so only its columns keep it apart.
    const other = page(`
+------+------------+----+
|自然人|行政许可    | 19 |
+------+------------+----+`, 2);
    const regions = (...pages: ReturnType<typeof page>[]) => drawnRegions(toLines(pages.flatMap((p) => p.chunks), PDF_SETTINGS), pages.flatMap((p) => p.rules), () => false, PDF_SETTINGS)
      .map((region) => region.groups.map((group) => group.page).join('+'));
    expect(regions(first, same)).toEqual(['1+2']);
    expect(regions(first, other)).toEqual(['1', '2']);
  });
});
