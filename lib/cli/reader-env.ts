import { createHash } from 'node:crypto';
import { constants, inflateSync } from 'node:zlib';
import type { ReaderEnv } from '../extract/document';
import { webInflate, type Inflate } from '../extract/measure/inflate';
import type { PdfFontOptions, PdfjsModule } from '../extract/pdf/index';
import { parseDocument } from './dom';
import { oneCallDecompressionStream } from './one-call-inflate';

/** Old binary .doc through word-extractor (Node only: it needs fs and streams); table cells come out tab-separated. */
async function readDoc(bytes: Uint8Array): Promise<string> {
  const { default: WordExtractor } = await import('word-extractor');
  const extractor = new WordExtractor();
  const doc = await extractor.extract(Buffer.from(bytes));
  return doc.getBody();
}

/**
 * Node's zlib, synchronous and capped (a PDF has hundreds of small streams; a web stream per one
 * costs milliseconds): past the cap zlib stops with ERR_BUFFER_TOO_LARGE. Damaged data goes the
 * web way, which counts what inflated before the damage.
 */
export const nodeInflate: Inflate = (data, cap, keep) => {
  try {
    const out = inflateSync(data, { maxOutputLength: cap + 1, finishFlush: constants.Z_SYNC_FLUSH });
    return { size: out.byteLength, bytes: keep && out.byteLength <= cap ? out : null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { size: cap + 1, bytes: null };
    return webInflate(data, cap, keep);
  }
};

/**
 * SHA-256 by one call into Node's crypto. Web Crypto's digest (what lib/record/hash.ts uses) is a
 * job on the thread pool behind a promise: 97 ms of the reading worker's 1.9 s on 140 pages (CPU
 * profile), about 0.7 ms a page, where this takes a few hundredths of one.
 */
export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Built-ins that pdf.js's legacy build (the one for Node) replaces for the whole thread. It carries
 * core-js, which on Node 20 swaps these natives for JavaScript polyfills — Array.prototype.push
 * over a V8 edge case no caller of ours meets (an array whose length is not writable), JSON for
 * proposals nothing here uses. pdf.js's own parsing pushes all the time: with the natives put back,
 * reading the three real PDFs of fixtures/real took 15–20 % less cold and 15–35 % less warm (three
 * alternating pairs of in-process runs), and whatever the worker reads after a PDF runs on natives.
 */
const REPLACED: readonly [object, PropertyKey][] = [[Array.prototype, 'push'], [JSON, 'parse'], [JSON, 'stringify'], [Function.prototype, 'toString']];

/**
 * pdf.js's legacy build and its in-thread worker module (which pdf.js itself would import at the
 * first document, polyfilling again), loaded once, with this thread's natives put back after, and
 * the thread's DecompressionStream one that inflates in one zlib call (lib/cli/one-call-inflate.ts).
 */
let loading: Promise<PdfjsModule> | null = null;
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    globalThis.DecompressionStream = oneCallDecompressionStream(globalThis.DecompressionStream as unknown as Parameters<typeof oneCallDecompressionStream>[0]) as unknown as typeof DecompressionStream;
    const natives = REPLACED.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)!] as const);
    try {
      const [pdfjs] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
      return pdfjs as unknown as PdfjsModule;
    } finally {
      for (const [owner, key, native] of natives) Object.defineProperty(owner, key, native);
    }
  })();
  return loading;
}

/**
 * Fonts given to a stand-in document that takes their @font-face rules and drops them. Left to
 * assume no fonts can be loaded (`disableFontFace`, pdf.js's default without a document), pdf.js
 * builds every glyph's outline during getOperatorList for a canvas that never draws (`compileGlyf`,
 * each outline posted back as a message): reading the three real PDFs of fixtures/real took 20–25 %
 * longer that way, cold and warm (three alternating pairs, six runs each), for the same text items
 * and operators. pdf.js in Node loads fonts synchronously, so nothing waits on the stand-in.
 */
export const DROPPED_FONTS: PdfFontOptions = {
  disableFontFace: false,
  ownerDocument: {
    fonts: undefined,
    createElement: () => ({ sheet: { insertRule: () => 0, cssRules: [] }, remove: () => undefined }),
    documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
  },
};

/**
 * The readers' host in Node: pdf.js's legacy build (no worker needed), loaded at the first PDF only,
 * the CLI's parse5 DOM, word-extractor, zlib for measuring.
 */
export async function nodeReaderEnv(): Promise<ReaderEnv> {
  return {
    pdfjs: loadPdfjs,
    pdfFonts: DROPPED_FONTS,
    parseHtml: (html) => parseDocument(html),
    readDoc,
    inflate: nodeInflate,
    sha256: nodeSha256,
  };
}
