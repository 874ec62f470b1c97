import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditBatch } from '../../../lib/batch/audit-batch';
import { FetchFailure, politeGetter, prepareList, type BatchEnv, type FetchedPage } from '../../../lib/batch/fetch';
import { deadlineKept } from '../../../lib/batch/deadline';
import { decodePage } from '../../../lib/extract/decode';

const page = (url: string, html: string, status = 200): FetchedPage => ({ url, status, contentType: 'text/html; charset=utf-8', bytes: new TextEncoder().encode(html) });
const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;

function site(pages: Record<string, (url: string) => FetchedPage | Promise<FetchedPage>>) {
  const log: string[] = [];
  let active = 0;
  let peak = 0;
  const get = async (url: string) => {
    log.push(url);
    active += 1;
    peak = Math.max(peak, active);
    await new Promise((resolve) => setTimeout(resolve, 5));
    active -= 1;
    const answer = pages[new URL(url).pathname];
    if (!answer) return page(url, 'not found', 404);
    return answer(url);
  };
  return { get, log, peak: () => peak };
}

describe('politeGetter', () => {
  it('keeps at most two requests in flight and retries once', async () => {
    let calls = 0;
    const fake = site({
      '/flaky': (url) => {
        calls += 1;
        if (calls === 1) throw new Error('ECONNRESET');
        return page(url, 'ok');
      },
      '/a': (url) => page(url, 'a'), '/b': (url) => page(url, 'b'), '/c': (url) => page(url, 'c'),
    });
    const get = politeGetter({ get: fake.get, delayMs: 1 });
    const pages = await Promise.all(['/flaky', '/a', '/b', '/c'].map((p) => get(`http://x.gov.cn${p}`)));
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(calls).toBe(2);
    expect(fake.peak()).toBeLessThanOrEqual(2);
  });

  it('stops cleanly: nothing more is requested once stopped', async () => {
    const stop = new AbortController();
    const fake = site({ '/a': (url) => page(url, 'a') });
    const get = politeGetter({ get: fake.get, delayMs: 1, signal: stop.signal });
    await get('http://x.gov.cn/a');
    stop.abort();
    await expect(get('http://x.gov.cn/a')).rejects.toThrow('stopped');
    expect(fake.log).toHaveLength(1);
  });
});

describe('prepareList: bad input is a row with a status', () => {
  const report = '<html><body><h1>A局2021年政府信息公开工作年度报告</h1><table><tr><td>予以公开</td><td>结果维持</td></tr></table></body></html>';
  const links = (hrefs: string[]) => `<ul>${hrefs.map((h, i) => `<li><a href="${h}">A局${2000 + i}年政府信息公开工作年度报告</a> 2022-01-0${(i % 9) + 1}</li>`).join('')}</ul>`;

  it('a redirect to another host, an HTTP error, a timeout, a huge page, a self-link', async () => {
    const fake = site({
      '/list': (url) => page(url, `${links(['/moved', '/gone', '/slow', '/huge', '/ok', '/list'])}<a href="/list">下一页</a>`),
      '/moved': () => page('http://evil.example.com/x', '', 302),
      '/gone': (url) => page(url, 'gone', 410),
      '/slow': () => { throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }); },
      '/huge': () => { throw new FetchFailure('larger than 20 MB'); },
      '/ok': (url) => page(url, report),
    });
    const env: BatchEnv = { get: fake.get, parseHtml, delayMs: 0 };
    const prepared = await prepareList('http://x.gov.cn/list', env);
    expect(prepared.map((p) => [new URL(p.source).pathname, p.status ?? 'read', p.reason ?? null])).toEqual([
      ['/moved', 'fetch-failed', 'redirected to another host: evil.example.com'],
      ['/gone', 'fetch-failed', 'HTTP 410'],
      ['/slow', 'fetch-failed', 'timeout'],
      ['/huge', 'fetch-failed', 'larger than 20 MB'],
      ['/ok', 'read', null],
    ]);
    // The list page was read once although it links to itself and names itself as the next page.
    expect(fake.log.filter((u) => u.endsWith('/list'))).toHaveLength(1);
    expect(fake.log.some((u) => u.includes('evil'))).toBe(false);
    const { rows } = auditBatch(prepared);
    expect(rows.map((r) => r.status)).toEqual(['fetch-failed', 'fetch-failed', 'fetch-failed', 'fetch-failed', 'not-report']);
  });

  it('a report page without tables but with an attachment: followed when a reader exists, else 报告在附件中', async () => {
    const fake = site({
      '/list': (url) => page(url, links(['/a', '/b'])),
      '/a': (url) => page(url, '<p>详见附件</p><a href="/fj/2021nb.pdf">A局2021年政府信息公开工作年度报告.pdf</a>'),
      '/b': (url) => page(url, '<p>详见附件</p><a href="/fj/2020nb.docx">附件</a>'),
      '/fj/2021nb.pdf': (url) => ({ url, status: 200, contentType: 'application/pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }),
    });
    const without = await prepareList('http://x.gov.cn/list', { get: fake.get, parseHtml, delayMs: 0 });
    expect(without.map((p) => [p.status, p.reason])).toEqual([['attachment', 'http://x.gov.cn/fj/2021nb.pdf'], ['attachment', 'http://x.gov.cn/fj/2020nb.docx']]);
    const read: string[] = [];
    const withReader = await prepareList('http://x.gov.cn/list', {
      get: fake.get, parseHtml, delayMs: 0,
      readAttachment: async (file) => {
        read.push(file.url);
        return { extracted: { tokens: [], blocks: [{ text: 'read from the PDF', src: null }], title: null, publishedAt: null, anomalies: [] }, problem: null };
      },
    });
    expect(read).toEqual(['http://x.gov.cn/fj/2021nb.pdf']);
    expect(withReader[0]!.extracted?.blocks[0]!.text).toBe('read from the PDF');
    expect(withReader[1]!.status).toBe('fetch-failed');
    expect(withReader[1]!.reason).toBe('http://x.gov.cn/fj/2020nb.docx: HTTP 404');
  });

  it('500 links: the first 300 are fetched, the rest are rows saying why not', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `/r${i}`);
    const fake = site({ '/list': (url) => page(url, links(many)) });
    const prepared = await prepareList('http://x.gov.cn/list', { get: fake.get, parseHtml, delayMs: 0 });
    expect(prepared).toHaveLength(500);
    expect(prepared.filter((p) => p.status === 'stopped')).toHaveLength(200);
    expect(prepared[499]!.reason).toBe('more than 300 links: not fetched');
    expect(fake.log).toHaveLength(301);
  });
});

describe('deadline and charset', () => {
  it('1月31日 for a department, 3月31日 for a government, 3月31日 for all up to 2018', () => {
    expect(deadlineKept(2022, '测试市示例局', '2023-02-01')).toBe('missed');
    expect(deadlineKept(2022, '测试市人民政府', '2023-03-31')).toBe('kept');
    expect(deadlineKept(2022, '平潭综合实验区管委会', '2023-03-30')).toBe('kept');
    expect(deadlineKept(2018, '测试市示例局', '2019-03-01')).toBe('kept');
    expect(deadlineKept(2022, '测试市示例局', null)).toBeNull();
  });

  it('decodes by the declared charset, GB2312 as GB18030, an unknown one by trying', () => {
    const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]); // 年报 in GBK
    expect(decodePage(gbk, 'text/html; charset=GB2312')).toEqual({ text: '年报', charset: 'gb18030' });
    expect(decodePage(gbk, 'text/html; charset=x-unknown').text).toBe('年报');
  });
});
