import { describe, expect, it } from 'vitest';
import { auditHtmlCli, auditShape, flatten, misread } from '../../support/audit';
import { HTML_SHAPES, renderHtml, TEXT_SHAPES } from '../../support/render';
import { expectedNotes } from '../../support/oracle';
import { consistentReport } from '../../support/report-data';

const SHAPES = [...HTML_SHAPES, ...TEXT_SHAPES];

describe.each(['2019', '2021'] as const)('a consistent %s report', (format) => {
  it.each(SHAPES)('in the %s shape is read back number for number, with no finding but the 结果纠正 its numbers state', (shape) => {
    for (const seed of [1, 2, 3]) {
      const data = consistentReport(format, seed);
      const { result } = auditShape(data, shape);
      expect(result.report).toBe(true);
      expect(result.format).toBe(format);
      expect(misread(result, data)).toEqual([]);
      expect(flatten(result.findings)).toEqual(expectedNotes(data));
    }
  });
});

describe('the command line\'s DOM (parse5) reads every HTML shape like happy-dom', () => {
  it.each(HTML_SHAPES)('%s', (shape) => {
    for (const format of ['2019', '2021'] as const) {
      const data = consistentReport(format, 9);
      const { result } = auditHtmlCli(renderHtml(data, shape));
      expect(misread(result, data)).toEqual([]);
      expect(flatten(result.findings)).toEqual(expectedNotes(data));
    }
  });
});

describe('mixed layouts seen in real reports', () => {
  it('reads a 2021 report whose （六）其他处理 is a single row (洪泽区 2023), and warns on that table only', () => {
    const data = consistentReport('2021', 5, { other: 'single' });
    for (const shape of ['word', 'lines'] as const) {
      const { result, findings } = auditShape(data, shape);
      expect(result.format).toBe('2021');
      expect(misread(result, data)).toEqual([]);
      expect(flatten(findings)).toEqual([...expectedNotes(data), 'report.outdated-format applications 3.6 - 2021 2019'].sort());
    }
  });

  it('accepts a 2019 report that already has the three （六） sub-rows', () => {
    const data = consistentReport('2019', 5, { other: 'sub' });
    const { result } = auditShape(data, 'cms');
    expect(misread(result, data)).toEqual([]);
    expect(flatten(result.findings)).toEqual(expectedNotes(data));
  });
});

describe('label cells written differently on real pages', () => {
  it('reads a group label and a sub-row label in one cell, and labels spaced out character by character', () => {
    const data = consistentReport('2019', 12);
    data.labels['applications/3.3.1'] = '（三）不予公开 1.属于国家秘密';
    data.labels['applications/3.5.2'] = '（五）不予处理2.重复申请';
    data.labels['active/5.license'] = '行 政 许 可';
    data.labels['applications/1'] = '一、本年新收政府信息公开申请数量（件）';
    for (const shape of ['cms', 'lines'] as const) {
      const { result } = auditShape(data, shape);
      expect(misread(result, data)).toEqual([]);
      expect(flatten(result.findings)).toEqual(expectedNotes(data));
    }
  });
});

describe('appeals laid out with a row per group', () => {
  it('reads an appeals data row that starts with a label cell (“件数”)', () => {
    const data = consistentReport('2019', 5);
    const html = renderHtml(data, 'cms').replace(/(<tr>)(<td data-cell="appeals\/reconsideration\/upheld")/, '$1<td>件数</td>$2');
    expect(html).toContain('<td>件数</td>');
    const { result } = auditHtmlCli(html);
    expect(misread(result, data)).toEqual([]);
    expect(flatten(result.findings)).toEqual(expectedNotes(data));
  });

  it('reads 行政复议 | 5 values, 未经复议直接起诉 | 5 values, 复议后起诉 | 5 values in order', () => {
    const values = [3, 1, 0, 0, 4, 2, 0, 1, 0, 3, 0, 0, 0, 1, 1];
    const rows = ['行政复议', '未经复议直接起诉', '复议后起诉'].map((label, g) => `<tr><td>${label}</td>${values.slice(g * 5, g * 5 + 5).map((v) => `<td>${v}</td>`).join('')}</tr>`);
    const html = renderHtml(consistentReport('2021', 3), 'cms').replace(/<table border="1"><tbody>\n<tr><td colspan="5">行政复议[\s\S]*?<\/table>/,
      `<table border="1"><tr><td></td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>${rows.join('')}</table>`);
    const { result } = auditHtmlCli(html);
    expect(result.tables.appeals).toEqual({
      reconsideration: { upheld: 3, corrected: 1, other: 0, pending: 0, total: 4 },
      'litigation.direct': { upheld: 2, corrected: 0, other: 1, pending: 0, total: 3 },
      'litigation.after_reconsideration': { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    });
    expect(flatten(result.findings)).toEqual(['appeals.corrected appeals - corrected - 1']);
  });
});
