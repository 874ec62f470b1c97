// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Memo } from '../../components/Memo';
import { auditDocument } from '../../lib/audit';
import { parseDocument } from '../../lib/cli/dom';
import { recordOfAudit } from '../../lib/record/build';
import { findingKey } from '../../lib/review/state';
import { blankTotalColumnReport, blankTotalReport, cleanBlankColumnsReport } from '../e2e/workspace-pages';
import { auditShape } from '../support/audit';
import { renderHtml } from '../support/render';
import { firstPublication, republished } from '../support/republished';

function memo(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}
const rows = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="memo-error"]')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

describe('the audit memo', () => {
  it('a blank 总计 column: one cause line, then its cells in one compact table (表/行/列, 应为, 实为)', () => {
    const result = auditShape(blankTotalColumnReport(), 'word').result;
    const root = memo(<Memo result={result} reviews={{}} lang="zh" auditDate={new Date(2024, 1, 5)} />);
    expect([...root.querySelectorAll('[data-testid="memo-cause"]')].map((p) => p.textContent)).toEqual(['1. 「总计」列整列空白：12 条勾稽关系因此不符']);
    expect(rows(root)).toHaveLength(12);
    expect(rows(root)[0]).toEqual(['表三 · 一、本年新收政府信息公开申请数量 · 总计', '32', '0']);
    expect(root.querySelector('[data-testid="memo-conclusion"]')!.textContent).toBe('结论：存在 12 处数据错误；按期发布。');
    expect(root.textContent).toContain('44 项勾稽关系中 12 项不符');
    expect(root.textContent).toContain('2024-02-05');
    expect(root.textContent).not.toMatch(/3\.7 · total|applications\.row-total/);
    // Nothing that folds or clicks once printed: no <details>, no ▶.
    expect(root.querySelector('details')).toBeNull();
    expect(root.textContent).not.toContain('▶');
    expect(root.querySelector('[data-testid="memo-sign"]')!.textContent).toBe('核查人：复核人：日期：');
    expect(root.querySelector('[data-testid="memo-requirements"]')!.getAttribute('contenteditable')).toBe('true');
  });

  it('carries the review, and names what was read by its hash', () => {
    const result = auditShape(blankTotalReport(), 'word').result;
    const first = result.findings.find((f) => f.rule === 'applications.results-total')!;
    const reviews = { [findingKey(first)]: { status: 'reported' as const, note: '已反馈给办公室' } };
    const root = memo(<Memo result={result} reviews={reviews} lang="zh" auditDate={new Date(2026, 0, 5)}
      evidence={{ sha256: 'f'.repeat(64), hashOf: 'report-container', at: new Date(2026, 0, 5, 9, 30) }} />);
    expect(rows(root).find((row) => row[0] === '表三 · （七）总计 · 自然人')).toEqual(['表三 · （七）总计 · 自然人', '162', '152', '已反馈；已反馈给办公室']);
    expect(root.querySelector('[data-testid="memo-fact-hash"]')!.textContent).toBe(`读取内容SHA-256 ${'f'.repeat(64)}（页面中报告区域的 HTML，2026-01-05 09:30）`);
    expect(result.checks).toEqual({ checked: 47, failed: 22 });
  });

  it('signs off a clean report and says when it was published late, and by which date', () => {
    const late = auditShape({ ...cleanBlankColumnsReport(), published: '2024-02-06' }, 'cms').result;
    const root = memo(<Memo result={late} reviews={{}} lang="zh" auditDate={new Date()} />);
    expect(root.textContent).toContain('44 项勾稽关系全部相符');
    expect(root.querySelector('[data-testid="memo-conclusion"]')!.textContent).toBe('结论：未发现数据错误；逾期发布（法定期限 2024-01-31）。');
    expect(root.textContent).toContain('2024-02-06（网站发布日期） · 逾期发布，法定期限 2024-01-31');
    expect(root.querySelector('[data-testid="memo-warnings"]')!.textContent).toContain('逾期发布 1 条');
    expect(root.textContent).toContain('自然人以外 5 列整列空白，按 0 计');
  });

  it('a finding reviewed 误报 leaves the errors and is listed apart as 已排除, with its note', () => {
    const result = auditShape(blankTotalReport(), 'word').result;
    const first = result.findings.find((f) => f.rule === 'applications.results-total')!;
    const reviews = { [findingKey(first)]: { status: 'false-positive' as const, note: '该列确无申请' } };
    const root = memo(<Memo result={result} reviews={reviews} lang="zh" auditDate={new Date()} />);
    expect(rows(root)).toHaveLength(21);
    expect(root.textContent).toContain('错误（21）');
    expect(root.querySelector('[data-testid="memo-excluded"]')!.textContent).toContain('已排除（误报，1 项）');
    expect(root.querySelector('[data-testid="memo-excluded"]')!.textContent).toContain('该列确无申请');
  });

  it('on a re-audit: the three counts in the conclusion, each error 未整改 or 新增, what was fixed listed', () => {
    const page = 'https://www.jtj.test.gov.cn/zfxxgk/ndbg/2023nb.html';
    const first = auditDocument(parseDocument(renderHtml(firstPublication(), 'word')), { source: page });
    const record = recordOfAudit(first, { sha256: 'a'.repeat(64), hashOf: 'bytes', auditedAt: new Date('2024-01-20T03:00:00Z') });
    const result = auditDocument(parseDocument(renderHtml(republished(), 'cms')), { source: page, baseline: record }).result;
    const zh = memo(<Memo result={result} reviews={{}} lang="zh" auditDate={new Date()} />);
    expect(zh.querySelector('[data-testid="memo-conclusion"]')!.textContent).toBe('结论：存在 3 处数据错误；按期发布；与 2024-01-20 的核查相比，已整改 1 处、未整改 2 处、新增 1 处。');
    expect([...zh.querySelectorAll('[data-testid="memo-error"]')].map((tr) => tr.getAttribute('data-status')).sort()).toEqual(['new', 'open', 'open']);
    expect(zh.querySelector('[data-testid="memo-fixed"]')!.textContent).toContain('表四 · 行政复议 · 总计');
    const en = memo(<Memo result={auditDocument(parseDocument(renderHtml(republished(), 'cms')), { source: page, baseline: record, lang: 'en' }).result} reviews={{}} lang="en" auditDate={new Date()} />);
    expect(en.querySelector('[data-testid="memo-conclusion"]')!.textContent).toBe('Conclusion: 3 data errors; on time; against the audit of 2024-01-20, 1 fixed, 2 still open, 1 new.');
    expect(en.querySelector('[data-testid="memo-fixed"]')!.textContent).toContain('Table 4 · Administrative reconsideration · total');
  });
});
