/**
 * The document readers of lib/extract (docs/document-readers.md) hosted in the viewer page: pdf.js's
 * normal build with its bundled worker, DOMParser for markup, no binary .doc reader (Node only).
 */
import { OPS, type PDFDocumentProxy } from 'pdfjs-dist';
import { readDocument, type DocumentRead, type ReaderEnv } from '../../lib/extract/document';
import type { PdfjsModule } from '../../lib/extract/pdf/index';
import { PAGE_READ_MS } from '../../lib/extract/budgets';
import { openPdfTask } from './pdf-view';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/**
 * The PDF the viewer already opened, lent to the reader instead of a second parse in a second
 * worker: the members the reader uses, with `destroy` left to the viewer that owns the document.
 */
function lend(doc: PDFDocumentProxy): PdfjsModule {
  const borrowed = {
    numPages: doc.numPages,
    getPage: (n: number) => doc.getPage(n),
    getMetadata: () => doc.getMetadata(),
    destroy: async () => undefined,
  };
  return { getDocument: () => ({ promise: Promise.resolve(borrowed) }), OPS } as unknown as PdfjsModule;
}

/**
 * pdf.js as the extension's pages set it up (worker, character maps, standard fonts: openPdfTask), for
 * the reader. A document still open after PAGE_READ_MS has its worker stopped: a worker that ran out
 * of memory or loops for ever leaves a rejected read (the reader's “unreadable”), never a hung batch.
 */
export const pagePdfjs = {
  getDocument: ({ data }: { data: Uint8Array }) => {
    const task = openPdfTask(data);
    setTimeout(() => void task.destroy(), PAGE_READ_MS);
    return task;
  },
  OPS,
} as unknown as PdfjsModule;

/** The readers' host in an extension page (the viewer, the batch view): pdf.js's normal build, DOMParser, mammoth; no .doc. */
export const pageReaderEnv: ReaderEnv = { pdfjs: pagePdfjs, parseHtml };

/**
 * A document read in the viewer: with the PDF it already opened (`pdf`), and markup parsed by the
 * viewer's own parser (`parseHtml`: its sanitised copy, whose nodes it then shows), so each
 * document is parsed and extracted once.
 */
export function readInViewer(bytes: Uint8Array, name: string, contentType: string | null, own: { pdf?: PDFDocumentProxy; parseHtml?: ReaderEnv['parseHtml'] } = {}): Promise<DocumentRead> {
  const env: ReaderEnv = { pdfjs: own.pdf ? lend(own.pdf) : pagePdfjs, parseHtml: own.parseHtml ?? parseHtml };
  return readDocument(bytes, { name, contentType }, env);
}
