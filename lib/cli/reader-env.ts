import type { ReaderEnv } from '../extract/document';
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
 * The readers' host in Node: pdf.js's legacy build (no worker needed), loaded at the first PDF only,
 * the CLI's parse5 DOM, word-extractor.
 */
export async function nodeReaderEnv(): Promise<ReaderEnv> {
  return {
    pdfjs: () => import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfjsModule>,
    parseHtml: (html) => parseDocument(html),
    readDoc,
  };
}
