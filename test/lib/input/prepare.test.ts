import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditPrepared } from '../../../lib/batch/audit-batch';
import { nodeReaderEnv } from '../../../lib/cli/reader-env';
import { preparedWithin, prepareBytes, prepareUrl, type InputEnv } from '../../../lib/input/prepare';
import type { FetchedPage } from '../../../lib/input/fetch';
import { sharedPath } from '../../support/shared';

const readers = await nodeReaderEnv();
const base = { source: 'x', linkText: null, listedAt: null };
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

describe('prepareBytes: the one reader dispatch, the bytes deciding', () => {
  it('reads a real PDF whatever its name and type say, and audits it', async () => {
    const env: InputEnv = { readers, lang: 'zh' };
    const item = await prepareBytes(base, { bytes: bytesOf(sharedPath('fixtures/real/hongze-district-huaian-2023.pdf')), name: 'download.do', contentType: 'text/html' }, env);
    expect(item.kind).toBe('pdf');
    const errors = auditPrepared(item)!.result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toEqual(['appeals.total', 'appeals.total']);
  });

  it.each([
    ['an encrypted PDF', bytesOf(new URL('../../fixtures/documents/encrypted.writer.pdf', import.meta.url).pathname), 'zh', 'PDF 已加密，无法读取'],
    ['an old .doc where no .doc reader is given', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'en', /\.doc/],
    ['an empty file', new Uint8Array(), 'zh', '文件为空'],
  ] as const)('says why it cannot read %s, in the run\'s language', async (_, bytes, lang, reason) => {
    const env: InputEnv = { readers: { ...readers, readDoc: undefined }, lang };
    const item = await prepareBytes(base, { bytes, name: 'a', contentType: null }, env);
    expect(item).toMatchObject({ extracted: null, status: 'unreadable' });
    expect(item.reason).toMatch(reason);
  });

  it('a .txt is a text dump even when it quotes markup', async () => {
    const text = new TextEncoder().encode('某局2020年政府信息公开工作年度报告\n<p>正文</p>\n');
    const item = await prepareBytes(base, { bytes: text, name: 'dump.txt', contentType: null }, { readers, lang: 'zh' });
    expect(item.kind).toBe('text');
  });
});

describe('prepareUrl', () => {
  const page = (url: string, status: number, html = ''): FetchedPage => ({ url, status, contentType: 'text/html', bytes: new TextEncoder().encode(html) });

  it('an HTTP error is the reason; a page without tables and no attachment is read as it is', async () => {
    const get = async (url: string) => (url.endsWith('/gone') ? page(url, 410) : page(url, 200, '<h1>通知</h1><p>无附件</p>'));
    const env: InputEnv = { readers, lang: 'zh', get };
    expect(await prepareUrl(base, 'http://x.gov.cn/gone', env)).toMatchObject({ status: 'fetch-failed', reason: 'HTTP 410' });
    expect(await prepareUrl(base, 'http://x.gov.cn/news', env)).toMatchObject({ kind: 'html' });
  });

  it('an attachment the readers cannot read: 报告在附件中, with the reader\'s reason', async () => {
    const encrypted = bytesOf(new URL('../../fixtures/documents/encrypted.writer.pdf', import.meta.url).pathname);
    const get = async (url: string): Promise<FetchedPage> => (url.endsWith('.pdf')
      ? { url, status: 200, contentType: 'application/pdf', bytes: encrypted }
      : page(url, 200, '<p>详见附件</p><a href="/fj/nb.pdf">某局2021年年度报告.pdf</a>'));
    const item = await prepareUrl(base, 'http://x.gov.cn/a.html', { readers, lang: 'zh', get });
    expect(item).toMatchObject({ status: 'attachment', reason: 'http://x.gov.cn/fj/nb.pdf: PDF 已加密，无法读取' });
  });
});

describe('preparedWithin: a host that cannot stop its readers (an extension page)', () => {
  it('a reading that never ends (pdf.js’s worker dead of memory leaves its promise pending) is a row after the time, and the next input goes on', async () => {
    // What a dead pdf.js worker looks like from the page: a document that never arrives.
    const dead = { getDocument: () => ({ promise: new Promise(() => undefined) }) } as unknown as NonNullable<typeof readers>['pdfjs'];
    const env: InputEnv = { readers: { ...readers, pdfjs: dead }, lang: 'zh' };
    const prepare = preparedWithin(300, env);
    const started = performance.now();
    const [stuck, next] = await Promise.all([
      prepare(base, { bytes: bytesOf(sharedPath('fixtures/real/hongze-district-huaian-2023.pdf')), name: 'a.pdf', contentType: null }),
      prepare(base, { bytes: new TextEncoder().encode('某局2020年政府信息公开工作年度报告\n'), name: 'b.txt', contentType: null }),
    ]);
    expect(stuck).toMatchObject({ extracted: null, status: 'unreadable', reason: '文档过大或损坏，已跳过' });
    expect(next.extracted).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
