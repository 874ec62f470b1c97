import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../lib/batch/previous';
import { proseSentences, proseTexts, repetition } from '../../../lib/batch/prose';
import type { PreviousReport } from '../../../lib/model/report';
import { auditHtml, flatten } from '../../support/audit';
import { renderHtml } from '../../support/render';
import { clone, consistentReport, setRow, type ReportData } from '../../support/report-data';

const PROSE_2021 = '本报告依据《中华人民共和国政府信息公开条例》编制。全年主动公开政府信息若干条，依申请公开工作依法办理。';
const PROSE_4 = '一是公开内容还需进一步丰富；二是工作机制还需进一步完善。下一步将加强培训，提升公开质量。';

function titled(data: ReportData, year: number): ReportData {
  data.title = `测试市示例局${year}年政府信息公开工作年度报告`;
  data.published = `${year + 1}-01-20`;
  return data;
}

/** Both reports' prose replaced, so that a test decides what repeats. */
function page(data: ReportData, prose: [string, string] = [PROSE_2021, PROSE_4]): string {
  return renderHtml(data, 'word').replace(PROSE_2021, prose[0]).replace(PROSE_4, prose[1]);
}

function previousOf(data: ReportData, prose?: [string, string]): PreviousReport {
  return snapshotOf(auditHtml(page(data, prose)).report, 'https://www.example.gov.cn/2020nb.html');
}

function crossyear(data: ReportData, previous: PreviousReport, prose?: [string, string]) {
  const { findings } = auditHtml(page(data, prose), { previous });
  return findings.filter((f) => f.rule.startsWith('crossyear.'));
}

/** Last year's 结转下年度继续办理 set to this year's 上年结转, rows 1 and 2 adjusted so last year still balances. */
function carriedOver(last: ReportData, now: ReportData): void {
  const carried = now.applications['2']!.slice(0, 6) as number[];
  const results = last.applications['3.7']!.slice(0, 6) as number[];
  const before = (last.applications['2']!.slice(0, 6) as number[]).map((b, i) => Math.min(b, results[i]! + carried[i]!));
  setRow(last, '4', carried);
  setRow(last, '2', before);
  setRow(last, '1', results.map((result, i) => result + carried[i]! - before[i]!));
}

describe('crossyear.carried', () => {
  const last = titled(consistentReport('2019', 31), 2020);
  const now = titled(consistentReport('2021', 32), 2021);
  carriedOver(last, now);

  it('is silent when this year carries over what last year carried forward', () => {
    expect(flatten(crossyear(now, previousOf(last), ['今年新写的第一段文字，说明本机关主动公开的具体做法和成效。', '今年新写的第二段文字，说明存在的问题和明年的改进措施。']))).toEqual([]);
  });

  it('names both years’ cells when they differ, per column', () => {
    const changed = clone(last);
    changed.applications['4']![0] = (changed.applications['4']![0] as number) + 2;
    changed.applications['4']![6] = (changed.applications['4']![6] as number) + 2;
    changed.applications['1']![0] = (changed.applications['1']![0] as number) + 2;
    changed.applications['1']![6] = (changed.applications['1']![6] as number) + 2;
    const findings = crossyear(now, previousOf(changed)).filter((f) => f.rule === 'crossyear.carried');
    const natural = now.applications['2']![0] as number;
    const total = now.applications['2']![6] as number;
    expect([natural, total]).toEqual([3, 9]);
    expect(flatten(findings)).toEqual([
      'crossyear.carried applications 2 natural 5 3',
      'crossyear.carried applications 2 total 11 9',
    ]);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.cells).toEqual([
      { table: 'applications', row: '2', column: 'natural' },
      { table: 'applications', row: '4', column: 'natural', source: 'https://www.example.gov.cn/2020nb.html' },
    ]);
    expect(auditHtml(page(now), { previous: previousOf(changed) }).result.findings.find((f) => f.rule === 'crossyear.carried')?.message)
      .toBe(`“自然人”列：上年结转（${natural}）与2020年度报告的“结转下年度继续办理”（${natural + 2}）不符`);
  });

  it('finds last year\'s report from this year\'s once read, when given a look-up instead of the report', () => {
    const changed = clone(last);
    changed.applications['4']![0] = (changed.applications['4']![0] as number) + 2;
    const previous = previousOf(changed);
    const asked: [string | null, number | null][] = [];
    const { findings } = auditHtml(page(now), { previous: (report) => (asked.push([report.agency, report.year]), previous) });
    expect(asked).toEqual([['测试市示例局', 2021]]);
    expect(flatten(findings.filter((f) => f.rule === 'crossyear.carried'))).toEqual(['crossyear.carried applications 2 natural 5 3']);
    expect(flatten(findings.filter((f) => f.rule === 'crossyear.carried'))).toEqual(flatten(crossyear(now, previous).filter((f) => f.rule === 'crossyear.carried')));
  });

  it('needs the year just before: a report two years back proves nothing', () => {
    const older = titled(clone(last), 2019);
    older.applications['4']![0] = 99;
    expect(crossyear(now, previousOf(older)).filter((f) => f.rule === 'crossyear.carried')).toEqual([]);
  });
});

describe('crossyear.in-force', () => {
  const last = titled(consistentReport('2021', 41), 2021);
  const now = titled(consistentReport('2021', 42), 2022);
  for (const row of ['1.regulations', '1.normative']) {
    const before = last.active[row]!.in_force as number;
    now.active[row]!.in_force = before + (now.active[row]!.issued as number) - (now.active[row]!.repealed as number);
  }

  it('is silent when 现行有效件数 follows on', () => {
    expect(crossyear(now, previousOf(last)).filter((f) => f.rule === 'crossyear.in-force')).toEqual([]);
  });

  it('warns when it does not, with both reports’ cells', () => {
    const wrong = clone(now);
    const expected = wrong.active['1.normative']!.in_force as number;
    wrong.active['1.normative']!.in_force = expected + 3;
    const findings = crossyear(wrong, previousOf(last)).filter((f) => f.rule === 'crossyear.in-force');
    expect(expected).toBe(16);
    expect(flatten(findings)).toEqual(['crossyear.in-force active 1.normative in_force 16 19']);
    expect(findings[0]!.cells.filter((c) => c.source)).toEqual([{ table: 'active', row: '1.normative', column: 'in_force', source: 'https://www.example.gov.cn/2020nb.html' }]);
  });
});

describe('crossyear.projects', () => {
  const last = titled(consistentReport('2019', 51), 2019);
  const now = titled(consistentReport('2019', 52), 2020);
  for (const row of ['5.license', '5.other_services', '6.penalty', '6.enforcement', '8.fees']) {
    now.active[row]!.previous = (last.active[row]!.previous as number) + (last.active[row]!.change as number);
    now.active[row]!.change = 0;
  }

  it('is silent when 上一年项目数量 follows on', () => {
    expect(crossyear(now, previousOf(last)).filter((f) => f.rule === 'crossyear.projects')).toEqual([]);
  });

  it('warns per row that does not', () => {
    const wrong = clone(now);
    const expected = wrong.active['6.penalty']!.previous as number;
    wrong.active['6.penalty']!.previous = expected + 7;
    expect(expected).toBe(77);
    expect(flatten(crossyear(wrong, previousOf(last)).filter((f) => f.rule === 'crossyear.projects')))
      .toEqual(['crossyear.projects active 6.penalty previous 77 84']);
  });
});

describe('crossyear.duplicate-text', () => {
  const last = titled(consistentReport('2021', 61), 2021);
  const now = titled(consistentReport('2021', 62), 2022);
  const old: [string, string] = [
    '本报告依据《中华人民共和国政府信息公开条例》编制。全年围绕优化营商环境重点工作，主动公开行政许可、行政处罚等信息，及时回应社会关切。',
    '一是政策解读形式较为单一；二是基层公开标准化建设有待深化。下一步将丰富图表、视频等解读形式，推进基层政务公开标准化规范化建设。',
  ];

  it('states the share when the text is copied (numbers changed count as copied)', () => {
    const copied: [string, string] = [old[0].replace('全年', '2022年全年'), old[1]];
    const findings = crossyear(now, previousOf(last, old), copied).filter((f) => f.rule === 'crossyear.duplicate-text');
    expect(flatten(findings)).toEqual(['crossyear.duplicate-text - - - 50 100']);
    expect(auditHtml(page(now, copied), { previous: previousOf(last, old) }).result.findings.find((f) => f.rule === 'crossyear.duplicate-text')?.message)
      .toBe('正文有 100% 与2021年度报告重复（超过 50%），例如：“2022年全年围绕优化营商环境重点工作，主动公开行政许可、行政处罚等信息，及时回应社会关切”');
  });

  it('is silent on new text, although the tables and the template sentences repeat', () => {
    const fresh: [string, string] = [
      '本报告依据《中华人民共和国政府信息公开条例》编制。本年度重点围绕乡村振兴和民生实事项目，集中发布惠农补贴发放明细和项目进度。',
      '存在的主要问题是部分栏目更新不够及时。明年将建立栏目巡查制度，每月通报更新情况，确保信息发布准确及时。',
    ];
    expect(crossyear(now, previousOf(last, old), fresh).filter((f) => f.rule === 'crossyear.duplicate-text')).toEqual([]);
  });

  it('is silent at half or less', () => {
    // Repeated: old[0]'s second sentence (35 characters) and 本年度未收取信息处理费 (11); new: 82 characters.
    const half: [string, string] = [old[0], '存在的主要问题是部分栏目更新不够及时，信息发布审核流程不够规范。明年将建立栏目巡查制度，每月通报更新情况，确保信息发布准确及时，并加强业务培训和考核。'];
    const current = proseSentences(proseTexts(auditHtml(page(now, half)).report));
    const { share } = repetition(current, previousOf(last, old).texts.length ? proseSentences(previousOf(last, old).texts) : []);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThanOrEqual(0.5);
    expect(crossyear(now, previousOf(last, old), half).filter((f) => f.rule === 'crossyear.duplicate-text')).toEqual([]);
  });
});
