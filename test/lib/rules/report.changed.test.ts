import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../../lib/audit';
import { parseDocument } from '../../../lib/cli/dom';
import { renderFindings } from '../../../lib/i18n/render';
import { recordOfAudit } from '../../../lib/record/build';
import type { AuditRecord } from '../../../lib/model/record';
import { flatten } from '../../support/audit';
import { renderHtml } from '../../support/render';
import { clone, consistentReport, type ReportData } from '../../support/report-data';
import { firstPublication, redated, republished } from '../../support/republished';

const PAGE = 'https://www.jtj.test.gov.cn/zfxxgk/ndbg/2023nb.html';

const audit = (data: ReportData, source = PAGE, baseline?: AuditRecord) =>
  auditDocument(parseDocument(renderHtml(data, 'cms')), { source, ...(baseline ? { baseline } : {}) });
const record = (data: ReportData, source = PAGE) =>
  recordOfAudit(audit(data, source), { sha256: '0'.repeat(64), hashOf: 'bytes', auditedAt: new Date('2024-01-20T08:00:00Z') });
const changed = (findings: ReturnType<typeof audit>['findings']) => findings.filter((f) => f.rule === 'report.changed');

describe('report.changed', () => {
  it('a page whose tables changed under the same address: both dates and what changed', () => {
    const found = changed(audit(republished(), `${PAGE}#top`, record(firstPublication())).findings);
    expect(flatten(found)).toEqual(['report.changed - - - 2024-01-19 2024-01-29']);
    expect(renderFindings(found, '2021', 'zh')[0]!.message)
      .toBe('本页自 2024-01-20 的核查记录以来有改动（表格数据有改动）：记录时发布日期为 2024-01-19，现为 2024-01-29；早先的核查记录保留为证据');
    expect(renderFindings(found, '2021', 'en')[0]!.message).toContain('(the tables changed): published 2024-01-19 then, 2024-01-29 now');
  });

  it('a page whose 发布日期 alone moved says so', () => {
    const found = changed(audit(redated(), PAGE, record(firstPublication())).findings);
    expect(flatten(found)).toEqual(['report.changed - - - 2024-01-19 2024-01-24']);
    expect(found[0]!.data?.what).toBe('changed.date');
  });

  it('a page whose prose alone changed says so', () => {
    const edited = clone(firstPublication());
    edited.headings[4] = '五、存在的主要问题及改进情况（已补充整改措施）';
    const found = changed(audit(edited, PAGE, record(firstPublication())).findings);
    expect(found.map((f) => f.data?.what)).toEqual(['changed.prose']);
  });

  it('is silent on an unchanged page, on another address (a re-audit, not a change in place) and on another year', () => {
    expect(changed(audit(firstPublication(), PAGE, record(firstPublication())).findings)).toEqual([]);
    expect(changed(audit(republished(), 'https://www.jtj.test.gov.cn/art/2024/1/29/art_99.html', record(firstPublication())).findings)).toEqual([]);
    const nextYear = clone(consistentReport('2021', 41));
    nextYear.title = '测试县交通运输局2024年政府信息公开工作年度报告';
    expect(changed(audit(nextYear, PAGE, record(firstPublication())).findings)).toEqual([]);
    expect(changed(audit(republished()).findings)).toEqual([]);
  });
});
