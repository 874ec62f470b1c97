import { describe, expect, it } from 'vitest';
import { migrateReviews } from '../../../lib/review/migrate';

describe('review books kept before issue 21', () => {
  it('are merged into the book of their address, what is there standing, and removed', () => {
    const stored = {
      'review:https://x.gov.cn/nb.html#1a2b3c4d': {
        'appeals.total|appeals|reconsideration|total|': { status: 'confirmed', note: '旧' },
        'cell.placeholder|applications|3.7|total|左栏所有总计': { status: 'reported', note: '已反馈' },
      },
      'review:https://x.gov.cn/nb.html#99999999': { 'applications.balance|applications|1|total|': { status: 'false-positive', note: '' } },
      'review:https://x.gov.cn/nb.html': { 'appeals.total|appeals|reconsideration|total|': { status: 'confirmed', note: '新' } },
      'review:https://y.gov.cn/a.html#0000000g': { junk: true },
      lang: 'zh',
    };
    const { set, remove } = migrateReviews(stored);
    expect(remove.sort()).toEqual(['review:https://x.gov.cn/nb.html#1a2b3c4d', 'review:https://x.gov.cn/nb.html#99999999']);
    expect(set).toEqual({
      'review:https://x.gov.cn/nb.html': {
        'appeals.total|appeals|reconsideration|total|': { status: 'confirmed', note: '新' },
        'cell.placeholder|applications|3.7|total|': { status: 'reported', note: '已反馈' },
        'applications.balance|applications|1|total|': { status: 'false-positive', note: '' },
      },
    });
  });
});
