import { describe, expect, it } from 'vitest';
import { formatResult } from '../../../lib/cli/format';
import { auditShape } from '../../support/audit';
import { blankTotalReport } from '../../e2e/workspace-pages';

describe('the CLI’s readable output groups findings by cause', () => {
  it('prints a blank 总计 column once, its row totals under it, blank cells as one summary line', () => {
    const text = formatResult(auditShape(blankTotalReport(), 'word').result, 'zh').split('\n');
    expect(text).toContain('   ✖ 「总计」列整列空白：21 条勾稽关系因此不符');
    expect(text.filter((line) => line.startsWith('     ✖ applications.row-total'))).toHaveLength(21);
    expect(text.filter((line) => line.includes('cell.empty'))).toEqual([]);
    expect(text.some((line) => line.includes('自然人') || line.includes('总计列整列空白，按 0 计'))).toBe(true);
  });
});
