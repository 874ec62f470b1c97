import { describe, expect, it } from 'vitest';
import { huaian2024 } from '../fixtures/real-reports';
import { auditHtml, flatten } from '../support/audit';
import { officialTemplateHtml } from '../support/docx';
import { ACTIVE_COLUMNS, applicationRows, getCell } from '../support/report-data';
import { sharedPath } from '../support/shared';

const TEMPLATE = sharedPath('fixtures', 'real', 'template-2021-blank-word.docx');

describe('the official 2021 template (.docx → Word-export HTML)', () => {
  it('published blank: three unfilled tables and the （文字描述） placeholders, nothing else wrong', async () => {
    const { result, findings } = auditHtml(await officialTemplateHtml(TEMPLATE));
    expect(result).toMatchObject({ report: true, format: '2021' });
    expect(flatten(findings.filter((f) => f.severity === 'error'))).toEqual([
      'report.table-blank active - - - -', 'report.table-blank appeals - - - -', 'report.table-blank applications - - - -',
    ]);
    const texts = findings.filter((f) => f.rule === 'text.placeholder').map((f) => f.data?.phrase);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(texts)).toEqual(new Set(['(文字描述']));
    expect(findings.filter((f) => f.rule === 'cell.empty')).toEqual([]);
  });

  it('filled with 淮安市 2024 numbers and one wrong total: exactly that error', async () => {
    const data = huaian2024;
    const active = Object.entries(ACTIVE_COLUMNS['2021']).flatMap(([row, columns]) => columns.map((c) => getCell(data, 'active', row, c)));
    const applications = applicationRows('sub').flatMap((row) => data.applications[row]!);
    const appeals = [...data.appeals];
    appeals[9] = 27; // 未经复议直接起诉 总计: 13 + 4 + 8 + 1 = 26
    const { result, findings } = auditHtml(await officialTemplateHtml(TEMPLATE, [active, applications, appeals]));
    expect(result.tables.applications?.['3.6.3']).toEqual({ natural: 108, commercial: 2, research: 0, social: 0, legal: 0, other: 0, total: 110 });
    expect(result.tables.active?.['8.fees']).toEqual({ amount: 96171.6 });
    expect(flatten(findings.filter((f) => f.severity === 'error'))).toEqual(['appeals.total appeals litigation.direct total 26 27']);
  });
});
