import type { DocumentLike, ElementLike } from './dom';
import { extractFromDocument } from './html';
import { extractFromPdf, type PdfFontOptions, type PdfjsModule } from './pdf/index';
import { extractFromTextAny } from './layout-text';
import { readDocx } from './docx';
import type { Extracted } from './types';
import { decode } from './decode';
import { MAX_DOCUMENT_BYTES, OverBudget, type BudgetName } from './budgets';
import { compoundFileFault } from './measure/cfb';
import { htmlOverBudget } from './measure/html';
import { webInflate, type Inflate } from './measure/inflate';
import { pdfOverBudget } from './measure/pdf';

export type DocumentKind = 'pdf' | 'docx' | 'doc' | 'html' | 'text';

/** Why a document could not be read; each code has a message in both locales (lib/i18n/documents.ts). */
export type DocumentErrorCode = 'scanned' | 'encrypted' | 'garbled' | 'unreadable' | 'too-large' | 'zip-bomb' | 'doc-unsupported' | 'empty'
  | 'not-pdf' | 'pdf-inflated' | 'pdf-nesting' | 'docx-cells' | 'docx-nesting' | 'doc-chain' | 'html-cells' | 'exhausted';

/** The reason a document over a budget (lib/extract/budgets.ts) gets. */
export const BUDGET_ERROR: Record<BudgetName, DocumentErrorCode> = {
  pdfPageContentBytes: 'pdf-inflated',
  pdfDocumentInflatedBytes: 'pdf-inflated',
  pdfFormDepth: 'pdf-nesting',
  pdfOperatorsPerPage: 'pdf-inflated',
  docxInflatedBytes: 'zip-bomb',
  docxCells: 'docx-cells',
  docxDepth: 'docx-nesting',
  htmlCellsPerPage: 'html-cells',
  htmlCellsPerTable: 'html-cells',
};

export interface DocumentRead {
  kind: DocumentKind;
  extracted: Extracted | null;
  error: DocumentErrorCode | null;
  /** PDF: page count and page sizes in points, for a viewer that draws marks over the pages. */
  pages?: number;
  pageSizes?: { width: number; height: number }[];
  /** docx / html: the parsed document and, for each token's `src`, its element (to mark cells). */
  document?: ParsedHtml;
  elements?: ElementLike[];
  /** docx: the HTML the document was converted to (untrusted: render it as a parsed DOM, never via innerHTML). */
  html?: string;
}

/**
 * What the readers need from their host. Node: the legacy pdf.js build, the CLI's parse5 parser,
 * word-extractor for old `.doc` files. Browser (the viewer page): the normal pdf.js build with its
 * worker, DOMParser, and no `.doc` reader (the document then gets the `doc-unsupported` error).
 */
/** A parsed HTML document: the browser's Document, or the CLI's parse5 tree (lib/extract/dom.ts). */
export type ParsedHtml = DocumentLike & { getElementsByTagName(name: string): ArrayLike<ElementLike> };

export interface ReaderEnv {
  /** pdf.js, or how to load it: a run that meets no PDF never loads it. */
  pdfjs: PdfjsModule | (() => Promise<PdfjsModule>);
  parseHtml: (html: string) => ParsedHtml;
  readDoc?: (bytes: Uint8Array) => Promise<string>;
  /** How zlib data is inflated to measure a PDF (lib/extract/measure/inflate.ts); DecompressionStream when absent. */
  inflate?: Inflate;
  /** How pdf.js treats fonts (lib/extract/pdf/index.ts `PdfFontOptions`); off when absent, as in a page. */
  pdfFonts?: PdfFontOptions;
  /** SHA-256 of what was read, as lowercase hex (an audit record's evidence); Web Crypto (lib/record/hash.ts) when absent. */
  sha256?: (bytes: Uint8Array) => string;
}

export interface DocumentHints {
  /** File name or URL: its extension is a hint, the bytes decide. */
  name?: string;
  contentType?: string | null;
}

/** What the bytes are: magic numbers first, then markup, then the name and content type. */
export function sniffKind(bytes: Uint8Array, hints: DocumentHints = {}): DocumentKind {
  const head = bytes.subarray(0, 8);
  const starts = (...values: number[]) => values.every((value, i) => head[i] === value);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (startsWithin(bytes, '%PDF-', 1024)) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'docx';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'doc';
  // A text dump saved as .txt is text, whatever markup it quotes.
  if (/\.txt(?:[?#]|$)/i.test(hints.name ?? '')) return 'text';
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (/<(?:!doctype\s+html|html|head|body|table|meta|div|p)[\s>]/i.test(text)) return 'html';
  const type = (hints.contentType ?? '').toLowerCase();
  if (type.includes('html')) return 'html';
  if (/\.(?:html?|shtml|xhtml)(?:[?#]|$)/i.test(hints.name ?? '')) return 'html';
  // Named or served as a PDF, and neither a PDF nor a page: never read as a text dump of its bytes.
  if (namedPdf(hints)) return 'pdf';
  return 'text';
}

const namedPdf = (hints: DocumentHints) => /\.pdf(?:[?#]|$)/i.test(hints.name ?? '') || /^application\/pdf\b/i.test(hints.contentType ?? '');

/** A PDF's bytes: `%PDF-` within the first kilobyte, where pdf.js looks for it too. */
const isPdf = (bytes: Uint8Array) => startsWithin(bytes, '%PDF-', 1024);

function startsWithin(bytes: Uint8Array, marker: string, within: number): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, within)).includes(marker);
}

/**
 * Read any report document: PDF, .docx, old .doc, HTML (also HTML saved under a .doc name) or
 * text. Never throws; a document that cannot be read gets an error code instead of tokens.
 */
export async function readDocument(bytes: Uint8Array, hints: DocumentHints, env: ReaderEnv): Promise<DocumentRead> {
  const kind = sniffKind(bytes, hints);
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { kind, extracted: null, error: 'too-large' };
  if (bytes.byteLength === 0) return { kind, extracted: null, error: 'empty' };
  try {
    switch (kind) {
      case 'pdf': {
        const problem = await pdfProblem(bytes, env.inflate);
        if (problem) return { kind, extracted: null, error: problem };
        const read = await extractFromPdf(bytes, typeof env.pdfjs === 'function' ? await env.pdfjs() : env.pdfjs, env.pdfFonts);
        return { kind, extracted: read.extracted, error: read.error, pages: read.pages, pageSizes: read.pageSizes };
      }
      case 'docx': {
        const read = await readDocx(bytes);
        if (read.over) return { kind, extracted: null, error: BUDGET_ERROR[read.over.budget] };
        if (read.error) return { kind, extracted: null, error: read.error };
        return { kind, ...fromHtml(read.html!, env), html: read.html! };
      }
      case 'doc': {
        if (!env.readDoc) return { kind, extracted: null, error: 'doc-unsupported' };
        if (compoundFileFault(bytes)) return { kind, extracted: null, error: 'doc-chain' };
        const text = await env.readDoc(bytes);
        return { kind, extracted: extractFromTextAny(text), error: null };
      }
      case 'html':
        return { kind, ...fromHtml(decode(bytes, hints.contentType ?? null), env) };
      default:
        return { kind, extracted: extractFromTextAny(decode(bytes, hints.contentType ?? null)), error: null };
    }
  } catch (error) {
    return { kind, extracted: null, error: error instanceof OverBudget ? BUDGET_ERROR[error.budget] : 'unreadable' };
  }
}

/**
 * What is wrong with a PDF before pdf.js sees it: not a PDF at all, or over a budget
 * (lib/extract/budgets.ts). The viewer, which opens PDFs itself to draw them, asks too.
 */
export async function pdfProblem(bytes: Uint8Array, inflate: Inflate = webInflate): Promise<DocumentErrorCode | null> {
  if (!isPdf(bytes)) return 'not-pdf';
  const over = await pdfOverBudget(bytes, inflate);
  return over ? BUDGET_ERROR[over.budget] : null;
}

/** Markup (a page, a converted .docx): its cells counted before it is parsed, then read as a page. */
function fromHtml(html: string, env: ReaderEnv): Pick<DocumentRead, 'extracted' | 'error' | 'document' | 'elements'> {
  const over = htmlOverBudget(html);
  if (over) throw over;
  const document = env.parseHtml(html);
  const { extracted, elements } = extractFromDocument(document);
  return { extracted, error: null, document, elements };
}

