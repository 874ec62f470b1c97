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
    // As the rules counted them (result.checks), not a second walk of the tables.
    expect(text).toContain(`${result.checks.checked} 项勾稽关系中 22 项不符`);
    expect(result.checks).toEqual({ checked: 47, failed: 22 });
    expect(text).toContain('2026-01-05');
    expect(text).not.toMatch(/3\.7 · total|applications\.row-total/);
  });

  it('signs off a clean report and says when it was published late, and by which date', () => {
    const late = auditShape({ ...cleanBlankColumnsReport(), published: '2024-02-06' }, 'cms').result;
    const text = memoText(<Memo result={late} reviews={{}} lang="zh" auditDate={new Date()} />);
    expect(text).toContain('44 项勾稽关系全部相符');
    expect(text).toContain('未发现错误。');
    expect(text).toContain('2024-02-06（网站发布日期） · 逾期发布，法定期限 2024-01-31');
    expect(late.findings.some((f) => f.rule === 'report.late')).toBe(true);
    expect(text).toContain('自然人以外 5 列整列空白，按 0 计');
  });

  it('a report failing active.in-force is never signed off as holding every relationship', () => {
    const data = cleanBlankColumnsReport();
    data.active['1.normative'] = { issued: 40, repealed: 1, in_force: 3 };
    const result = auditShape(data, 'cms').result;
    expect(result.findings.filter((f) => f.rule === 'active.in-force')).toHaveLength(1);
    expect(result.checks.failed).toBe(1);
    expect(memoText(<Memo result={result} reviews={{}} lang="zh" auditDate={new Date()} />)).toContain(`${result.checks.checked} 项勾稽关系中 1 项不符`);
  });

  it('a finding reviewed 误报 leaves the errors and is listed apart as 已排除, with its note', () => {
    const result = auditShape(blankTotalReport(), 'word').result;
    const first = result.findings.find((f) => f.rule === 'applications.results-total')!;
    const reviews = { [findingKey(first)]: { status: 'false-positive' as const, note: '该列确无申请' } };
    const text = memoText(<Memo result={result} reviews={reviews} lang="zh" auditDate={new Date()} />);
    expect(text).toContain('21 错误');
    expect(text).toContain('错误（21）');
    expect(text).toContain('已排除（1）');
    expect(text).toContain('该列确无申请');
    expect(text).not.toContain('应为 162');
  });
});
