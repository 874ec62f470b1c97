/**
 * pdf.js's legacy build, which the command line reads PDFs with, carries core-js: loading it swaps
 * some of the thread's natives for JavaScript polyfills (Array.prototype.push among them) for the
 * rest of the run. `loadPdfjs` (lib/cli/reader-env.ts) puts them back. Each case runs in a fresh
 * Node process: a test worker may have loaded pdf.js already.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DROPPED_FONTS, loadPdfjs, nodeReaderEnv, nodeSha256 } from '../../../lib/cli/reader-env';
import { readDocument } from '../../../lib/extract/document';
import type { PdfFontOptions } from '../../../lib/extract/pdf/index';
import { prepareBytes } from '../../../lib/input/prepare';
import { sha256Hex } from '../../../lib/record/hash';
import { sharedPath } from '../../support/shared';

const ROOT = new URL('../../../', import.meta.url).pathname;
const PDF = sharedPath('fixtures', 'real', 'huaian-city-2024.pdf');
/** Node's own, taken before any case here loads pdf.js. */
const NATIVE_DECOMPRESSION = globalThis.DecompressionStream;

/** Whether each of push, JSON.parse, JSON.stringify, Function.prototype.toString is still this process's own after `load`. */
function nativesAfter(load: string): boolean[] {
  const script = `
    const before = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
    const { readFileSync } = await import('node:fs');
    ${load}
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(${JSON.stringify(PDF)})), isEvalSupported: false, verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    await page.getTextContent();
    await page.getOperatorList();
    await doc.destroy();
    const after = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
    process.stdout.write(JSON.stringify(before.map((f, i) => f === after[i])));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as boolean[];
}

describe('loading pdf.js in Node', () => {
  it('as pdf.js loads itself, its polyfills replace natives of the whole thread (why loadPdfjs exists)', () => {
    expect(nativesAfter(`const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');`)).toContain(false);
  }, 60_000);

  it('through loadPdfjs, the thread keeps its natives, after reading a document too', () => {
    const load = `const { loadPdfjs } = await import(${JSON.stringify(`${ROOT}lib/cli/reader-env.ts`)}); const pdfjs = await loadPdfjs();`;
    expect(nativesAfter(load)).toEqual([true, true, true, true]);
  }, 60_000);
});

describe('fonts in Node (DROPPED_FONTS)', () => {
  /** The glyph outlines pdf.js built for page 1 of a real PDF (each one a `…_path_…` object it kept). */
  async function outlines(fonts: PdfFontOptions): Promise<{ objects: number; outlines: number }> {
    const pdfjs = await loadPdfjs();
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(PDF)), isEvalSupported: false, verbosity: 0, useSystemFonts: false, ...fonts } as Parameters<typeof pdfjs.getDocument>[0]).promise;
    const page = await doc.getPage(1);
    await page.getTextContent();
    await page.getOperatorList();
    const ids = [...(page.commonObjs as unknown as Iterable<[string, unknown]>)].map(([id]) => id);
    await doc.destroy();
    return { objects: ids.length, outlines: ids.filter((id) => id.includes('_path_')).length };
  }

  it('pdf.js builds no glyph outlines for a canvas that never draws; with fonts off it builds one per glyph', async () => {
    expect((await outlines({ disableFontFace: true })).outlines).toBeGreaterThan(100);
    const dropped = await outlines(DROPPED_FONTS);
    expect(dropped.outlines).toBe(0);
    expect(dropped.objects).toBeGreaterThan(0);
  }, 60_000);
});

describe('inflating for pdf.js in Node (lib/cli/one-call-inflate.ts)', () => {
  const REAL = sharedPath('fixtures', 'real');
  const pdfs = readdirSync(REAL).filter((file) => file.endsWith('.pdf')).map((file) => `${REAL}/${file}`)
    .concat(readdirSync(`${ROOT}test/fixtures/documents`).filter((file) => /chromium\.pdf$/.test(file)).slice(0, 2).map((file) => `${ROOT}test/fixtures/documents/${file}`));

  it('loadPdfjs installs it, and every PDF reads the same as with Node’s own DecompressionStream', async () => {
    const native = NATIVE_DECOMPRESSION;
    const env = await nodeReaderEnv();
    await loadPdfjs();
    expect(globalThis.DecompressionStream).not.toBe(native);
    const ours = globalThis.DecompressionStream;
    const read = async () => Promise.all(pdfs.map(async (path) => JSON.stringify(await readDocument(new Uint8Array(readFileSync(path)), { name: path }, env))));
    try {
      const withOurs = await read();
      globalThis.DecompressionStream = native;
      const withNative = await read();
      expect(withOurs).toEqual(withNative);
      expect(withOurs.every((json) => json.includes('"tokens"'))).toBe(true);
    } finally {
      globalThis.DecompressionStream = ours;
    }
  }, 120_000);
});

describe('hashing what was read in Node (nodeSha256)', () => {
  it('prepareBytes records the same SHA-256 with Node’s crypto as with Web Crypto, for a page, a PDF and a Word file', async () => {
    const REAL = sharedPath('fixtures', 'real');
    const files = ['pages/pingtan-2024.html', 'hongze-district-huaian-2023.pdf', 'template-2021-blank-word.docx'].map((name) => `${REAL}/${name}`);
    const readers = await nodeReaderEnv();
    expect(readers.sha256).toBe(nodeSha256);
    // Without a host hash, prepareBytes takes Web Crypto's (lib/record/hash.ts), as the extension does.
    const webCrypto = { ...readers, sha256: undefined };
    for (const path of files) {
      const bytes = new Uint8Array(readFileSync(path));
      const prepare = (env: typeof readers) => prepareBytes({ source: path, linkText: null, listedAt: null }, { bytes, name: path, contentType: null }, { readers: env, lang: 'zh' });
      const [node, web] = [await prepare(readers), await prepare(webCrypto)];
      expect(node.sha256, path).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(node.sha256, path).toBe(web.sha256);
      expect(node.sha256, path).toBe(await sha256Hex(bytes));
    }
  }, 60_000);
});
