// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Memo } from '../../components/Memo';
import { findingKey } from '../../lib/review/state';
import { blankTotalReport, cleanBlankColumnsReport } from '../e2e/workspace-pages';
import { auditShape } from '../support/audit';

function memoText(node: preact.ComponentChild): string {
  const root = document.createElement('div');
  render(node, root);
  return root.textContent ?? '';
}

describe('the audit memo', () => {
  it('names each error’s place in the template’s words, with 应为/实为, the review and the failing count', () => {
    const result = auditShape(blankTotalReport(), 'word').result;
    const first = result.findings.find((f) => f.rule === 'applications.results-total')!;
    const reviews = { [findingKey(first)]: { status: 'reported' as const, note: '已反馈给办公室' } };
    const text = memoText(<Memo result={result} reviews={reviews} lang="zh" auditDate={new Date(2026, 0, 5)} />);
    expect(text).toContain('表 三、收到和处理政府信息公开申请情况 · 行 （七）总计 · 列 自然人');
    expect(text).toContain('应为 162');
    expect(text).toContain('实为 152');
    expect(text).toContain('复核：已反馈；备注：已反馈给办公室');
    expect(text).toContain('「总计」列整列空白：21 条勾稽关系因此不符');
    expect(text).toContain('40 项勾稽关系中 22 项不符');
    expect(text).toContain('2026-01-05');
    expect(text).not.toMatch(/3\.7 · total|applications\.row-total/);
  });

  it('signs off a clean report and says when it was published late', () => {
    const result = auditShape(cleanBlankColumnsReport(), 'cms').result;
    const late = { ...result, findings: [...result.findings, {
      rule: 'report.late', severity: 'warning' as const, table: null, row: null, column: null, cells: [],
      expected: '2024-01-31', actual: '2024-02-06', text: null, message: '逾期',
    }] };
    const text = memoText(<Memo result={late} reviews={{}} lang="zh" auditDate={new Date()} />);
    expect(text).toContain('42 项勾稽关系全部相符');
    expect(text).toContain('未发现错误。');
    expect(text).toContain('（逾期发布，法定期限 2024-01-31）');
    expect(text).toContain('自然人以外 5 列整列空白，按 0 计');
  });
});
