import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditBatch } from '../../../lib/batch/audit-batch';
import { nodeReaderEnv } from '../../../lib/cli/reader-env';
import { FetchFailure, type FetchedPage } from '../../../lib/input/fetch';
import { prepareList, type ListEnv } from '../../../lib/input/list';

const page = (url: string, html: string, status = 200): FetchedPage => ({ url, status, contentType: 'text/html; charset=utf-8', bytes: new TextEncoder().encode(html) });
const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;
const readers = await nodeReaderEnv();

function site(pages: Record<string, (url: string) => FetchedPage | Promise<FetchedPage>>) {
  const log: string[] = [];
  const get = async (url: string) => {
    log.push(url);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const answer = pages[new URL(url).pathname];
    if (!answer) return page(url, 'not found', 404);
    return answer(url);
  };
  return { get, log };
}

const env = (get: ListEnv['get'], lang: 'zh' | 'en' = 'en'): ListEnv => ({ get, parseHtml: parseHtml as ListEnv['parseHtml'], readers, lang });

describe('prepareList: bad input is a row with a status', () => {
  const report = '<html><body><h1>A局2021年政府信息公开工作年度报告</h1><table><tr><td>予以公开</td><td>结果维持</td></tr></table></body></html>';
  const links = (hrefs: string[]) => `<ul>${hrefs.map((h, i) => `<li><a href="${h}">A局${2000 + i}年政府信息公开工作年度报告</a> 2022-01-0${(i % 9) + 1}</li>`).join('')}</ul>`;

  it('a redirect to another host, an HTTP error, a timeout, a huge page, a self-link', async () => {
    const fake = site({
      '/list': (url) => page(url, `${links(['/moved', '/gone', '/slow', '/huge', '/ok', '/list'])}<a href="/list">下一页</a>`),
      '/moved': () => { throw new FetchFailure('off-host', 'evil.example.com'); },
      '/gone': (url) => page(url, 'gone', 410),
      '/slow': () => { throw new FetchFailure('timeout', 30); },
      '/huge': () => { throw new FetchFailure('too-large', 50); },
      '/ok': (url) => page(url, report),
    });
    const prepared = await prepareList('http://x.gov.cn/list', env(fake.get));
    expect(prepared.map((p) => [new URL(p.source).pathname, p.status ?? 'read', p.reason ?? null])).toEqual([
      ['/moved', 'fetch-failed', 'redirected to another host (evil.example.com): not followed'],
      ['/gone', 'fetch-failed', 'HTTP 410'],
      ['/slow', 'fetch-failed', 'not downloaded within 30 s'],
      ['/huge', 'fetch-failed', 'larger than 50 MB: not downloaded'],
      ['/ok', 'read', null],
    ]);
    // The list page was read once although it links to itself and names itself as the next page.
    expect(fake.log.filter((u) => u.endsWith('/list'))).toHaveLength(1);
    expect(fake.log.some((u) => u.includes('evil'))).toBe(false);
    const { rows } = auditBatch(prepared);
    expect(rows.map((r) => r.status)).toEqual(['fetch-failed', 'fetch-failed', 'fetch-failed', 'fetch-failed', 'not-report']);
  });

  it('a report page without tables follows its attachment on the same host, the page\'s date going with it', async () => {
    const pdf = new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(new URL('../../../../shared/fixtures/real/hongze-district-huaian-2023.pdf', import.meta.url))));
    const fake = site({
      '/list': (url) => page(url, links(['/a', '/b'])),
      '/a': (url) => page(url, '<p>发布时间：2024-03-20</p><p>详见附件</p><a href="/fj/2023nb.pdf">A局2023年政府信息公开工作年度报告.pdf</a>'),
      '/b': (url) => page(url, '<p>详见附件</p><a href="/fj/2020nb.docx">附件</a>'),
      '/fj/2023nb.pdf': (url) => ({ url, status: 200, contentType: 'application/octet-stream', bytes: pdf }),
    });
    const prepared = await prepareList('http://x.gov.cn/list', env(fake.get, 'zh'));
    expect(prepared[0]!).toMatchObject({ kind: 'pdf', reason: 'http://x.gov.cn/fj/2023nb.pdf', pageDates: [{ date: '2024-03-20', source: 'site' }] });
    expect(prepared[0]!.extracted?.tokens.length).toBeGreaterThan(100);
    expect([prepared[1]!.status, prepared[1]!.reason]).toEqual(['fetch-failed', 'http://x.gov.cn/fj/2020nb.docx: HTTP 404']);
    const { results } = auditBatch(prepared);
    // The linking page's 发布时间 is the site's date: it outranks the PDF's own dates.
    expect([results[0]!.publishedAt, results[0]!.publishedAtSource]).toEqual(['2024-03-20', 'site']);
  });

  it('500 links: the first 300 are fetched, the rest are rows saying why not', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `/r${i}`);
    const fake = site({ '/list': (url) => page(url, links(many)) });
    const prepared = await prepareList('http://x.gov.cn/list', env(fake.get));
    expect(prepared).toHaveLength(500);
    expect(prepared.filter((p) => p.status === 'stopped')).toHaveLength(200);
    expect(prepared[499]!.reason).toBe('more than 300 links on the list: not fetched');
    expect(fake.log).toHaveLength(301);
  });
});
