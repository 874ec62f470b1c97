import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchFailure, limitedGet, politeGetter, type FetchedPage } from '../../../lib/input/fetch';

let server: Server;
let base = '';
const requested: string[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    if (request.url === '/trickle.html') {
      // Headers at once, then one byte a second: only a deadline on the whole transfer stops it.
      response.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => response.write(' '), 1000);
      response.on('close', () => clearInterval(timer));
    } else if (request.url === '/declared-large.html') {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2_000_000) });
      response.write(' ');
    } else if (request.url === '/big.html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(Buffer.alloc(300_000, 0x20));
    } else if (request.url === '/here.html') {
      response.writeHead(301, { location: '/final.html' }).end();
    } else if (request.url === '/final.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-disposition': "attachment; filename*=UTF-8''2023%E5%B9%B4%E6%8A%A5.pdf" }).end('final');
    } else if (request.url === '/away.html') {
      response.writeHead(302, { location: 'http://elsewhere.invalid/report.html' }).end();
    } else if (request.url === '/loop.html') {
      response.writeHead(302, { location: '/loop.html' }).end();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

const get = (limits = {}) => limitedGet({ fetch: (url, init) => fetch(url, init), redirects: 'manual', limits });

async function failure(promise: Promise<unknown>): Promise<FetchFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchFailure) return error;
    throw error;
  }
  throw new Error('no failure');
}

describe('limitedGet: the one fetcher', () => {
  it('gives up on a download that outlasts its deadline, body included', async () => {
    const started = performance.now();
    const error = await failure(get({ timeoutMs: 600 })(`${base}/trickle.html`));
    expect([error.code, error.detail]).toEqual(['timeout', 0.6]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a body whose declared length passes the cap before reading it, and stops an undeclared one at the cap', async () => {
    expect((await failure(get({ maxBytes: 1_000_000 })(`${base}/declared-large.html`))).code).toBe('too-large');
    const big = await failure(get({ maxBytes: 100_000 })(`${base}/big.html`));
    expect([big.code, big.detail]).toEqual(['too-large', 0.1]);
  });

  it('follows a redirect on the same host and names the file the server names', async () => {
    const page = await get()(`${base}/here.html`);
    expect([page.url, page.status, new TextDecoder().decode(page.bytes), page.fileName]).toEqual([`${base}/final.html`, 200, 'final', '2023年报.pdf']);
  });

  it('never requests another host: a redirect there is the reason, and a loop ends', async () => {
    const away = await failure(get()(`${base}/away.html`));
    expect([away.code, away.detail]).toEqual(['off-host', 'elsewhere.invalid']);
    expect((await failure(get()(`${base}/loop.html`))).code).toBe('redirects');
  });

  it('a browser-style getter (redirects followed by the host) refuses an answer from another host', async () => {
    const fake = async () => Object.defineProperty(new Response('x'), 'url', { value: 'http://evil.example.com/x' });
    const error = await failure(limitedGet({ fetch: fake, redirects: 'follow' })('http://x.gov.cn/a'));
    expect([error.code, error.detail]).toEqual(['off-host', 'evil.example.com']);
  });

  it('leaves no listener on the caller\'s signal once a request ends', async () => {
    const stop = new AbortController();
    for (let i = 0; i < 12; i += 1) await get()(`${base}/final.html`, stop.signal);
    await failure(get()(`${base}/missing-host-redirect`, stop.signal)).catch(() => undefined);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });

  it('a network failure says why', async () => {
    const error = await failure(get()('http://127.0.0.1:1/nothing'));
    expect(error.code).toBe('network');
  });
});

const page = (url: string, status = 200): FetchedPage => ({ url, status, contentType: 'text/html', bytes: new Uint8Array() });

describe('politeGetter', () => {
  it('keeps at most two requests in flight, retries a network error once, never a page too large', async () => {
    let active = 0;
    let peak = 0;
    const calls: string[] = [];
    const inner = async (url: string) => {
      calls.push(url);
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      if (url.endsWith('/flaky') && calls.filter((u) => u === url).length === 1) throw new FetchFailure('network', 'ECONNRESET');
      if (url.endsWith('/huge')) throw new FetchFailure('too-large', 50);
      return page(url);
    };
    const polite = politeGetter({ get: inner, delayMs: 1 });
    const pages = await Promise.all(['/flaky', '/a', '/b', '/c'].map((p) => polite(`http://x.gov.cn${p}`)));
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(calls.filter((u) => u.endsWith('/flaky'))).toHaveLength(2);
    expect(peak).toBeLessThanOrEqual(2);
    await expect(polite('http://x.gov.cn/huge')).rejects.toThrow('too-large');
    expect(calls.filter((u) => u.endsWith('/huge'))).toHaveLength(1);
  });

  it('stops cleanly, and its pauses leave no listener on the stop signal', async () => {
    const stop = new AbortController();
    const calls: string[] = [];
    const polite = politeGetter({ get: async (url) => (calls.push(url), page(url)), delayMs: 1, signal: stop.signal });
    for (let i = 0; i < 20; i += 1) await polite(`http://x.gov.cn/${i}`);
    // Once MaxListenersExceededWarning on every --follow of more than 10 links: one listener per pause left behind.
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    stop.abort();
    await expect(polite('http://x.gov.cn/a')).rejects.toThrow('stopped');
    expect(calls).toHaveLength(20);
  });
});
