import { describe, expect, it } from 'vitest';
import { blankSummaries, blankSummaryText } from '../../../lib/present/blanks';
import { causeOfEach, causeTitle, groupByCause } from '../../../lib/present/cause';
import { findingCounts, reviewedRow } from '../../../lib/present/counts';
import { marksOf } from '../../../lib/present/marks';
import { placeAnchor } from '../../../lib/present/anchors';
import { findingKey } from '../../../lib/review/key';
import { auditShape } from '../../support/audit';
import { consistentReport, setCell } from '../../support/report-data';
import { blankTotalReport, cleanBlankColumnsReport } from '../../e2e/workspace-pages';


describe('the workspace on dense real-shaped reports', () => {
  const blankTotal = auditShape(blankTotalReport(), 'word');
  const clean = auditShape(cleanBlankColumnsReport(), 'cms');

  it('summarises blank cells per table and column instead of listing them', () => {
    const [summary] = blankSummaries(clean.result.findings, clean.result);
    expect(blankSummaryText(summary!, clean.result.format, 'zh')).toBe('三、收到和处理政府信息公开申请情况：自然人以外 5 列整列空白，按 0 计');
    expect(blankSummaryText(summary!, clean.result.format, 'en', false)).toBe('all but natural persons: 5 columns wholly blank, read as 0');
    const [dense] = blankSummaries(blankTotal.result.findings, blankTotal.result);
    expect(dense!.whole).toEqual(['total']);
    expect(blankSummaryText(dense!, '2019', 'zh', false)).toMatch(/^总计列整列空白，按 0 计；商业企业列 \d+ 个空白单元格，按 0 计/);
    expect(summary!.indexes).toHaveLength(125);
  });

  it('counts errors and warnings one way for every view, blank cells apart', () => {
    expect(findingCounts(clean.result.findings)).toEqual({ errors: 0, warnings: 0, blanks: 125, excluded: 0 });
    expect(findingCounts(blankTotal.result.findings).errors).toBe(22);
  });

  it('a finding reviewed 误报 leaves the error count and is counted apart; 确认问题 stays an error', () => {
    const [first, second] = blankTotal.result.findings.filter((f) => f.severity === 'error');
    const reviews = { [findingKey(first!)]: { status: 'false-positive', note: '该行确无申请' }, [findingKey(second!)]: { status: 'confirmed', note: '' } };
    expect(findingCounts(blankTotal.result.findings, reviews)).toMatchObject({ errors: 21, excluded: 1 });
    expect(findingCounts(blankTotal.result.findings, { junk: 1 })).toMatchObject({ errors: 22, excluded: 0 });
  });

  it('a batch row counts what the report counts once reviewed; a row not audited is left as it is', () => {
    const [first] = blankTotal.result.findings.filter((f) => f.severity === 'error');
    const reviews = { [findingKey(first!)]: { status: 'false-positive', note: '' } };
    const row = { status: 'audited', errors: 22, warnings: 0, findings: blankTotal.result.findings };
    expect(reviewedRow(row, reviews)).toMatchObject({ errors: 21, warnings: 0 });
    expect(reviewedRow(row, undefined)).toBe(row);
    const failed = { ...row, status: 'fetch-failed' };
    expect(reviewedRow(failed, reviews)).toBe(failed);
  });

  it('marks blank cells only when asked, errors last so they paint on top, with the expected value', () => {
    const findings = blankTotal.result.findings;
    const marks = marksOf(findings);
    expect(marks.every((m) => m.severity === 'error')).toBe(true);
    expect(marks).toHaveLength(22);
    expect(marks.find((m) => m.findings.some((i) => findings[i]!.row === '1' && findings[i]!.column === 'total'))!.expected).toBe('210');
    const all = marksOf(findings, { blanks: true });
    expect(all.length).toBeGreaterThan(80);
    expect(all.at(-1)!.severity).toBe('error');
    expect(all[0]!.severity).toBe('warning');
  });

  it('names each mark by its place and 应为/实为 for a screen reader, in the reader’s language', () => {
    const findings = blankTotal.result.findings;
    const format = blankTotal.result.format;
    const at = (marks: ReturnType<typeof marksOf>) => marks.find((m) => m.findings.some((i) => findings[i]!.row === '1' && findings[i]!.column === 'total'))!;
    const zh = at(marksOf(findings, { lang: 'zh', format }));
    const actual = findings[zh.findings[0]!]!.actual;
    expect(zh.name).toBe(`错误：“一、本年新收政府信息公开申请数量”的“总计”：应为 210，实为 ${String(actual)}`);
    const en = at(marksOf(findings, { lang: 'en', format }));
    expect(en.name).toMatch(new RegExp(`^Error: “1 New applications[^”]*” / “total”: expected 210, found ${String(actual)}$`));
  });

  it('tells a column of written 0s from a blank one (洪泽区 2023: 总计 0 in every appeals row)', () => {
    const data = consistentReport('2021', 3);
    data.appeals = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
    const audit = auditShape(data, 'cms');
    const column = groupByCause(audit.result.findings, audit.result).find((g) => g.kind === 'column')!;
    expect(column).toMatchObject({ table: 'appeals', column: 'total', blank: false });
    expect(causeTitle(column, '2021', 'zh')).toBe('「总计」列全部为 0：2 条勾稽关系因此不符');
  });

  it('groups one blank column’s failed relationships under one cause', () => {
    const groups = groupByCause(blankTotal.result.findings, blankTotal.result);
    const column = groups.find((g) => g.kind === 'column')!;
    expect(column.indexes).toHaveLength(21);
    expect(causeTitle(column, '2019', 'zh')).toBe('「总计」列整列空白：21 条勾稽关系因此不符');
    expect(groups[0]!.severity).toBe('error');
    expect(groups.filter((g) => g.kind === 'single').map((g) => blankTotal.result.findings[g.indexes[0]!]!.rule)).toEqual(['applications.results-total']);
    expect(groups.find((g) => g.kind === 'blank')!.indexes).toHaveLength(91);
    const causes = causeOfEach(blankTotal.result.findings, blankTotal.result, '2019', 'en');
    expect(causes[column.indexes[0]!]!.title).toBe('Column “total” is blank: 21 relationships fail because of it');
  });

  it('groups the relationships one mistyped cell breaks under that cell', () => {
    const data = consistentReport('2021', 6);
    setCell(data, 'applications', '3.1', 'natural', Number(data.applications['3.1']![0]) + 5);
    const audit = auditShape(data, 'cms');
    const all = groupByCause(audit.result.findings, audit.result);
    // Beside it only the info its appeals table's 结果纠正 call for.
    expect(all.filter((g) => g.kind !== 'suspect').map((g) => audit.result.findings[g.indexes[0]!]!.rule)).toEqual(['appeals.corrected']);
    const groups = all.filter((g) => g.kind === 'suspect');
    // Its row's total and its column's results total both fail; one line names the cell.
    expect(groups).toHaveLength(1);
    const group = groups[0]!;
    expect(group.kind).toBe('suspect');
    expect(group.indexes).toHaveLength(2);
    expect(group.cell).toMatchObject({ table: 'applications', row: '3.1', column: 'natural' });
    expect(causeTitle(group, '2021', 'zh')).toMatch(/^「（一）予以公开 · 自然人」一处可能有误（改为 \d+ 则全部相符），牵连 2 条勾稽关系$/);
  });

  it('counts the relationships as the rules checked them, so a clean report can be signed off', () => {
    expect(clean.result.checks.failed).toBe(0);
    expect(clean.result.checks.checked).toBeGreaterThan(40);
    expect(blankTotal.result.checks.failed).toBe(22);
  });

  it('sends a report-level finding to its table or the title', () => {
    expect(placeAnchor(clean.report, { table: 'appeals' })).toEqual({ kind: 'element', src: clean.report.tableSrc.appeals });
    const title = placeAnchor(clean.report, { table: null });
    expect(title).toMatchObject({ kind: 'element', src: expect.any(Number) });
    // A finding's own anchor comes first.
    expect(placeAnchor(clean.report, { table: 'appeals', anchor: { kind: 'element', src: 3 } })).toEqual({ kind: 'element', src: 3 });
  });
});

describe('cause views for the command line', () => {
  it('gives one titled line per cause, errors first, blank cells as a summary', async () => {
    const { causeViews } = await import('../../../lib/present/views');
    const audit = auditShape(blankTotalReport(), 'word');
    const views = causeViews(audit.result, 'zh');
    expect(views.map((v) => [v.kind, v.severity, v.findings.length])).toEqual([
      ['single', 'error', 1], ['column', 'error', 21], ['blank', 'warning', 91],
    ]);
    expect(views[2]!.title).toMatch(/^三、收到和处理政府信息公开申请情况：总计列整列空白，按 0 计；/);
    expect(views[0]!.title).toBeNull();
  });
});

describe('cause lines for a terminal', () => {
  it('prints a cause once with its findings under it, and blank cells as one line', async () => {
    const { causeLines } = await import('../../../lib/present/views');
    const audit = auditShape(blankTotalReport(), 'word');
    const lines = causeLines(audit.result, 'zh', (table) => table ?? '报告');
    expect(lines[1]).toBe('  applications');
    expect(lines[2]).toMatch(/^ {3}✖ applications\.results-total \[3\.7\/natural\] “自然人”列/);
    expect(lines[3]).toBe('   ✖ 「总计」列整列空白：21 条勾稽关系因此不符');
    expect(lines.filter((line) => line.startsWith('     ✖ applications.row-total ['))).toHaveLength(21);
    expect(lines.at(-1)).toMatch(/^ {3}⚠ 三、收到和处理政府信息公开申请情况：总计列整列空白，按 0 计；/);
    expect(lines.some((line) => line.includes('cell.empty'))).toBe(false);
  });
});
