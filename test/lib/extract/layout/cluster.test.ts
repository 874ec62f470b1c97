import { describe, expect, it } from 'vitest';
import { chain, clusterPositions, levels } from '../../../../lib/extract/layout/cluster';

describe('clustering', () => {
  it('chains runs along an axis: an item joins while it starts within the gap of the run\'s reach', () => {
    //  [0---4]  [3-6]      [9-10]   : the first two overlap, the third stands apart
    const spans = [[0, 4], [3, 6], [9, 10]] as const;
    expect(chain(spans, (s) => s[0], (s) => s[1], () => 0)).toEqual([[[0, 4], [3, 6]], [[9, 10]]]);
    expect(chain(spans, (s) => s[0], (s) => s[1], () => 3)).toEqual([[[0, 4], [3, 6], [9, 10]]]);
  });

  it('rule positions within the tolerance are one line, at their mean (a border\'s two edges)', () => {
    expect(clusterPositions([100.5, 10, 11, 100, 50], 2)).toEqual([10.5, 50, 100.25]);
  });

  it('levels: pieces overlapping by half their height are one line; the look-back bounds the search', () => {
    //  A   B        (top 0–10 and 2–12: one line)
    //        C      (top 20–30)
    const items = [{ id: 'A', top: 0, bottom: 10 }, { id: 'B', top: 2, bottom: 12 }, { id: 'C', top: 20, bottom: 30 }];
    expect(levels(items, 0.5, 3).map((level) => level.items.map((item) => item.id).join(''))).toEqual(['AB', 'C']);
    // B overlapping A by a fifth only is a line of its own.
    expect(levels([{ id: 'A', top: 0, bottom: 10 }, { id: 'B', top: 8, bottom: 18 }], 0.5, 3)).toHaveLength(2);
  });
});
