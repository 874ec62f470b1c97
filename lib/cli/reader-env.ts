import type { ReaderEnv } from '../extract/document';
import { parseDocument } from './dom';

/** Old binary .doc through word-extractor (Node only: it needs fs and streams); table cells come out tab-separated. */
async function readDoc(bytes: Uint8Array): Promise<string> {
  const { default: WordExtractor } = await import('word-extractor');
  const extractor = new WordExtractor();
  const doc = await extractor.extract(Buffer.from(bytes));
  return doc.getBody();
}

/** The readers' host in Node: pdf.js's legacy build (no worker needed), the CLI's parse5 DOM, word-extractor. */
export async function nodeReaderEnv(): Promise<ReaderEnv> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return {
    pdfjs,
    parseHtml: (html) => parseDocument(html),
    readDoc,
  };
}
