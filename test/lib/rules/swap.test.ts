import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lib/model/finding';
import { causeTitle, groupByCause } from '../../../lib/present/cause';
import { resultIn } from '../../../lib/result';
import { auditShape } from '../../support/audit';
import type { HtmlShape, TextShape } from '../../support/render';
import { applicationRows, consistentReport, type ReportData } from '../../support/report-data';

/**
 * The applications table drawn as on the page: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计.
 * Rows not drawn are result rows of 0. The real 2021 report behind the first case booked its 2
 * 社会公益组织 applications as 自然人 in （七）总计 only: received, answered and carried as 公益, summed as 自然人.
 */
const MISBOOKED_IN_TOTAL = `
            自然人 商业 科研 公益 法律 其他 总计
1             31    1    0    2    0    0    34
2              2    0    0    0    0    0     2
3.1           14    1    0    2    0    0    17
3.2            6    0    0    0    0    0     6
3.3.5          3    0    0    0    0    0     3
3.4.1          8    0    0    0    0    0     8
3.7           33    1    0    0    0    0    34   ← 2 公益 summed as 自然人
4              2    0    0    0    0    0     2
`;

/**
 * A peer's 2025 report: one 其他 applicant booked as 自然人 (自然人 +1, 其他 −1) in （一）予以公开, its 总计
 * right. Only （一） holds 自然人 results, so only it can have lent one.
 */
const MISBOOKED_IN_RESULT_ROW = `
            自然人 商业 科研 公益 法律 其他 总计
1             19    7    0    0    0    1    27
3.1           13    0    0    0    0    0    13   ← the 其他 applicant booked as 自然人
3.2            0    7    0    0    0    0     7
3.7           12    7    0    0    0    1    20
4              7    0    0    0    0    0     7
`;

/** The same, but （三）5. also holds 自然人 results: it could as well be the row the 其他 went into. */
const MISBOOKED_IN_ONE_OF_TWO_ROWS = `
            自然人 商业 科研 公益 法律 其他 总计
1             21    7    0    0    0    1    29
3.1           13    0    0    0    0    0    13   ← the 其他 applicant booked as 自然人 (or in （三）5.?)
3.2            0    7    0    0    0    0     7
3.3.5          2    0    0    0    0    0     2
3.7           14    7    0    0    0    1    22
4              7    0    0    0    0    0     7
`;

/** One 自然人 answer booked in （一） that belongs in （二）: each row's total is right, its parts are not. */
const TWO_ROWS_OF_ONE_COLUMN = `
            自然人 商业 科研 公益 法律 其他 总计
1             20    0    0    0    0    0    20
3.1           13    0    0    0    0    0    12   ← one of （二）'s in （一）
3.2            7    0    0    0    0    0     8
3.7           20    0    0    0    0    0    20
`;

/**
 * 2 公益 booked as 自然人 in （一） and so, adding up, in （七）总计: only the balance fails. The 2 came in
 * one this year and one carried over, so no one row of the other side could explain it instead.
 */
const IN_RESULT_ROW_AND_TOTAL = `
            自然人 商业 科研 公益 法律 其他 总计
1             10    0    0    1    0    0    11
2              0    0    0    1    0    0     1
3.1           12    0    0    0    0    0    12   ← 2 公益 booked as 自然人 here
3.7           12    0    0    0    0    0    12   ← and so in （七）总计
`;

/** The same with both 公益 received this year: booked wrong in row 1 instead fits as well, so nobody can say which. */
const IN_RESULT_ROW_OR_RECEIVED = `
            自然人 商业 科研 公益 法律 其他 总计
1             10    0    0    2    0    0    12
3.1           12    0    0    0    0    0    12
3.7           12    0    0    0    0    0    12
`;

/** Two unrelated mistakes: （一） 自然人 2 too many, （二） 法律服务机构 1 too many. No one move explains both. */
const UNRELATED_PAIR = `
            自然人 商业 科研 公益 法律 其他 总计
1             20    0    0    0    1    0    21
3.1           14    0    0    0    0    0    12   ← 自然人 should be 12
3.2            8    0    0    0    2    0     9   ← 法律 should be 1
3.7           20    0    0    0    1    0    21
`;

const COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];

function drawn(picture: string, seed = 5): ReportData {
  const data = consistentReport('2021', seed);
  for (const row of applicationRows(data.other)) data.applications[row] = COLUMNS.map(() => 0);
  for (const line of picture.trim().split('\n').slice(1)) {
    const [row, ...cells] = line.replace(/←.*/, '').trim().split(/\s+/);
    data.applications[row!] = cells.map(Number);
  }
  return data;
}

const SHAPES: (HtmlShape | TextShape)[] = ['word', 'cms', 'lines'];
const relationFindings = <F extends Finding>(findings: readonly F[]) => findings.filter((f) => /^applications\.(row-total|results-total|balance)$/.test(f.rule));
const swapOf = (f: Finding) => f.data?.swap ?? null;

describe('swap: one move of N applications between two cells', () => {
  it('diagnoses 2 社会公益组织 applications booked as 自然人 in （七）总计, on all four findings, naming both cells', () => {
    for (const shape of SHAPES) {
      const audit = auditShape(drawn(MISBOOKED_IN_TOTAL), shape);
      const found = relationFindings(audit.findings);
      expect(found.map((f) => `${f.rule} ${f.column}`).sort(), shape).toEqual([
        'applications.balance natural', 'applications.balance social', 'applications.results-total natural', 'applications.results-total social']);
      const swap = { from: { table: 'applications', row: '3.7', column: 'natural' }, to: { table: 'applications', row: '3.7', column: 'social' }, amount: 2 };
      for (const f of found) {
        expect(swapOf(f), `${shape} ${f.rule} ${f.column}`).toEqual(swap);
        expect(f.suspect).toEqual(swap.from);
        expect(f.data?.suspectValue).toBeUndefined();
      }
      for (const f of relationFindings(audit.result.findings)) expect(f.message).toContain('；「（七）总计」行有 2 件申请记在「自然人」，应在「社会公益组织」（移正后相关各项均相符）');
    }
  });

  it('diagnoses 自然人 +1 / 其他 −1 in a result row when only that row holds 自然人 results to lend', () => {
    const found = relationFindings(auditShape(drawn(MISBOOKED_IN_RESULT_ROW), 'word').findings);
    expect(found.map((f) => `${f.rule} ${f.column}`).sort()).toEqual(['applications.results-total natural', 'applications.results-total other']);
    for (const f of found) expect(swapOf(f)).toEqual({ from: { table: 'applications', row: '3.1', column: 'natural' }, to: { table: 'applications', row: '3.1', column: 'other' }, amount: 1 });
  });

  it('gives none when two result rows could equally have lent it', () => {
    const found = relationFindings(auditShape(drawn(MISBOOKED_IN_ONE_OF_TWO_ROWS), 'word').findings);
    expect(found.map((f) => `${f.rule} ${f.column}`).sort()).toEqual(['applications.results-total natural', 'applications.results-total other']);
    expect(found.filter(swapOf)).toEqual([]);
  });

  it('diagnoses two rows of one column, and says so by the column', () => {
    const audit = auditShape(drawn(TWO_ROWS_OF_ONE_COLUMN), 'cms');
    const found = relationFindings(audit.findings);
    expect(found.map((f) => `${f.rule} ${f.row}`).sort()).toEqual(['applications.row-total 3.1', 'applications.row-total 3.2']);
    for (const f of found) expect(swapOf(f)).toEqual({ from: { table: 'applications', row: '3.1', column: 'natural' }, to: { table: 'applications', row: '3.2', column: 'natural' }, amount: 1 });
    expect(relationFindings(audit.result.findings)[0]!.message).toContain('「自然人」列有 1 件申请记在「（一）予以公开」，应在「（二）部分公开」');
  });

  it('diagnoses the same move in a result row and in （七）总计, naming （七）总计 as `also`', () => {
    const audit = auditShape(drawn(IN_RESULT_ROW_AND_TOTAL), 'word');
    const found = relationFindings(audit.findings);
    expect(found.map((f) => `${f.rule} ${f.column}`).sort()).toEqual(['applications.balance natural', 'applications.balance social']);
    for (const f of found) {
      expect(swapOf(f)).toEqual({
        from: { table: 'applications', row: '3.1', column: 'natural' }, to: { table: 'applications', row: '3.1', column: 'social' }, amount: 2,
        also: { from: { table: 'applications', row: '3.7', column: 'natural' }, to: { table: 'applications', row: '3.7', column: 'social' } },
      });
    }
    expect(audit.result.findings.find((f) => f.rule === 'applications.balance')!.message).toContain('「（一）予以公开」行与「（七）总计」行各有 2 件申请记在「自然人」，应在「社会公益组织」');
  });

  it('gives none when the received side could as well be the one booked wrong', () => {
    const found = relationFindings(auditShape(drawn(IN_RESULT_ROW_OR_RECEIVED), 'word').findings);
    expect(found.map((f) => `${f.rule} ${f.column}`).sort()).toEqual(['applications.balance natural', 'applications.balance social']);
    expect(found.filter(swapOf)).toEqual([]);
  });

  it('gives no diagnosis for an unrelated pair of errors: each keeps its own likely culprit', () => {
    const found = relationFindings(auditShape(drawn(UNRELATED_PAIR), 'word').findings);
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(found.filter(swapOf)).toEqual([]);
    expect(new Set(found.map((f) => f.suspect && `${f.suspect.row}/${f.suspect.column}`))).toEqual(new Set(['3.1/natural', '3.2/legal']));
  });

  it('says it in English too', () => {
    const english = resultIn(auditShape(drawn(MISBOOKED_IN_TOTAL), 'word'), 'en');
    const balance = english.findings.find((f) => f.rule === 'applications.balance')!;
    expect(balance.message).toContain('in row “3.7 Total”, 2 application(s) booked under “natural persons” belong under “public-interest organisations”');
  });
});

describe('swap: one cause in the list, the memo and the exports', () => {
  it('groups the four findings under one line that names both cells', () => {
    const { result } = auditShape(drawn(MISBOOKED_IN_TOTAL), 'word');
    const groups = groupByCause(result.findings, result).filter((g) => g.kind !== 'blank' && g.kind !== 'single');
    expect(groups.map((g) => [g.kind, g.indexes.length])).toEqual([['swap', 4]]);
    expect(causeTitle(groups[0]!, '2021', 'zh')).toBe('「（七）总计」行有 2 件申请记在「自然人」，应在「社会公益组织」：牵连 4 条勾稽关系');
  });
});
