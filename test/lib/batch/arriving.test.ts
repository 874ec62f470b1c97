/**
 * The batch view's audit worker takes reports as they are read, in whatever order the fetcher
 * finishes them, and audits each on arrival (lib/batch/arriving.ts): its answer must be auditBatch's
 * over the same inputs in their places — the one batch audit, as alone or from the command line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArrivingBatch } from '../../../lib/batch/arriving';
import { auditBatch, type BatchAudit } from '../../../lib/batch/audit-batch';
import { parseDocument } from '../../../lib/cli/dom';
import { extractFromDocument } from '../../../lib/extract/html';
import type { Prepared } from '../../../lib/input/prepare';
import { preparedColumn } from '../../support/column-batch';
import { sharedPath } from '../../support/shared';

const prepared = (source: string, html: string): Prepared => ({
  source, linkText: null, listedAt: null, extracted: extractFromDocument(parseDocument(html)).extracted,
});
const page = (name: string) => prepared(`/saved/${name}.html`, readFileSync(sharedPath('fixtures/real/pages', `${name}.html`), 'utf8'));

/**
 * A column as the view reads it: the county's reports (three of one prose, years to pair), the real
 * 平潭 2023–2025 (pairs across years), a page that is no report, a link that failed; then the notes
 * the list adds at the end (a link off the host).
 */
function column(): { links: Prepared[]; notes: Prepared[] } {
  const links: Prepared[] = [
    ...preparedColumn(), page('pingtan-2025'), page('pingtan-2023'), page('pingtan-2024'),
    prepared('/saved/news.html', '<html><body><h1>新闻</h1><p>今天天气晴。</p></body></html>'),
    { source: 'http://www.example.gov.cn/gone', linkText: '某局2024年报', listedAt: null, extracted: null, status: 'fetch-failed', reason: 'HTTP 404' },
  ];
  const notes: Prepared[] = [
    { source: 'http://elsewhere.gov.cn/nb.html', linkText: '外站', listedAt: null, extracted: null, status: 'fetch-failed', reason: '不在本站' },
    { source: 'http://www.example.gov.cn/list_2.html', linkText: null, listedAt: null, extracted: null, status: 'fetch-failed', reason: 'HTTP 500' },
  ];
  return { links, notes };
}

/** The batch's answer without the milliseconds each audit took. */
const answer = (audit: BatchAudit) => ({
  rows: audit.rows.map(({ auditMs: _ms, ...row }) => row),
  snapshots: audit.snapshots, results: audit.results, expected: audit.expected,
});

/** A fixed shuffle (a small LCG), so a failure names the order it failed in. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('a batch whose reports arrive while the rest are fetched (ArrivingBatch)', () => {
  const { links, notes } = column();
  const all = [...links, ...notes];
  const expected = answer(auditBatch(all, { lang: 'zh', expected: 'last-year' }));

  it.each([1, 2, 3])('gives auditBatch’s answer whatever order the reports arrive in (order %i)', (seed) => {
    const batch = new ArrivingBatch();
    for (const at of shuffled(links.map((_, i) => i), seed)) batch.arrive(at, links[at]!, 'zh');
    expect(batch.ready(all.length)).toBe(false);
    batch.place(links.length, notes);
    expect(answer(batch.audit(all.length, { lang: 'zh', expected: 'last-year' }))).toEqual(expected);
  });

  it('uses the first audits made on arrival, and makes them again for a run in another language', () => {
    const batch = new ArrivingBatch();
    links.forEach((item, at) => batch.arrive(at, item, 'zh'));
    batch.place(links.length, notes);
    // The first audits made on arrival are what the run keeps: each row's own audit is not made twice.
    const ran = batch.audit(all.length, { lang: 'zh', expected: 'last-year' });
    expect(ran.audits.filter((audit) => audit !== null).length).toBeLessThan(all.filter((item) => item.extracted).length);
    const en = answer(auditBatch(all, { lang: 'en', expected: 'last-year' }));
    expect(answer(batch.audit(all.length, { lang: 'en', expected: 'last-year' }))).toEqual(en);
  });

  it('will not run with a place left empty', () => {
    const batch = new ArrivingBatch();
    batch.arrive(1, links[1]!, 'zh');
    expect(batch.ready(2)).toBe(false);
    expect(() => batch.audit(2, { lang: 'zh' })).toThrow(/incomplete/);
  });
});
