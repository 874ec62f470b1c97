import { describe, expect, it } from 'vitest';
import { auditText } from '../../../lib/audit';
import { hongze2024 } from '../../fixtures/real-reports';
import { flatten } from '../../support/audit';
import { clone } from '../../support/report-data';
import { auditEdited, edit, renderPage } from './edited-page';

const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => f.rule === 'report.date-missing'));

describe('report.date-missing', () => {
  it.each(['word', 'cms', 'nested', 'lines', 'tsv'] as const)('%s: the date is read, no finding', (shape) => {
    const { findings, result } = auditEdited(hongze2024, shape);
    expect(result.publishedAt).toBe('2025-01-24');
    expect(only(findings)).toEqual([]);
  });

  it.each(['cms', 'word'] as const)('%s: no date anywhere is one info finding', (shape) => {
    const { findings, result } = auditEdited(hongze2024, shape, [[`发布日期：${hongze2024.published}`, '发布机构：洪泽区人民政府办公室']]);
    expect(result.publishedAt).toBeNull();
    expect(only(findings)).toEqual(['report.date-missing - - - - -']);
    expect(findings.find((f) => f.rule === 'report.date-missing')?.severity).toBe('info');
  });

  it('a document: the date under the signature, in Chinese numerals too', () => {
    const page = renderPage(clone(hongze2024), 'lines');
    expect(auditText(edit(page, [['\n2025-01-24\n', '\n洪泽区人民政府\n二〇二五年一月二十四日\n']])).result.publishedAt).toBe('2025-01-24');
    expect(only(auditText(edit(page, [['\n2025-01-24\n', '\n洪泽区人民政府\n']])).findings)).toEqual(['report.date-missing - - - - -']);
  });

  it('a page: the date printed under the title, or in the metadata', async () => {
    const { auditHtml } = await import('../../support/audit');
    const page = renderPage(clone(hongze2024), 'cms').replace(/<div class="info">[^<]*<\/div>/, '');
    const underTitle = page.replace('</h1>', '</h1>\n<div class="time">2025-01-24 09:30 来源：洪泽区人民政府办公室</div>');
    expect(auditHtml(underTitle).result.publishedAt).toBe('2025-01-24');
    const meta = page.replace('<head>', '<head><meta name="PubDate" content="2025-01-24 09:30">');
    expect(auditHtml(meta).result.publishedAt).toBe('2025-01-24');
    expect(only(auditHtml(page).findings)).toEqual(['report.date-missing - - - - -']);
  });
});

describe('report.date-missing: which date is the publication date', () => {
  it('the labelled date nearest the report, not a side list’s', async () => {
    const { auditHtml } = await import('../../support/audit');
    const page = renderPage(clone(hongze2024), 'cms').replace('<div class="nav">', '<div class="side"><ul><li>发布时间：2025-06-30 通知公告</li></ul></div><div class="nav">');
    expect(auditHtml(page).result.publishedAt).toBe('2025-01-24');
  });

  it('a statistics period is not a publication date', () => {
    const page = renderPage(clone(hongze2024), 'lines').replace('\n2025-01-24\n', '\n');
    const withPeriod = page.replace('依申请公开工作依法办理。', '依申请公开工作依法办理。统计时间：2024年1月1日至2024年12月31日。');
    expect(auditText(withPeriod).result.publishedAt).toBeNull();
  });
});
