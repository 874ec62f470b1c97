import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hongze2024, huaian2024 } from '../../fixtures/real-reports';
import { auditHtmlCli, flatten } from '../../support/audit';
import { auditCliInput } from '../../support/cli-audit';
import { partSix } from '../../support/render';
import { clone, consistentReport, setRow, type ReportData } from '../../support/report-data';
import { sharedPath } from '../../support/shared';
import { auditEdited } from './edited-page';

const SHAPES = ['word', 'cms', 'lines', 'tsv'] as const;
const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => f.rule === 'narrative.fee-mismatch'));
const severities = (findings: Parameters<typeof flatten>[0]) => findings.filter((f) => f.rule === 'narrative.fee-mismatch').map((f) => f.severity);

/** 淮安市 2024 (6 applications dropped for unpaid fees) with row （六）2 set, and part 六 written as given. */
function report(dropped: number): ReportData {
  const data = clone(huaian2024);
  setRow(data, '3.6.2', [dropped, 0, 0, 0, 0, 0]);
  return data;
}
const sixSays = (data: ReportData, text: string) => [[partSix(data), text]] as const;

describe('narrative.fee-mismatch', () => {
  it.each(SHAPES)('%s: fee notices sent (（六）2 above 0) while part 六 says nothing of fees, or that none arose: a warning', (shape) => {
    for (const text of ['无。', '本年度无其他需要报告的事项。', '（文字描述，收取信息处理费情况在此处报告。）']) {
      const { findings } = auditEdited(report(2), shape, sixSays(report(2), text));
      expect(only(findings), text).toEqual(['narrative.fee-mismatch applications 3.6.2 total - 2']);
      expect(findings.find((f) => f.rule === 'narrative.fee-mismatch')?.data?.state, text).toBe('fee.silent');
    }
    for (const text of ['本年度未收取信息处理费。', '2025年，无收取信息处理费情况。', '全年收取政府信息公开信息处理费0元。', '本机关政府信息公开工作不涉及收费。', '本年度未发出收费通知，未收取信息处理费。']) {
      const { findings } = auditEdited(report(2), shape, sixSays(report(2), text));
      expect(only(findings), text).toEqual(['narrative.fee-mismatch applications 3.6.2 total - 2']);
      expect(findings.find((f) => f.rule === 'narrative.fee-mismatch')?.data?.state, text).toBe('fee.none');
    }
  });

  it.each(SHAPES)('%s: part 六 reporting the notices or the fees collected: silent', (shape) => {
    for (const text of ['本年度发出收费通知2件，申请人均未按时缴费，未收取信息处理费。', '向2名申请人发出缴费通知，均未缴纳。', '全年收取政府信息公开信息处理费3940元。', '收取信息处理费0.5万元。']) {
      expect(only(auditEdited(report(2), shape, sixSays(report(2), text)).findings), text).toEqual([]);
    }
  });

  it.each(SHAPES)('%s: no application dropped for fees: part 六 silent on fees is an info, saying none arose is nothing', (shape) => {
    const silent = auditEdited(report(0), shape, sixSays(report(0), '无。')).findings;
    expect(only(silent)).toEqual(['narrative.fee-mismatch - - - - -']);
    expect(severities(silent)).toEqual(['info']);
    expect(only(auditEdited(report(0), shape, sixSays(report(0), '本年度未收取信息处理费。')).findings)).toEqual([]);
  });

  it('says what it found and asks for the notices, in both languages', () => {
    const zh = auditEdited(report(2), 'cms', sixSays(report(2), '本年度未收取信息处理费。')).result.findings.find((f) => f.rule === 'narrative.fee-mismatch')!;
    expect(zh.message).toBe('第六部分称未收取信息处理费，而表三“（六）2.申请人逾期未按收费通知要求缴纳费用”为 2 件，说明发出过收费通知：请核对第六部分是否报告了收费通知和信息处理费的收取情况（国办公开办函〔2021〕30号：收取信息处理费的情况在第六部分专门报告）');
    expect(zh.severity).toBe('warning');
    const info = auditEdited(report(0), 'cms', sixSays(report(0), '无。')).result.findings.find((f) => f.rule === 'narrative.fee-mismatch')!;
    expect(info.message).toBe('第六部分未提及信息处理费（国办公开办函〔2021〕30号：收取信息处理费的情况在第六部分专门报告）');
  });

  it('2021 format only; a 2021 report with the single （六） row and part 六 silent is an info (洪泽区 2024 reports 0 元)', () => {
    expect(only(auditEdited(clone(consistentReport('2019', 4)), 'cms', [['本年度未收取信息处理费。', '无。']]).findings)).toEqual([]);
    expect(only(auditEdited(hongze2024, 'cms', [['本年度未收取信息处理费。', '无。']]).findings)).toEqual(['narrative.fee-mismatch - - - - -']);
    expect(only(auditEdited(hongze2024, 'cms').findings)).toEqual([]);
  });

  it.each([
    // 2 applications dropped for unpaid fees, while part 六 says “2025年，无收取信息处理费情况。”
    ['pingtan-2025', ['narrative.fee-mismatch applications 3.6.2 total - 2']],
    ['pingtan-2023', []], // none dropped, 无收取信息处理费情况
    ['pingtan-2024', []],
    ['shuyang-drc-suqian-2023', []], // none dropped, 未发生收费情况
  ] as const)('the real %s', (name, expected) => {
    expect(only(auditHtmlCli(readFileSync(sharedPath('fixtures/real/pages', `${name}.html`), 'utf8')).findings)).toEqual(expected);
  });

  it('the real 淮安市 2024 PDF: 6 dropped, 信息处理费3940元 reported over two printed lines', async () => {
    const result = await auditCliInput(sharedPath('fixtures/real/huaian-city-2024.pdf'));
    expect(result!.findings.filter((f) => f.rule === 'narrative.fee-mismatch')).toEqual([]);
  }, 60_000);
});
