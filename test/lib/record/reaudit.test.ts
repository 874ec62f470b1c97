import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../../lib/audit';
import { recordOfAudit } from '../../../lib/record/build';
import { reauditOf } from '../../../lib/record/reaudit';
import { reauditCounts } from '../../../lib/present/counts';
import { findingKey } from '../../../lib/review/key';
import type { AuditRecord } from '../../../lib/model/record';
import { parseDocument } from '../../../lib/cli/dom';
import { flatten } from '../../support/audit';
import { renderHtml, type HtmlShape } from '../../support/render';
import type { ReportData } from '../../support/report-data';
import { firstPublication, redated, republished } from '../../support/republished';

const URL_A = 'https://www.jtj.test.gov.cn/zfxxgk/ndbg/2023nb.html';
const SHA_A = 'a'.repeat(64);

function audit(data: ReportData, shape: HtmlShape, source: string, baseline?: AuditRecord) {
  return auditDocument(parseDocument(renderHtml(data, shape)), { source, ...(baseline ? { baseline } : {}) });
}

function recorded(data: ReportData, shape: HtmlShape, source = URL_A, reviews: AuditRecord['reviews'] = {}): AuditRecord {
  return recordOfAudit(audit(data, shape, source), { sha256: SHA_A, hashOf: 'bytes', auditedAt: new Date('2024-01-20T03:00:00Z'), reviews });
}

describe('a re-audit of a corrected and republished report', () => {
  it('classifies the earlier findings 已整改 / 未整改 and the new one 新增, matched by rule + table + row + column, whatever the page layout', () => {
    // First published as a Word export, republished through the CMS: every cell sits elsewhere in the markup.
    const record = recorded(firstPublication(), 'word');
    const second = audit(republished(), 'cms', URL_A, record);
    const reaudit = second.result.reaudit!;
    expect(flatten(reaudit.fixed)).toEqual(['appeals.total appeals reconsideration total 3 5']);
    expect(flatten(reaudit.open)).toEqual(['appeals.total appeals litigation.direct total 5 6', 'cell.placeholder applications 3.7 total 267 -']);
    expect(flatten(reaudit.new)).toEqual(['appeals.total appeals litigation.after_reconsideration total 9 12']);
    expect(reaudit.baseline).toEqual({ source: URL_A, auditedAt: '2024-01-20T03:00:00.000Z', sha256: SHA_A });
    expect(reauditCounts(reaudit)).toEqual({ fixed: 1, open: 2, new: 1 });
    // The re-audit's own finding is not one of the report's problems to classify.
    expect(second.result.findings.some((f) => f.rule === 'report.changed')).toBe(true);
    expect(reaudit.new.some((f) => f.rule === 'report.changed')).toBe(false);
  });

  it('carries the notes of findings that remain; a 误报 never counts as fixed or open', () => {
    const before = audit(firstPublication(), 'word', URL_A).result.findings;
    const direct = before.find((f) => f.row === 'litigation.direct')!;
    const fixedOne = before.find((f) => f.row === 'reconsideration')!;
    const record = recorded(firstPublication(), 'word', URL_A, {
      [findingKey(direct)]: { status: 'confirmed', note: '已电话告知，待更正' },
      [findingKey(fixedOne)]: { status: 'false-positive', note: '复议案件含上年结转' },
    });
    const reaudit = audit(republished(), 'cms', 'https://www.jtj.test.gov.cn/art/2024/1/29/art_99.html', record).result.reaudit!;
    expect(reaudit.reviews).toEqual({ [findingKey(direct)]: { status: 'confirmed', note: '已电话告知，待更正' } });
    expect(reauditCounts(reaudit)).toEqual({ fixed: 0, open: 2, new: 1 });
    // The auditor marks the carried-over finding 误报 now: it leaves 未整改.
    expect(reauditCounts(reaudit, { [findingKey(direct)]: { status: 'false-positive', note: '' } })).toEqual({ fixed: 0, open: 1, new: 1 });
  });

  it('matches several findings under one key one for one', () => {
    const record = recorded(firstPublication(), 'cms');
    const twice = { ...record, findings: [...record.findings, ...record.findings.filter((f) => f.row === 'litigation.direct')] };
    const reaudit = reauditOf(twice, audit(firstPublication(), 'cms', URL_A).findings);
    expect(reaudit.open).toHaveLength(3);
    expect(flatten(reaudit.fixed)).toEqual(['appeals.total appeals litigation.direct total 5 6']);
    expect(reaudit.new).toEqual([]);
  });

  it('leaves blank cells and infos out of the counts, as every view counts', () => {
    const withBlank = (data: ReportData) => {
      const row = Object.keys(data.applications).find((key) => data.applications[key]![2] === 0)!;
      data.applications[row]![2] = '';
      return data;
    };
    const record = recorded(withBlank(firstPublication()), 'cms');
    const again = audit(withBlank(redated()), 'cms', URL_A);
    expect(again.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['cell.empty']));
    const reaudit = reauditOf(record, again.findings);
    expect(reauditCounts(reaudit)).toEqual({ fixed: 0, open: 3, new: 0 });
  });
});
