/**
 * How report prose states table quantities (lib/template/narrative.ts): each phrasing real reports
 * use, with the sentence it was found in; and every statement read from every real report text at
 * hand (../shared: the seeds, the real pages, the real PDFs' text), so that what the reader matches
 * and misses on real prose is written down and cannot drift.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditPrepared } from '../../../lib/batch/audit-batch';
import { cliEnv, prepareCliInput } from '../../../lib/cli/inputs';
import { statedIn } from '../../../lib/template/narrative';
import { inPageOrder, joinRunOnLines } from '../../../lib/template/sections';
import { sharedPath } from '../../support/shared';

const read = (sentence: string, year: number) => statedIn(sentence, year).map((s) => `${s.quantity.term} ${s.value}`);

describe('the phrasings of real reports, each with its source sentence', () => {
  it.each([
    // 收到依申请信息公开 N 件: 沭阳县发展和改革局 2023 (and the same words, 62 against a table of 26, on a page of issue 20).
    ['shuyang-drc-suqian-2023', '2023年度我局共收到依申请信息公开26件，及时回复申请人。', 2023, ['q.received 26']],
    // 受理…申请 N 件: 洪泽区 2024 (PDF, one sentence over two printed lines), 上海市人民政府办公厅 2019.
    ['hongze-district-huaian-2024', '2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。', 2024, ['q.received 17']],
    ['shanghai-gov-office-2019', '市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%。', 2019, ['q.received 859']],
    ['a page of issue 20', '受理公民、法人和其他组织提出的政府信息公开申请62件。', 2023, ['q.received 62']],
    // 共办理…申请 N 件: 平潭 2024, seed 003.
    ['pingtan-2024', '全年办理政府信息公开申请218件。', 2024, ['q.handled 218']],
    ['seed 003', '2020年共办理依申请公开0件。', 2020, ['q.handled 0']],
    // 答复申请 N 件: 上海市人民政府办公厅 2019, 淮安市 2024.
    ['shanghai-gov-office-2019', '答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。', 2019, ['q.3.7 805']],
    ['huaian-city-2024', '2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。', 2024, ['q.3.7 3050']],
    // 申请 N 件全部办结: a phrasing the issue lists from real reports; no report at hand writes it.
    ['issue 20', '本年度政府信息公开申请26件全部办结。', 2023, ['q.handled 26']],
    // 办结, 结转至下一年 in one sentence with the next year named: 平潭 2025.
    ['pingtan-2025', '2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。', 2025, ['q.3.7 148', 'q.4 6']],
    // 予以公开及部分公开 N 件: the two rows at once (平潭 2023); its subject carried from the sentence before (上海 2019).
    ['pingtan-2023', '办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%。', 2023, ['q.3.7 81', 'q.disclosed 42', 'q.3.3 5']],
    ['shanghai-gov-office-2019', '答复政府信息公开申请805件。予以公开及部分公开258件，占33.9%；不予处理158件，占19.6%；其他处理0件。', 2019,
      ['q.3.7 805', 'q.disclosed 258', 'q.3.5 158', 'q.3.6 0']],
    // 现行有效 documents and 制发的 documents: 平潭 2023; 规章 of the city government: 淮安市 2024.
    ['pingtan-2023', '清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。', 2023, ['q.normative.in-force 393', 'q.normative 77']],
    ['huaian-city-2024', '全年新增公开市政府规章1件、市政府及市政府办政策性文件11件。', 2024, ['q.regulations 1']],
    // 诉讼 alone after 行政复议: 上海 2019.
    ['shanghai-gov-office-2019', '信息公开类行政复议7件，诉讼9件，均获维持。', 2019, ['q.reconsideration 7', 'q.litigation 9']],
  ] as const)('%s: %s', (_, sentence, year, expected) => {
    expect(read(sentence, year)).toEqual(expected);
  });

  it.each([
    // Documents counted by their disclosure attribute (a page of issue 20), in 条 or in 件.
    '全年印发公文类政府信息共514条，其中主动公开信息数130，依申请公开信息数363条，不予公开21条。',
    '全年制发公文600件，其中主动公开500件，依申请公开80件，不予公开20件。',
    '收到政府信息公开申请50件。全年制发公文600件，其中主动公开500件，不予公开20件。'.split('。')[1]!,
    // Last year, another unit, a range.
    '上年度共收到政府信息公开申请2890件。',
    '2022年，共收到政府信息公开申请40件。',
    '各乡镇（街道）共收到政府信息公开申请300件。',
    '局属单位共受理政府信息公开申请12件。',
    '全年共收到政府信息公开申请20余件。',
    '全年共收到政府信息公开申请约3000件。',
    '全年共收到政府信息公开申请3000件左右。',
    '全年共收到政府信息公开申请3000件以上。',
    // One reason of a group, though worded as all of them (上海 2019: 265 is 本机关不掌握 alone; the group is 337).
    '因本机关不掌握等原因无法提供265件，占32.9%。',
    // Not applications: licences (seed 000), a hotline (seed 002), 网络问政 (沭阳 2023).
    '截止2020年底，共接收行政许可审批件10件，办结10件，办结率100％。',
    '我区今年共承办4388件热线业务，办结率为91.3%。',
    '全年受理网络问政182件。',
    // A 司法局's caseload after a sentence about applications: an appeal's subject must be its own sentence's.
    '收到政府信息公开申请5件。全年共办理行政复议案件120件。',
  ])('never a statement: %s', (sentence) => {
    expect(read(sentence, 2023).filter((s) => !s.startsWith('q.received 5 '))).toEqual(sentence.startsWith('收到政府信息公开申请5件') ? ['q.received 5'] : []);
  });
});

/**
 * Every statement read from every real report text at hand, by file. What a reader of these reports
 * finds that the phrases do not (recall misses), as comments:
 * - huaian-city-2024: “另有103件顺延到下年度答复” (row 4, 103); “全市共受理…3119件” is left out on purpose (全市 may add every agency of the city).
 * - shanghai-gov-office-2019: “主动公开规章13件，行政规范性文件60件” (the 60: its verb is the clause before);
 *   “因本机关不掌握等原因无法提供265件” is left out on purpose (265 is one reason's count).
 * - hongze-district-huaian-2023 “全区受理…21件”, pingtan-2020 “全区各级行政机关共受理…21件”, pingtan-2023
 *   “全区接收通过邮寄、网络提交的…81件”, pingtan-2025 “全区共收到…154件”: the whole area, left out on purpose.
 * - pingtan-2023 “涉及自然人80件、商业企业1件”: per-applicant counts, not read.
 */
const REAL: Record<string, string[]> = {
  '000_543bbcdbfb9939df.txt': [],
  '001_8d9cbd73003ec48a.txt': [],
  '002_0c9827e6b67986f5.txt': [],
  '003_864908085ec3dcf1.txt': ['q.handled 0'],
  '004_c3fcc36b9cf6fff1.txt': [],
  'hongze-district-huaian-2023.pdf': [],
  'hongze-district-huaian-2024.pdf': ['q.received 17'],
  'huaian-city-2024.pdf': ['q.regulations 1', 'q.3.7 3050', 'q.reconsideration 351', 'q.litigation 46'],
  'pingtan-2020.html': [],
  'pingtan-2023.html': ['q.normative.in-force 393', 'q.normative 77', 'q.3.7 81', 'q.disclosed 42', 'q.3.3 5', 'q.3.4 31', 'q.3.5 1', 'q.3.6 2',
    'q.reconsideration 2', 'q.litigation 7'],
  'pingtan-2024.html': ['q.handled 218', 'q.normative 62'],
  'pingtan-2025.html': ['q.3.7 148', 'q.4 6', 'q.reconsideration 36', 'q.litigation 9'],
  'shanghai-gov-office-2019.html': ['q.regulations 13', 'q.received 859', 'q.3.7 805', 'q.disclosed 258', 'q.3.3 35', 'q.3.5 158', 'q.3.6 0',
    'q.reconsideration 7', 'q.litigation 9'],
  'shuyang-drc-suqian-2023.html': ['q.received 26'],
};

describe('every real report text at hand', () => {
  const files = [
    ...readdirSync(sharedPath('seeds')).filter((f) => f.endsWith('.txt')).map((f) => sharedPath('seeds', f)),
    ...readdirSync(sharedPath('fixtures/real')).filter((f) => f.endsWith('.pdf')).map((f) => sharedPath('fixtures/real', f)),
    ...readdirSync(sharedPath('fixtures/real/pages')).filter((f) => f.endsWith('.html')).map((f) => sharedPath('fixtures/real/pages', f)),
  ];

  it('reads exactly the statements a reader finds there, no others', async () => {
    const env = await cliEnv('zh');
    const found: Record<string, string[]> = {};
    for (const file of files) {
      const [item] = await prepareCliInput(file, false, env);
      const report = auditPrepared(item!)!.report;
      found[file.split('/').pop()!] = joinRunOnLines(inPageOrder(report.texts)).flatMap((block) => read(block.text, report.year!));
    }
    expect(found).toEqual(REAL);
  }, 120_000);
});
