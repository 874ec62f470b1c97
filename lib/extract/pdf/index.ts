import type * as Pdfjs from 'pdfjs-dist';
import { BUDGETS, MAX_DOCUMENT_BYTES } from '../budgets';
import { TABLE_HINTS } from '../html';
import { normalizeText } from '../normalize';
import { readNumber } from '../number';
import { PDF_SETTINGS, readLayout, type Chunk, type Segment } from '../layout/index';
import { datesFromLines } from '../dates';
import type { Extracted } from '../types';
import type { DateCandidate } from '../../model/report';
import { itemsToChunks, type PdfTextItem } from './items';
import { pageRulings, type PdfOps } from './rulings';
import { textQuality } from './quality';

/** What the reader needs of pdf.js: the legacy build in Node, the normal build (with its worker) in a page. */
export type PdfjsModule = Pick<typeof Pdfjs, 'getDocument'> & {
  /** pdf.js's operator codes: with them the reader follows the drawn table borders; without, text positions alone. */
  OPS?: PdfOps;
};

export type PdfErrorCode = 'encrypted' | 'scanned' | 'garbled' | 'unreadable' | 'too-large';

export interface PdfExtraction {
  extracted: Extracted | null;
  error: PdfErrorCode | null;
  pages: number;
  /** Page sizes in points (width, height), by page number from 1: a viewer scales its marks by them. */
  pageSizes: { width: number; height: number }[];
}

export const PDF_LIMITS = {
  /** Bytes; larger files are refused before pdf.js sees them. */
  maxBytes: MAX_DOCUMENT_BYTES,
  /** A report has a few pages; a longer document is read up to here and the rest noted. */
  maxPages: 100,
  /** Text items per page beyond which the page's rest is ignored (a hostile or vector-text page). */
  maxItemsPerPage: 20_000,
};

/**
 * How pdf.js treats a document's fonts. In a page (the extension) they stay off (`disableFontFace`):
 * loading them there would install them in the page. Where no page holds the reader, the host gives
 * a stand-in document that takes them and drops them (lib/cli/reader-env.ts `DROPPED_FONTS`).
 */
export type PdfFontOptions = { disableFontFace: true } | { disableFontFace: false; ownerDocument: object };

/**
 * Read a PDF's text layer into the positioned-cell shape every reader hands the template. Pure in
 * the pdf.js module passed in, so the same code runs in Node and in the extension's viewer page.
 * Never throws: a PDF that cannot be read yields an error code.
 */
export async function extractFromPdf(data: Uint8Array, pdfjs: PdfjsModule, fonts: PdfFontOptions = { disableFontFace: true }): Promise<PdfExtraction> {
  const none = (error: PdfErrorCode, pages = 0): PdfExtraction => ({ extracted: null, error, pages, pageSizes: [] });
  if (data.byteLength > PDF_LIMITS.maxBytes) return none('too-large');
  let doc: Pdfjs.PDFDocumentProxy;
  try {
    // pdf.js takes ownership of the buffer it is given and refuses a Node Buffer: pass a plain copy.
    const source = { data: new Uint8Array(data), isEvalSupported: false, ...fonts, useSystemFonts: false, stopAtErrors: false, verbosity: 0 };
    doc = await pdfjs.getDocument(source as Parameters<PdfjsModule['getDocument']>[0]).promise;
  } catch (error) {
    return none((error as { name?: string }).name === 'PasswordException' ? 'encrypted' : 'unreadable');
  }
  try {
    return await readDocument(doc, pdfjs.OPS ?? null);
  } catch {
    return none('unreadable', doc.numPages);
  } finally {
    void doc.destroy();
  }
}

async function readDocument(doc: Pdfjs.PDFDocumentProxy, ops: PdfOps | null): Promise<PdfExtraction> {
  const chunks: Chunk[] = [];
  const rules: Segment[] = [];
  const pageSizes: { width: number; height: number }[] = [];
  const anomalies: string[] = [];
  const count = Math.min(doc.numPages, PDF_LIMITS.maxPages);
  let ruledBefore = false;
  if (doc.numPages > count) anomalies.push(`pdf: only the first ${count} of ${doc.numPages} pages were read`);
  for (let p = 1; p <= count; p += 1) {
    const page = await doc.getPage(p);
    const viewport = page.getViewport({ scale: 1 });
    pageSizes.push({ width: viewport.width, height: viewport.height });
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is typeof item & PdfTextItem => 'str' in item);
    if (items.length > PDF_LIMITS.maxItemsPerPage) anomalies.push(`pdf: page ${p} has ${items.length} text items; the first ${PDF_LIMITS.maxItemsPerPage} were read`);
    const vertical = (font: string | undefined) => Boolean(font && (content.styles[font] as { vertical?: boolean } | undefined)?.vertical);
    const own = itemsToChunks(items.slice(0, PDF_LIMITS.maxItemsPerPage), p, viewport.transform, vertical, PDF_SETTINGS);
    // A table wider than the page (a fixed-width one exported by Writer) is cut at its edge: what lies beyond is lost.
    if (own.some((chunk) => chunk.x1 > viewport.width + PDF_SETTINGS.items.pastEdge)) anomalies.push(`pdf: page ${p}: text runs past the page's right edge; what lies beyond it is not in the document`);
    chunks.push(...own);
    // A page between two pages of one table may hold a single tall row's pieces (沭阳县发改局 2023 in
    // Writer: a label wrapped a character a line fills the page), no table words, few numbers: a page
    // after one whose drawing held rules is read too.
    const ruled = rules.length;
    if (ops && (mayHoldTable(own) || ruledBefore)) {
      const list = await page.getOperatorList();
      if (list.fnArray.length > BUDGETS.pdfOperatorsPerPage) anomalies.push(`pdf: page ${p} draws ${list.fnArray.length} operators; table borders were read from the first ${BUDGETS.pdfOperatorsPerPage}`);
      rules.push(...pageRulings(list.fnArray, list.argsArray, ops, p, viewport.transform, PDF_SETTINGS));
    }
    ruledBefore = rules.length > ruled;
    page.cleanup();
  }
  const quality = textQuality(chunks.map((chunk) => chunk.text).join(''), count);
  if (quality !== null) return { extracted: null, error: quality, pages: doc.numPages, pageSizes };
  const info = await doc.getMetadata().then((meta) => meta.info as Record<string, unknown>, () => ({} as Record<string, unknown>));
  const read = readLayout(chunks, PDF_SETTINGS, { rules, pageHeight: (p) => pageSizes[p - 1]?.height ?? null, pageWidth: (p) => pageSizes[p - 1]?.width ?? null, metadataTitle: typeof info.Title === 'string' ? info.Title : null });
  const extracted: Extracted = {
    tokens: read.tokens,
    blocks: read.blocks,
    title: read.title,
    // A browser's print is dated the day it was printed: not even a hint of when the report went up.
    dates: [...datesFromLines(read.lines), ...(printedByBrowser(info) ? [] : metadataDate(info.CreationDate))],
    anomalies,
    ...(read.cuts.length > 0 ? { cuts: read.cuts } : {}),
  };
  return { extracted, error: null, pages: doc.numPages, pageSizes };
}

/**
 * Whether a page's text may hold a report table: two of the tables' words, or a few numbers standing
 * alone. Only such pages have their drawing read for table borders, which costs about as much as
 * their text (pdf.js parses the page's content again).
 */
function mayHoldTable(chunks: Chunk[]): boolean {
  const text = normalizeText(chunks.map((chunk) => chunk.text).join(''));
  if (TABLE_HINTS.filter((hint) => text.includes(hint)).length >= 2) return true;
  return chunks.filter((chunk) => readNumber(chunk.text, 'signed').status === 'number').length >= 6;
}

/**
 * A page printed to PDF by a browser (Chromium's Skia writer, a browser's user agent as creator):
 * its creation date is the day it was printed, not the day the report was published.
 */
function printedByBrowser(info: Record<string, unknown>): boolean {
  return /Skia\/PDF/.test(String(info.Producer ?? '')) || /Mozilla\/|Chrome\/|Firefox\//.test(String(info.Creator ?? ''));
}

/** The PDF's creation date (D:20240131…): when it was printed, a hint only, never the publication date on its own. */
function metadataDate(value: unknown): DateCandidate[] {
  const match = typeof value === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return match ? [{ date: `${match[1]}-${match[2]}-${match[3]}`, source: 'document-metadata' }] : [];
}
