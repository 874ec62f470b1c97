/**
 * What a document may cost before any reader does the work (docs/limits.md): each budget is named,
 * checked on the bytes before pdf.js, mammoth, word-extractor or an HTML parser sees them, and a file
 * over one gets its own reason (lib/i18n/documents.ts), never “scan” or “damaged”. A scan is a file
 * with pages and no text, nothing else.
 *
 * Why budgets and not only a heap limit: a worker's heap ceiling (lib/cli/pool.ts) does not cap
 * ArrayBuffers, and pdf.js, jszip and zlib hold what they inflate in ArrayBuffers — a 1 MB PDF held
 * 1 GB of page content outside the heap. In the browser there is no worker to sacrifice at all.
 */

const MB = 1024 * 1024;

/** A file or a download larger than this is refused before any reader sees it (a report is 0.1–10 MB). */
export const MAX_DOCUMENT_BYTES = 50 * MB;

export const BUDGETS = {
  /**
   * One page's content streams, inflated. A report's page is 10–200 KB of drawing operators; a
   * vector map a few MB. pdf.js keeps a page's whole inflated content while it reads it.
   */
  pdfPageContentBytes: 32 * MB,
  /** Every Flate stream of a PDF together (pages, forms, fonts, object streams), inflated: what pdf.js may hold at once. */
  pdfDocumentInflatedBytes: 192 * MB,
  /**
   * Forms drawn inside forms. Word and WPS exports nest two or three; pdf.js recurses per level and
   * a 10,000-deep chain overflowed its stack 76 times and left no text.
   */
  pdfFormDepth: 32,
  /** Drawing operators read for table borders on one page (the rest of the page's drawing is not read). */
  pdfOperatorsPerPage: 500_000,
  /**
   * A .docx's XML parts, inflated — measured while inflating, never taken from the zip's headers. A
   * report's are 1–3 MB (its document.xml about 1 MB).
   */
  docxInflatedBytes: 64 * MB,
  /** Table cells in a .docx: a report has about a thousand; mammoth needed 4.3 GB for a million. */
  docxCells: 50_000,
  /** Element nesting in a .docx's body (a report's is about 10, 3 more per nested table); mammoth recurses per level. */
  docxDepth: 200,
  /** Table cells in one HTML page, counted before it is parsed: 40 MB of bare cells took 4 GB to parse. */
  htmlCellsPerPage: 300_000,
  /** Table cells in one HTML table. */
  htmlCellsPerTable: 100_000,
} as const;

export type BudgetName = keyof typeof BUDGETS;
/** Budgets as numbers (a test measures against smaller ones). */
export type Budgets = { readonly [K in BudgetName]: number };

/** A document over a budget: which one, and what was found (a count, bytes, a depth). */
export class OverBudget extends Error {
  constructor(readonly budget: BudgetName, readonly found: number | null = null) {
    super(`over budget ${budget}${found === null ? '' : `: ${found}`}`);
  }
}

/**
 * Limits of one input's reading as a whole, where a worker does it (the command line's pool): a heap
 * ceiling per worker, and a time after which the worker is stopped. A document that reaches either
 * is a row of its own (“文档过大或损坏，已跳过”), and the next input goes on.
 */
export const WORKER_LIMITS: { heapMb: number; timeMs: number } = {
  /** V8 heap (old generation) of one reading worker, in MB. */
  heapMb: 384,
  /** Time to read one document, and to audit it where the worker does (lib/cli/pool.ts `auditsInWorker`). */
  timeMs: 60_000,
};

/**
 * Time an extension page (the viewer, the batch view) gives one document's reading, pdf.js's worker
 * included: past it the document is a message (“文档过大或损坏，已跳过”) and its pdf.js worker is
 * stopped. Longer than the command line's: a page shares its machine with a browser.
 */
export const PAGE_READ_MS = 120_000;
