import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hongze2023, hongze2024, huaian2024 } from '../../fixtures/real-reports';
import { auditHtmlCli, flatten } from '../../support/audit';
import { auditCliInput } from '../../support/cli-audit';
import { sharedPath } from '../../support/shared';
import { clone, consistentReport } from '../../support/report-data';
import { auditEdited, PROSE } from './edited-page';

const SHAPES = ['word', 'cms', 'lines', 'tsv'] as const;
const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => f.rule === 'narrative.mismatch'));

/** 淮安市 2024, part 一（二）as published (pdftotext of huaian-city-2024.pdf, line breaks joined). */
const HUAIAN_PROSE = '2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复），均在法定期限内予以答复。'
  + '政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。';
/** The same facts as a department writes them (no 全市: the scope is the agency itself). */
const DEPARTMENT_PROSE = '2024年，本机关共收到政府信息公开申请3119件，其中予以公开1362件，部分公开454件，不予公开178件。共办结政府信息公开申请3050件，结转下年度继续办理103件。'
  + '本年度因政府信息公开被申请行政复议351件，被提起行政诉讼46件。2024年制发行政规范性文件8件。';

const withProse = (prose: string) => [[PROSE.overview, prose]] as const;

describe('narrative.mismatch', () => {
  it.each(SHAPES)('淮安市 2024 (%s): the published prose agrees with its tables', (shape) => {
    expect(only(auditEdited(huaian2024, shape, withProse(HUAIAN_PROSE)).findings)).toEqual([]);
    expect(only(auditEdited(huaian2024, shape, withProse(DEPARTMENT_PROSE)).findings)).toEqual([]);
  });

  it.each(SHAPES)('淮安市 2024 (%s): one number of the prose changed is one finding, with the sentence and both values', (shape) => {
    const cases: [string, string, string][] = [
      ['共收到政府信息公开申请3119件', '共收到政府信息公开申请3191件', 'narrative.mismatch applications 1 total 3119 3191'],
      ['予以公开1362件', '予以公开1326件', 'narrative.mismatch applications 3.1 total 1362 1326'],
      ['部分公开454件', '部分公开445件', 'narrative.mismatch applications 3.2 total 454 445'],
      ['不予公开178件', '不予公开187件', 'narrative.mismatch applications - total 178 187'],
      ['共办结政府信息公开申请3050件', '共办结政府信息公开申请3005件', 'narrative.mismatch applications 3.7 total 3050 3005'],
      ['结转下年度继续办理103件', '结转下年度继续办理130件', 'narrative.mismatch applications 4 total 103 130'],
      ['被申请行政复议351件', '被申请行政复议315件', 'narrative.mismatch appeals reconsideration total 351 315'],
      ['被提起行政诉讼46件', '被提起行政诉讼64件', 'narrative.mismatch appeals - total 46 64'],
      ['制发行政规范性文件8件', '制发行政规范性文件9件', 'narrative.mismatch active 1.normative issued 8 9'],
    ];
    for (const [from, to, expected] of cases) {
      const { findings } = auditEdited(huaian2024, shape, withProse(DEPARTMENT_PROSE.replace(from, to)));
      expect(only(findings), to).toEqual([expected]);
      expect(findings.find((f) => f.rule === 'narrative.mismatch')?.text, to).toContain(to);
    }
  });

  it('says what the text states and what the table holds, in both languages', () => {
    const prose = DEPARTMENT_PROSE.replace('共收到政府信息公开申请3119件', '共收到政府信息公开申请3191件');
    const zh = auditEdited(huaian2024, 'cms', withProse(prose)).result.findings.find((f) => f.rule === 'narrative.mismatch');
    expect(zh?.message).toBe(`正文称收到申请 3191 件，表中为 3119 件：“${prose.split('。')[0]!.slice(0, 120)}。”`);
    expect(zh?.cells).toEqual([{ table: 'applications', row: '1', column: 'total' }]);
  });

  it.each(['cms', 'lines'] as const)('淮安市 2024 (%s): sentences that can be read two ways are never findings', (shape) => {
    const twoWays = [
      '2024年共收到政府信息公开申请3153件（含上年结转34件）。', // counts the carried-over ones: 3119 + 34
      '共收到政府信息公开申请3153件。', // 受理 may include the carried-over ones
      '其中予以公开及部分公开1816件。', // two rows at once
      '予以公开和部分公开共计1816件。',
      '2023年共收到政府信息公开申请2890件。', // another year
      '共收到政府信息公开申请3119件，同比增长12件，较上年增加行政复议20件。', // 同比/上年
      '上年结转政府信息公开申请34件。',
      '全市共受理政府信息公开申请5000件。', // the whole city, not this government's table
      '收到涉及房屋征收的政府信息公开申请300件。', // a part of them
      '其中自然人申请予以公开1288件。', // one applicant kind
      '通过网上收到政府信息公开申请2000件。', // one channel
      '因本机关不掌握相关信息无法提供900件。', // one reason of a group
      '行政复议后提起行政诉讼20件。', // one kind of suit
      '共接收行政许可审批件10件，办结10件，办结率100％。', // 办结 of licences (seed 000), not of applications
      '全年主动公开政府信息12000条，予以公开率95%。',
      '其中予以公开1362件，部分公开454件，不予公开（含不予处理）300件。', // the bracket adds a row
      '全年共办理行政复议案件120件，行政诉讼案件30件。', // a 司法局's caseload, not about disclosure
    ];
    for (const sentence of twoWays) {
      expect(only(auditEdited(huaian2024, shape, withProse(sentence)).findings), sentence).toEqual([]);
    }
  });

  it('the real 洪泽区 reports: 2023 agrees (21 件); 2024 states 17 件 against a table of 95', () => {
    const h2023 = '2023年全区受理政府信息公开申请21件，均在法定期限答复。';
    expect(only(auditEdited(hongze2023, 'word', withProse(h2023)).findings)).toEqual([]);
    // As published: “区政府办代表区政府受理政府信息公开申请17件” while row 1 says 95: a human should look.
    const h2024 = '2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。';
    expect(only(auditEdited(hongze2024, 'word', withProse(h2024)).findings)).toEqual(['narrative.mismatch applications 1 total 95 17']);
  });

  it('consistent reports with numbers in their prose: silent, whatever the seed', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      for (const format of ['2019', '2021'] as const) {
        const data = clone(consistentReport(format, seed));
        const [received, results] = [data.applications['1']![6], data.applications['3.7']![6]];
        const prose = `本年度共收到政府信息公开申请${String(received)}件，共办结${String(results)}件政府信息公开申请，办结政府信息公开申请${String(results)}件。`;
        expect(only(auditEdited(data, 'cms', withProse(prose)).findings), `${format} ${seed}`).toEqual([]);
      }
    }
  });

  it.each(SHAPES)('%s: documents counted by disclosure attribute, last year, another unit and ranges are never findings', (shape) => {
    const never = [
      '全年印发公文类政府信息共514条，其中主动公开信息数130，依申请公开信息数363条，不予公开21条。', // a page of issue 20: 公文, not applications
      '全年制发公文600件，其中主动公开500件，依申请公开80件，不予公开20件。',
      '上年度共收到政府信息公开申请2890件。',
      '2023年，共收到政府信息公开申请2890件。',
      '各乡镇（街道）共收到政府信息公开申请300件。',
      '局属单位共受理政府信息公开申请12件。',
      '全年共收到政府信息公开申请3000余件。',
      '全年共收到政府信息公开申请3000件左右。',
      '因本机关不掌握等原因无法提供769件。', // 上海 2019's wording: the count of one reason (769 is 3.4.1), not of the group (781)
    ];
    for (const sentence of never) expect(only(auditEdited(huaian2024, shape, withProse(sentence)).findings), sentence).toEqual([]);
  });

  it.each(SHAPES)('%s: the real phrasings, each stating a number the table does not hold, are each one finding', (shape) => {
    const cases: [string, string][] = [
      ['2024年度我局共收到依申请信息公开3191件，及时回复申请人。', 'narrative.mismatch applications 1 total 3119 3191'],
      ['受理公民、法人和其他组织提出的政府信息公开申请3191件。', 'narrative.mismatch applications 1 total 3119 3191'],
      ['全年办理政府信息公开申请3191件。', 'narrative.mismatch applications 1 total 3119 3191'],
      ['答复政府信息公开申请3005件（含上年度结转申请34件）。', 'narrative.mismatch applications 3.7 total 3050 3005'],
      ['本年度政府信息公开申请3191件全部办结。', 'narrative.mismatch applications 1 total 3119 3191'],
      ['答复政府信息公开申请3050件。予以公开及部分公开1861件，不予处理88件。', 'narrative.mismatch applications - total 1816 1861'],
      ['清理并集中发布现行有效行政规范性文件60件。', 'narrative.mismatch active 1.normative in_force 66 60'],
    ];
    for (const [sentence, expected] of cases) {
      expect(only(auditEdited(huaian2024, shape, withProse(sentence)).findings), sentence).toEqual([expected]);
      // The same sentence with the table's own number: silent.
      const right = sentence.replace('3191', '3119').replace('3005', '3050').replace('1861', '1816').replace('60件', '66件');
      expect(only(auditEdited(huaian2024, shape, withProse(right)).findings), right).toEqual([]);
    }
  });
});

describe('narrative.mismatch on the real pages', () => {
  const page = (name: string) => readFileSync(sharedPath('fixtures/real/pages', `${name}.html`), 'utf8');

  it.each([
    ['shuyang-drc-suqian-2023', []], // 收到依申请信息公开26件 = 26
    ['pingtan-2023', ['narrative.mismatch active 1.normative in_force 470 393']], // 现行有效行政规范性文件393件; the table: 470
    ['pingtan-2024', []], // 办理政府信息公开申请218件 = 218
    ['pingtan-2025', []], // 办结148件, 结转至2026年6件, 行政复议36起, 行政诉讼9起
    // 予以公开及部分公开258件 against 272 + 3 (the 总计 left blank: the row's columns are what a reader adds).
    ['shanghai-gov-office-2019', ['narrative.mismatch applications - total 275 258']],
  ] as const)('%s', (name, expected) => {
    expect(only(auditHtmlCli(page(name)).findings)).toEqual(expected);
  });

  it('沭阳县发展和改革局 2023 as a page of issue 20 wrote it: 收到依申请信息公开62件 against a table of 26', () => {
    const edited = page('shuyang-drc-suqian-2023').replace('face="Times New Roman">26</font>', 'face="Times New Roman">62</font>');
    expect(only(auditHtmlCli(edited).findings)).toEqual(['narrative.mismatch applications 1 total 26 62']);
  });

  it('洪泽区 2024 (PDF): “区政府办代表区政府受理政府” / “信息公开申请 17 件” over two printed lines is read as one sentence', async () => {
    const result = await auditCliInput(sharedPath('fixtures/real/hongze-district-huaian-2024.pdf'));
    expect(flatten(result!.findings.filter((f) => f.rule === 'narrative.mismatch'))).toEqual(['narrative.mismatch applications 1 total 95 17']);
  }, 60_000);
});

