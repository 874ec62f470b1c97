import { describe, expect, it } from 'vitest';
import { auditText } from '../../../lib/audit';
import type { Finding } from '../../../lib/model/finding';
import { runRules } from '../../../lib/rules';
import { nameSuspects } from '../../../lib/rules/suspect';
import { renderMessage } from '../../../lib/i18n/render';
import { internalErrors } from '../../../lib/result';
import { renderText } from '../../support/render';
import { applicationRows, consistentReport, getCell, random, setCell, type ReportData } from '../../support/report-data';

const RELATION = /^(applications|appeals|active)\.(row-total|results-total|balance|total)$/;
const COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];

function audit(data: ReportData) {
  return auditText(renderText(data, 'lines'));
}

const relations = (findings: readonly Finding[]) => findings.filter((f) => RELATION.test(f.rule));
const at = (f: Finding) => (f.suspect ? `${f.suspect.table}/${f.suspect.row}/${f.suspect.column}=${String(f.data?.suspectValue)}` : 'none');

describe('suspect: the one cell whose change clears the failed relationships', () => {
  it('names the mistyped cell of the applications table, with its true value, on every finding it breaks', () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed += 1) {
      const format = seed % 2 ? '2021' : '2019';
      const data = consistentReport(format, seed);
      const next = random(seed * 7919);
      const rows = applicationRows(data.other).filter((row) => Array.isArray(data.applications[row]));
      const row = rows[Math.floor(next() * rows.length)]!;
      const column = COLUMNS[Math.floor(next() * COLUMNS.length)]!;
      const truth = getCell(data, 'applications', row, column) as number;
      setCell(data, 'applications', row, column, truth + 1 + Math.floor(next() * 9));
      const found = relations(audit(data).findings);
      expect(found.length, `seed ${seed}: ${row}/${column} breaks something`).toBeGreaterThan(0);
      for (const f of found) expect(at(f), `seed ${seed} ${f.rule} ${f.row}/${f.column}`).toBe(`applications/${row}/${column}=${truth}`);
      checked += found.length;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('names each of two independent mistakes on its own findings', () => {
    const data = consistentReport('2021', 11);
    const a = getCell(data, 'applications', '1', 'natural') as number;
    const b = getCell(data, 'applications', '3.2', 'legal') as number;
    setCell(data, 'applications', '1', 'natural', a + 5);
    setCell(data, 'applications', '3.2', 'legal', b + 2);
    const found = relations(audit(data).findings);
    const byCell = (row: string, column: string) => found.filter((f) => f.cells.some((c) => c.row === row && c.column === column)).map(at);
    expect(new Set(byCell('1', 'natural'))).toEqual(new Set([`applications/1/natural=${a}`]));
    expect(new Set(byCell('3.2', 'legal'))).toEqual(new Set([`applications/3.2/legal=${b}`]));
  });

  it('blames the 总计 when only raising it is possible (洪泽区 2023: 10 + 1 with 总计 0), and no one when two cells fit equally', () => {
    const data = consistentReport('2021', 3);
    data.appeals = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
    const found = relations(audit(data).findings);
    const text = Object.fromEntries(found.map((f) => [f.row, at(f)]));
    // Lowering 结果维持 or 结果纠正 by 11 would make a negative count: only the total can be wrong.
    expect(text.reconsideration).toBe('appeals/reconsideration/total=11');
    // 5 0 0 0 / 总计 0: 结果维持 = 0 would fit as well as 总计 = 5, but the whole 总计 column is 0 and
    // fails twice: the column is the cause, so only its cell is named.
    expect(text['litigation.after_reconsideration']).toBe('appeals/litigation.after_reconsideration/total=5');
  });

  it('names nobody where two cells fit equally and no column is the cause', () => {
    const data = consistentReport('2021', 3);
    data.appeals = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
    const found = relations(audit(data).findings);
    expect(found.map((f) => [f.row, at(f)])).toEqual([['litigation.after_reconsideration', 'none']]);
  });

  it('says it in the message, in Chinese and in English', () => {
    const data = consistentReport('2019', 5);
    const truth = getCell(data, 'applications', '2', 'research') as number;
    setCell(data, 'applications', '2', 'research', truth + 4);
    const result = audit(data);
    const rowTotal = result.findings.find((f) => f.rule === 'applications.row-total')!;
    expect(renderMessage(rowTotal, '2019', 'zh')).toContain(`；最可能填错的是“二、上年结转政府信息公开申请数量”的“科研机构”（若为 ${truth}，相关各项均相符）`);
    expect(renderMessage(rowTotal, '2019', 'en')).toContain(`most likely the mistake is “2 Applications carried over from last year” / “research institutions” (${truth} would`);
    const raw = result.report;
    const balance = nameSuspects(raw, runRules(raw).findings).find((f) => f.rule === 'applications.balance')!;
    expect(balance.suspect).toEqual({ table: 'applications', row: '2', column: 'research' });
    expect(result.result.findings.find((f) => f.rule === 'applications.row-total')!.message).toContain('最可能填错的是');
  });

  it('leaves findings untouched when no relationship failed', () => {
    const data = consistentReport('2021', 9);
    setCell(data, 'applications', '1', 'natural', '见附件');
    const report = audit(data).report;
    const { findings } = runRules(report);
    expect(nameSuspects(report, findings)).toBe(findings);
  });

  it('turns a failure inside the pass into an internal error, which the fuzz and property tests fail on', () => {
    const data = consistentReport('2021', 4);
    setCell(data, 'applications', '1', 'natural', (getCell(data, 'applications', '1', 'natural') as number) + 3);
    const report = audit(data).report;
    const { findings } = runRules(report);
    expect(relations(findings).length).toBeGreaterThan(0);
    // A table that breaks when read: the kind of bug the pass must report, not swallow as a page anomaly.
    const broken = { ...report, tables: new Proxy(report.tables, { get: () => { throw new Error('table gone'); } }) };
    const failures: string[] = [];
    expect(nameSuspects(broken, findings, failures)).toBe(findings);
    expect(internalErrors({ anomalies: failures })).toEqual(['internal error in suspect pass: Error: table gone']);
  });
});

describe('suspect: a whole column left blank', () => {
  it('names no cell when the 总计 column was never filled in (the column is the cause)', () => {
    const data = consistentReport('2019', 14);
    for (const row of Object.keys(data.applications)) setCell(data, 'applications', row, 'total', '');
    const found = audit(data).findings.filter((f) => f.rule.startsWith('applications.'));
    expect(found.length).toBeGreaterThan(3);
    expect(found.filter((f) => f.suspect)).toEqual([]);
  });

  it('still names a wrong cell elsewhere in the same report', () => {
    const data = consistentReport('2019', 14);
    for (const row of Object.keys(data.applications)) setCell(data, 'applications', row, 'total', '');
    data.appeals = [10, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    const found = audit(data).findings.filter((f) => f.rule === 'appeals.total');
    expect(found.map((f) => [f.suspect, f.data?.suspectValue])).toEqual([[{ table: 'appeals', row: 'reconsideration', column: 'total' }, 11]]);
  });
});
