import { describe, expect, it } from 'vitest';
import { auditHtml, auditHtmlCli, flatten, misread } from '../../support/audit';
import { rowDef } from '../../../lib/template/model';
import { renderHtml } from '../../support/render';
import { expectedNotes } from '../../support/oracle';
import { applicationRows, consistentReport, getCell, setCell, type ReportData } from '../../support/report-data';

/** The page without one column: its header cell and every data cell under it, as an agency that deleted it publishes. */
function withoutColumn(html: string, table: string, column: string, header: string): string {
  const cells = new RegExp(`<td[^>]*data-cell="${table}/[^"]+/${column}"[^>]*>.*?</td>`, 'g');
  const heading = new RegExp(`<td[^>]*>${header}</td>`);
  expect(heading.test(html), `header ${header} is on the page`).toBe(true);
  return html.replace(cells, '').replace(heading, '');
}

/** Zero the column and take it out of the totals, so that the page's own numbers still add up. */
function withoutApplicants(data: ReportData, column: 'legal' | 'research'): ReportData {
  const at = { research: 2, legal: 4 }[column];
  for (const row of applicationRows(data.other)) {
    const values = data.applications[row];
    if (!Array.isArray(values)) continue;
    const dropped = values[at] as number;
    values[at] = 0;
    values[6] = (values[6] as number) - dropped;
  }
  return data;
}

describe('a column the page does not have', () => {
  for (const format of ['2019', '2021'] as const) {
    it(`is reported as that column, and the other values stay in their columns (${format}, applications 法律服务机构)`, () => {
      const data = withoutApplicants(consistentReport(format, 17), 'legal');
      const html = withoutColumn(renderHtml(data, 'cms'), 'applications', 'legal', '法律服务机构');
      for (const audit of [auditHtml(html), auditHtmlCli(html)]) {
        expect(flatten(audit.findings.filter((f) => f.rule !== 'text.placeholder'))).toEqual([...expectedNotes(data), 'report.column-missing applications - legal - -'].sort());
        expect(misread(audit.result, data).filter((line) => !line.includes('/legal:'))).toEqual([]);
      }
    });
  }

  it('is found in the 2021 active table too (本年废止件数 deleted)', () => {
    const data = consistentReport('2021', 4);
    for (const row of ['1.regulations', '1.normative']) {
      setCell(data, 'active', row, 'in_force', (getCell(data, 'active', row, 'in_force') as number) + (getCell(data, 'active', row, 'repealed') as number));
      setCell(data, 'active', row, 'repealed', 0);
    }
    const html = withoutColumn(renderHtml(data, 'cms'), 'active', 'repealed', '本年废止件数');
    const audit = auditHtml(html);
    expect(flatten(audit.findings.filter((f) => f.rule !== 'text.placeholder'))).toEqual([...expectedNotes(data), 'report.column-missing active - repealed - -'].sort());
    expect(misread(audit.result, data).filter((line) => !line.includes('/repealed:'))).toEqual([]);
  });

  it('changes nothing when the header names every column and a row is merely short', () => {
    const data = consistentReport('2021', 23);
    setCell(data, 'applications', '3.2', 'legal', 0);
    const html = renderHtml(data, 'cms').replace(/<td[^>]*data-cell="applications\/3\.2\/legal"[^>]*>.*?<\/td>/, '');
    const audit = auditHtml(html);
    // The row reads by position as before: one value short at its end, so the total is missing.
    expect(audit.result.tables.applications!['3.2']!.total).toBeNull();
    expect(audit.findings.some((f) => f.rule === 'report.column-missing')).toBe(false);
  });
});

describe('columns in another order than the template', () => {
  it('places each value under the header cell it sits below (applications header reordered)', () => {
    const data = consistentReport('2021', 23);
    const order = ['total', 'other', 'natural', 'legal', 'research', 'social', 'commercial'];
    const names: Record<string, string> = {
      natural: '自然人', commercial: '商业企业', research: '科研机构', social: '社会公益组织', legal: '法律服务机构', other: '其他', total: '总计',
    };
    const keys = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
    const rows = applicationRows(data.other).map((row) => {
      const values = data.applications[row]!;
      return `<tr><td>${rowDef('2021', 'applications', row)!.printed}</td>${order.map((key) => `<td>${values[keys.indexOf(key)]}</td>`).join('')}</tr>`;
    });
    const table = `<table><tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>${order.map((key) => `<td>${names[key]}</td>`).join('')}</tr>${rows.join('')}</table>`;
    const html = renderHtml(data, 'cms').replace(/<table[^>]*>(?:(?!<\/table>)[\s\S])*申请人情况[\s\S]*?<\/table>/, table);
    expect(html).toContain('<td>总计</td><td>其他</td><td>自然人</td>');
    const { result } = auditHtml(html);
    for (const row of ['1', '3.1', '3.7', '4']) {
      for (const column of keys) expect(result.tables.applications?.[row]?.[column], `${row}/${column}`).toBe(getCell(data, 'applications', row, column));
    }
    expect(result.findings.filter((f) => f.rule.startsWith('applications.'))).toEqual([]);
  });
});
