import { describe, expect, it } from 'vitest';
import { auditExtracted } from '../../../lib/audit';
import { parseDocument } from '../../../lib/cli/dom';
import { extractFromDocument } from '../../../lib/extract/html';
import { renderMessage } from '../../../lib/i18n/render';
import type { Extracted } from '../../../lib/extract/types';
import { flatten } from '../../support/audit';
import { renderHtml } from '../../support/render';
import { clone, consistentReport, setCell } from '../../support/report-data';
import { ruleCases } from '../../support/rule-cases';

/**
 * A report whose applications table lost its last two grid columns (其他, 总计) to the page's right
 * edge, as a PDF of a table wider than its page does: the reader marks the table cut.
 */
function cutReport(cut: boolean): Extracted {
  const data = clone(consistentReport('2021', 21));
  // The report's own error in a cut column: the document cannot show it, so it is not reported.
  setCell(data, 'applications', '1', 'total', Number(data.applications['1']![6]) + 5);
  const extracted = extractFromDocument(parseDocument(renderHtml(data, 'cms'))).extracted;
  const table = extracted.tokens.find((token) => token.text === '自然人')!.pos!.table;
  const width = Math.max(...extracted.tokens.filter((token) => token.pos?.table === table).map((token) => token.pos!.col + token.pos!.colSpan));
  return {
    ...extracted,
    tokens: extracted.tokens.filter((token) => token.pos?.table !== table || token.pos.col < width - 2),
    ...(cut ? { cuts: [{ table, edge: 'right' as const }] } : {}),
  };
}

describe('document.table-cut', () => {
  ruleCases('document.table-cut', { valid: ['2019', '2021'], invalid: [] });

  it('names each column the document does not show, and no arithmetic or column-missing finding is made over them', () => {
    const findings = flatten(auditExtracted(cutReport(true)).result.findings);
    expect(findings.filter((f) => f.startsWith('document.table-cut'))).toEqual([
      'document.table-cut applications - other - -',
      'document.table-cut applications - total - -',
    ]);
    expect(findings.filter((f) => / applications /.test(f) && !f.startsWith('document.table-cut'))).toEqual([]);
  });

  it('the same table not marked cut: its missing columns are the report\'s (report.column-missing), read as 0', () => {
    const findings = flatten(auditExtracted(cutReport(false)).result.findings);
    expect(findings).toContain('report.column-missing applications - total - -');
    expect(findings.some((f) => f.startsWith('document.table-cut'))).toBe(false);
  });

  it('speaks the template\'s words in both languages', () => {
    const finding = auditExtracted(cutReport(true)).result.findings.find((f) => f.rule === 'document.table-cut' && f.column === 'other')!;
    expect(renderMessage(finding, '2021', 'zh')).toBe('“三、收到和处理政府信息公开申请情况”表超出页面右边缘，“其他”列未能读取');
    expect(renderMessage(finding, '2021', 'en')).toMatch(/right edge: its column “other” is not in the document/);
  });
});
