import { describe, expect, it } from 'vitest';
import { decidePublished, siteDates } from '../../../lib/facts/published';
import { datesFromLines, findLabelledDates } from '../../../lib/extract/dates';
import type { DateCandidate } from '../../../lib/model/report';
import { auditHtmlCli } from '../../support/audit';
import { renderHtml } from '../../support/render';
import { consistentReport } from '../../support/report-data';

const site = (date: string): DateCandidate => ({ date, source: 'site' });
const list = (date: string): DateCandidate => ({ date, source: 'list' });
const signature = (date: string): DateCandidate => ({ date, source: 'signature' });
const metadata = (date: string): DateCandidate => ({ date, source: 'document-metadata' });

describe('decidePublished: site, then list, then signature, then the document\'s metadata', () => {
  it('the site\'s 发布日期 over a signature date (a report signed 1月17日, published 2月26日, is late by the site)', () => {
    expect(decidePublished([signature('2021-01-17'), site('2021-02-26')])).toEqual({ publishedAt: '2021-02-26', publishedAtSource: 'site' });
  });

  it('the list\'s date over the signature, the site over the list', () => {
    expect(decidePublished([signature('2021-01-17'), list('2021-01-30')])).toEqual({ publishedAt: '2021-01-30', publishedAtSource: 'list' });
    expect(decidePublished([list('2021-01-30'), site('2021-02-02')])).toEqual({ publishedAt: '2021-02-02', publishedAtSource: 'site' });
  });

  it('a PDF\'s creation date only when nothing else is known, and said so', () => {
    expect(decidePublished([metadata('2021-05-01'), signature('2021-01-17')]).publishedAtSource).toBe('signature');
    expect(decidePublished([metadata('2021-05-01')])).toEqual({ publishedAt: '2021-05-01', publishedAtSource: 'document-metadata' });
    expect(decidePublished([])).toEqual({ publishedAt: null, publishedAtSource: null });
  });

  it('within one source, the reader\'s first; malformed dates never count', () => {
    expect(decidePublished([site('2021-13'), site('2021-02-03'), site('2021-02-04')]).publishedAt).toBe('2021-02-03');
  });

  it('hands on a page\'s site dates, each once', () => {
    expect(siteDates([site('2021-02-03'), signature('2021-01-01'), site('2021-02-03'), site('2021-02-04')])).toEqual([site('2021-02-03'), site('2021-02-04')]);
  });
});

describe('each date source as readers find it', () => {
  it('site: a labelled 发布日期 or 发布时间, with or without its colon (an 信息索引 table\'s two cells)', () => {
    expect(findLabelledDates('发布时间：2021年3月22日').map(({ date, source }) => [date, source])).toEqual([['2021-03-22', 'site']]);
    expect(findLabelledDates('索引号 123 发布日期2021-02-26 文号').map(({ date, source }) => [date, source])).toEqual([['2021-02-26', 'site']]);
    expect(findLabelledDates('日期：二〇二一年一月二十日').map(({ date, source }) => [date, source])).toEqual([['2021-01-20', 'site']]);
  });

  it('signature: 成文日期 (the document\'s own date) and a bare date under the signature', () => {
    expect(findLabelledDates('成文日期：2021-01-17').map(({ source }) => source)).toEqual(['signature']);
    expect(datesFromLines(['某局2020年政府信息公开工作年度报告', '一、总体情况', '正文。', '某局', '2021年1月17日'])).toEqual([signature('2021-01-17')]);
  });

  it('never a statistics period (统计时间) or a date inside a sentence', () => {
    expect(findLabelledDates('统计时间：2020年1月1日至12月31日')).toEqual([]);
    expect(datesFromLines(['本报告所列数据统计期限自2020年1月1日起至2020年12月31日止。'])).toEqual([]);
  });
});

describe('on real-shaped pages, every path to the date', () => {
  // A county department's 2020 report: signed 2021年1月17日 (on time), put up by the site on 2月26日 (late).
  const data = { ...consistentReport('2019', 3), title: '测试市示例局2020年政府信息公开工作年度报告', published: '' };
  const dept = renderHtml(data, 'cms').replace(/(<\/table>)(?![\s\S]*<\/table>)/, '$1<p style="text-align:right">测试市示例局</p><p style="text-align:right">2021年1月17日</p>');
  const facts = (html: string, context = {}) => {
    const { result } = auditHtmlCli(html, { context });
    return [result.publishedAt, result.publishedAtSource, result.findings.some((f) => f.rule === 'report.late')];
  };

  it('the signature date alone: on time, said to be the signature\'s', () => {
    expect(facts(dept)).toEqual(['2021-01-17', 'signature', false]);
  });

  it.each([
    ['an 信息索引 table (label and date in two cells)', '<table class="xxgk"><tr><td>索引号</td><td>0001</td><td>发布日期</td><td>2021-02-26</td></tr></table>'],
    ['a TRS <publishtime>', '<publishtime>2021-02-26 10:30</publishtime>'],
    ['<meta name="PubDate">', '<meta name="PubDate" content="2021-02-26 10:30">'],
    ['a 发布时间 line', '<div class="info">发布时间：2021年2月26日</div>'],
  ])('the site\'s date from %s wins over the signature: late', (_, markup) => {
    expect(facts(dept.replace('<body>', `<body>${markup}`))).toEqual(['2021-02-26', 'site', true]);
  });

  it('the list\'s date, given as context, over the signature; the site\'s over the list', () => {
    expect(facts(dept, { listedAt: '2021-02-20' })).toEqual(['2021-02-20', 'list', true]);
    expect(facts(dept.replace('<body>', '<body><publishtime>2021-01-20</publishtime>'), { listedAt: '2021-02-20' })).toEqual(['2021-01-20', 'site', false]);
  });

  it('a linking page\'s 发布时间 (the viewer\'s and the batch\'s attachment) is the site\'s date', () => {
    expect(facts(dept, { pageDates: [{ date: '2021-03-22', source: 'site' }] })).toEqual(['2021-03-22', 'site', true]);
  });
});
