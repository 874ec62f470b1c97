/**
 * What auditBatch puts on a row beyond the report's own audit. The batch row's appeals_corrected: table 四's 结果纠正 as appeals.corrected counts them, 0 for a
 * report whose table holds none, blank for an input with no table 四 (what evaluators deduct per case);
 * and the copies found between agencies (row.similar), which only the batch can see.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditBatch } from '../../../lib/batch/audit-batch';
import { parseDocument } from '../../../lib/cli/dom';
import { summaryCsv } from '../../../lib/export/summary';
import { extractFromDocument } from '../../../lib/extract/html';
import type { Prepared } from '../../../lib/input/prepare';
import { sharedPath } from '../../support/shared';
import { preparedColumn } from '../../support/column-batch';
import { COUNTY, COUNTY_COPIES } from '../../support/column-site';

const prepared = (source: string, html: string): Prepared => ({
  source, linkText: null, listedAt: null, extracted: extractFromDocument(parseDocument(html)).extracted,
});
const page = (name: string) => prepared(`/saved/${name}.html`, readFileSync(sharedPath('fixtures/real/pages', `${name}.html`), 'utf8'));

describe('a batch row\'s decisions corrected on review or lost in court', () => {
  it('the real 平潭 2023–2025 (1; 1 + 2 after review; 3 + 3 direct), 沭阳 发改局 2023 (none) and a page that is no report', () => {
    const notReport = prepared('/saved/news.html', '<html><body><h1>新闻</h1><p>今天天气晴。</p></body></html>');
    const { rows } = auditBatch([page('pingtan-2023'), page('pingtan-2024'), page('pingtan-2025'), page('shuyang-drc-suqian-2023'), notReport]);
    expect(rows.map((row) => row.appealsCorrected ?? null)).toEqual([1, 3, 6, 0, null]);
    expect(rows[2]!.findings.find((f) => f.rule === 'appeals.corrected')?.data).toEqual({ reconsideration: 3, direct: 3, after: 0 });
    const csv = summaryCsv(rows, 'zh').replace(/^\ufeff/, '').trim().split('\r\n').map((line) => line.split(','));
    const column = csv[0]!.indexOf('复议纠错和诉讼败诉（件）');
    expect(csv.slice(1).map((line) => line[column])).toEqual(['1', '3', '6', '0', '']);
  });
});

describe('a batch row carries what only the batch found', () => {
  it('the copies between agencies: each report of the cluster names the others on its row (what the column export\'s 雷同 sheet lists)', () => {
    // The county column: 自然资源局 and 卫生健康委员会 copied 人力资源和社会保障局's prose; the rest wrote their own.
    const { rows } = auditBatch(preparedColumn());
    const similar = rows.filter((row) => row.similar).map((row) => `${row.agency} ~ ${row.similar!.peers.map((peer) => peer.agency).join('、')}`);
    expect(similar).toEqual(COUNTY.filter((spec) => spec.agency === COUNTY_COPIES.original || COUNTY_COPIES.copies.includes(spec.agency)).map((spec) => {
      const others = [COUNTY_COPIES.original, ...COUNTY_COPIES.copies].filter((agency) => agency !== spec.agency);
      return `${spec.agency} ~ ${others.join('、')}`;
    }));
    expect(new Set(rows.filter((row) => row.similar).map((row) => row.similar!.group)).size).toBe(1);
  });
});
