import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredCharset, decode, load } from '../../../lib/cli/load';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((request, response) => {
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

describe('load', () => {
  it('gives up on a download that outlasts its deadline, body included', async () => {
    const started = performance.now();
    await expect(load(`${base}/trickle.html`, { maxBytes: 1_000_000, timeoutMs: 600 })).rejects.toThrow(/not downloaded within 0.6 s/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a body whose declared length passes the cap before reading it', async () => {
    await expect(load(`${base}/declared-large.html`, { maxBytes: 1_000_000, timeoutMs: 5_000 })).rejects.toThrow(/larger than 1 MB/);
  });

  it('stops reading a body the moment it passes the cap', async () => {
    await expect(load(`${base}/big.html`, { maxBytes: 100_000, timeoutMs: 5_000 })).rejects.toThrow(/larger than 0.1 MB/);
  });
});

describe('decode', () => {
  it.each([
    ['UTF-8 BOM', [0xef, 0xbb, 0xbf], 'utf-8'],
    ['UTF-16LE BOM', [0xff, 0xfe], 'utf-16le'],
    ['UTF-16BE BOM', [0xfe, 0xff], 'utf-16be'],
  ])('takes the charset from a %s, over any header', (_, bom, charset) => {
    expect(declaredCharset(new Uint8Array([...bom, 0x3c, 0]), 'text/html; charset=gbk')).toBe(charset);
  });

  it('decodes UTF-16 text with its BOM into the text without it', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>年报</p>', 'utf16le')]);
    expect(decode(le)).toBe('<p>年报</p>');
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<p>年报</p>', 'utf16le').swap16()]);
    expect(decode(be)).toBe('<p>年报</p>');
  });

  it('reads a <meta charset=utf-16> in bytes as UTF-8, as browsers do', () => {
    expect(declaredCharset(Buffer.from('<meta charset="utf-16"><p>x</p>'), null)).toBe('utf-8');
  });
});
