import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { huaian2024 } from '../../fixtures/real-reports';
import { auditHtmlCli, flatten } from '../../support/audit';
import { auditCliInput } from '../../support/cli-audit';
import { clone, consistentReport } from '../../support/report-data';
import { sharedPath } from '../../support/shared';
import { auditEdited, PROSE } from './edited-page';

const SHAPES = ['word', 'cms', 'lines', 'tsv'] as const;
const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => f.rule === 'report.summary-length'));
/** Prose of n characters, as sentences (a 50-character sentence repeated, the rest cut). */
const prose = (n: number) => '2024年，我市坚持以公开促落实、助监督、强监管，持续深化政务公开工作，不断提升政府透明度和公信力。'.repeat(Math.ceil(n / 50)).slice(0, n);

describe('report.summary-length', () => {
  it.each(SHAPES)('%s: part 一 over 1000 characters is an info stating the length; 1000 is not', (shape) => {
    expect(only(auditEdited(huaian2024, shape, [[PROSE.overview, prose(1001)]]).findings)).toEqual(['report.summary-length - - - 1000 1001']);
    expect(only(auditEdited(huaian2024, shape, [[PROSE.overview, prose(1000)]]).findings)).toEqual([]);
  });

  it('counts what the notice counts: prose, not the sub-headings, spaces or a line of punctuation', () => {
    const page = (text: string) => auditEdited(huaian2024, 'cms', [[`<p>${PROSE.overview}</p>`, text]]);
    const parts = `<p>（一）主动公开方面</p><p>${prose(500)}</p><p>（二）依申请公开方面</p><p>${prose(480)}</p><p>……</p><p>${' \u3000'.repeat(30)}${prose(20)}</p>`;
    expect(only(page(parts).findings)).toEqual([]);
    expect(only(page(parts.replace(prose(20), prose(21))).findings)).toEqual(['report.summary-length - - - 1000 1001']);
    const found = page(parts.replace(prose(20), prose(21))).result.findings.find((f) => f.rule === 'report.summary-length')!;
    expect(found.severity).toBe('info');
    expect(found.message).toBe('第一部分“总体情况”正文 1001 字，超过 1000 字（国办公开办函〔2021〕30号：篇幅原则上不超过一千字）');
  });

  it('a text dump without the heading of part 二: the tables that follow are not part 一', () => {
    const data = clone(huaian2024);
    data.headings[1] = null;
    expect(only(auditEdited(data, 'lines', [[PROSE.overview, prose(900)]]).findings)).toEqual([]);
  });

  it('2021 format only: the 2019 format set no length', () => {
    expect(only(auditEdited(clone(consistentReport('2019', 3)), 'cms', [[PROSE.overview, prose(1500)]]).findings)).toEqual([]);
  });

  it.each([
    ['pingtan-2023', ['report.summary-length - - - 1000 1401']],
    ['pingtan-2024', ['report.summary-length - - - 1000 1115']],
    ['pingtan-2025', []], // 996
    ['shuyang-drc-suqian-2023', []], // 665
  ] as const)('the real %s', (name, expected) => {
    expect(only(auditHtmlCli(readFileSync(sharedPath('fixtures/real/pages', `${name}.html`), 'utf8')).findings)).toEqual(expected);
  });

  it('the real 淮安市 2024 PDF: 1290 characters over its printed lines', async () => {
    const result = await auditCliInput(sharedPath('fixtures/real/huaian-city-2024.pdf'));
    expect(flatten(result!.findings.filter((f) => f.rule === 'report.summary-length'))).toEqual(['report.summary-length - - - 1000 1290']);
  }, 60_000);
});
