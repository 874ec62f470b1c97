import { constants, inflateSync } from 'node:zlib';
import type { ReaderEnv } from '../extract/document';
import { webInflate, type Inflate } from '../extract/measure/inflate';
import type { PdfjsModule } from '../extract/pdf/index';
import { parseDocument } from './dom';

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
 * The readers' host in Node: pdf.js's legacy build (no worker needed), loaded at the first PDF only,
 * the CLI's parse5 DOM, word-extractor, zlib for measuring.
 */
export async function nodeReaderEnv(): Promise<ReaderEnv> {
  return {
    pdfjs: () => import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfjsModule>,
    parseHtml: (html) => parseDocument(html),
    readDoc,
    inflate: nodeInflate,
  };
}
