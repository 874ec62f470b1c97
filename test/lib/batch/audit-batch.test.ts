/**
 * The batch row's appeals_corrected: table 四's 结果纠正 as appeals.corrected counts them, 0 for a
 * report whose table holds none, blank for an input with no table 四 (what evaluators deduct per case).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditBatch } from '../../../lib/batch/audit-batch';
import { parseDocument } from '../../../lib/cli/dom';
import { summaryCsv } from '../../../lib/export/summary';
import { extractFromDocument } from '../../../lib/extract/html';
import type { Prepared } from '../../../lib/input/prepare';
import { sharedPath } from '../../support/shared';

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
