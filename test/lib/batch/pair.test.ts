/**
 * Cross-year pairing that does not hinge on one title: reports that name no agency are paired by the
 * list's link text, the page's metadata, then by their addresses (one folder or host, the year in
 * the name); the summary says which reports were not paired and why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditBatch } from '../../../lib/batch/audit-batch';
import { previousYearIndex, seriesKey } from '../../../lib/batch/pair';
import { parseDocument } from '../../../lib/cli/dom';
import { summaryCsv } from '../../../lib/export/summary';
import { extractFromDocument } from '../../../lib/extract/html';
import type { Prepared } from '../../../lib/input/prepare';
import { sharedPath } from '../../support/shared';

const page = (name: string) => readFileSync(sharedPath('fixtures/real/pages', `${name}.html`), 'utf8');
const prepared = (source: string, html: string, linkText: string | null = null): Prepared => ({
  source, linkText, listedAt: null, extracted: extractFromDocument(parseDocument(html)).extracted,
});
const crossyear = (rows: ReturnType<typeof auditBatch>['rows']) =>
  rows.map((row) => [row.year, row.previousSource, row.unpaired ?? null, row.findings.filter((f) => f.rule.startsWith('crossyear.')).map((f) => `${f.rule} ${f.row} ${f.expected} ${f.actual}`)]);

/** 平潭 2023–2025 as saved (article blocks without their titles: no agency read from any of them). */
const PINGTAN = ['pingtan-2023', 'pingtan-2024', 'pingtan-2025'];

describe('an address as a series of years', () => {
  it('takes the report year out of the file name or the last folder', () => {
    expect(seriesKey('/data/pages/pingtan-2024.html', 2024)).toBe('/data/pages/pingtan-{year}.html');
    expect(seriesKey('https://www.pingtan.gov.cn/zfxxgk/ndbg/2023nb.shtml?x=1', 2023)).toBe('www.pingtan.gov.cn/zfxxgk/ndbg/{year}nb.shtml');
    expect(seriesKey('https://www.a.gov.cn/ndbg/2023/index.html', 2023)).toBe('www.a.gov.cn/ndbg/{year}/index.html');
    expect(seriesKey('C:\\nb\\2022年报.html', 2022)).toBe('C:/nb/{year}年报.html');
    // A publication month (202401) or another year is not the report's year; no year, no series.
    expect(seriesKey('https://www.shuyang.gov.cn/gknb/202401/2ecfb31a.shtml', 2023)).toBeNull();
    expect(seriesKey('https://www.shuyang.gov.cn/gknb/202401/t20240117_1.shtml', 2024)).toBeNull();
    expect(seriesKey('/pages/pingtan-2024.html', 2023)).toBeNull();
    expect(seriesKey('/pages/pingtan-2024.html', null)).toBeNull();
  });

  it('pairs unnamed reports of one series, joins them to the series\' one named agency, and never bridges two', () => {
    const items = [
      { agency: null, year: 2024, source: '/p/pingtan-2024.html' },
      { agency: null, year: 2023, source: '/p/pingtan-2023.html' },
      { agency: '平潭综合实验区', year: 2022, source: '/p/pingtan-2022.html' },
      { agency: null, year: 2023, source: '/p/other-2023.html' },
      { agency: null, year: 2022, source: '/q/pingtan-2022.html' },
      // A series naming two agencies joins neither.
      { agency: 'A局', year: 2020, source: '/r/nb-2020.html' },
      { agency: 'B局', year: 2019, source: '/r/nb-2019.html' },
      { agency: null, year: 2021, source: '/r/nb-2021.html' },
    ];
    expect(previousYearIndex(items)).toEqual([1, 2, null, null, null, null, null, null]);
  });
});

describe('a batch of reports that name no agency', () => {
  it('平潭 2023–2025 read from files named by year: 2024 and 2025 checked against the year before (crossyear.in-force)', () => {
    const { rows } = auditBatch(PINGTAN.map((name) => prepared(`/saved/${name}.html`, page(name))));
    expect(rows.map((row) => row.agency)).toEqual([null, null, null]);
    expect(crossyear(rows)).toEqual([
      [2023, null, 'no-previous', []],
      [2024, '/saved/pingtan-2023.html', null, ['crossyear.in-force 1.normative 499 440']],
      [2025, '/saved/pingtan-2024.html', null, ['crossyear.in-force 1.normative 453 546']],
    ]);
  });

  it('the same blocks at addresses that name no year: paired by the list\'s link texts, else not paired, and the summary says why', () => {
    const sources = ['https://www.pingtan.gov.cn/xxgk/a1.html', 'https://www.pingtan.gov.cn/xxgk/b7.html', 'https://www.pingtan.gov.cn/xxgk/c3.html'];
    const linked = auditBatch(PINGTAN.map((name, i) => prepared(sources[i]!, page(name), `平潭综合实验区${2023 + i}年政府信息公开工作年度报告`)));
    expect(linked.rows.map((row) => row.agency)).toEqual(['平潭综合实验区', '平潭综合实验区', '平潭综合实验区']);
    expect(crossyear(linked.rows).map((row) => row[1])).toEqual([null, sources[0], sources[1]]);

    const unlinked = auditBatch(PINGTAN.map((name, i) => prepared(sources[i]!, page(name))));
    expect(crossyear(unlinked.rows)).toEqual([[2023, null, 'no-agency', []], [2024, null, 'no-agency', []], [2025, null, 'no-agency', []]]);
    const csv = summaryCsv(unlinked.rows, 'zh').replace(/^\ufeff/, '').trim().split('\r\n');
    const column = csv[0]!.split(',').indexOf('未与上年配对的原因');
    expect(csv.slice(1).map((line) => line.split(',')[column])).toEqual(Array(3).fill('未读出机关，无法与上年配对'));
  });

  it('the same blocks in their portal\'s page, the title in a block before the article: paired by the agency the title names', () => {
    const portal = (name: string, year: number) => `<html><head><title>平潭综合实验区管委会</title></head><body>
<div class="article_title">平潭综合实验区${year}年政府信息公开工作年度报告</div>${page(name)}</body></html>`;
    const sources = ['https://www.pingtan.gov.cn/xxgk/a1.html', 'https://www.pingtan.gov.cn/xxgk/b7.html', 'https://www.pingtan.gov.cn/xxgk/c3.html'];
    const { rows } = auditBatch(PINGTAN.map((name, i) => prepared(sources[i]!, portal(name, 2023 + i))));
    expect(rows.map((row) => row.agency)).toEqual(['平潭综合实验区', '平潭综合实验区', '平潭综合实验区']);
    expect(crossyear(rows)).toEqual([
      [2023, null, 'no-previous', []],
      [2024, sources[0], null, ['crossyear.in-force 1.normative 499 440']],
      [2025, sources[1], null, ['crossyear.in-force 1.normative 453 546']],
    ]);
  });
});
