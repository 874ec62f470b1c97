import type JSZip from 'jszip';
import type { OverBudget } from './budgets';
import { docxOverBudget } from './measure/docx';

export interface DocxRead {
  html: string | null;
  error: 'unreadable' | null;
  /** The budget (lib/extract/budgets.ts) the file is over, measured while inflating it. */
  over?: OverBudget;
}

/**
 * A .docx → HTML with mammoth, which keeps tables with their merged cells (gridSpan → colspan,
 * vMerge → rowspan) and paragraphs; the HTML then goes through the same extraction as a web page.
 * The zip's central directory is read first (jszip inflates nothing until asked), then the XML
 * parts are inflated and measured (lib/extract/measure/docx.ts) before mammoth parses anything: the
 * sizes a zip's headers state are never trusted.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  // Loaded on first use: a page audit never pays for the Word reader.
  const [{ default: Zip }, { default: mammoth }] = await Promise.all([import('jszip'), import('mammoth')]);
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return { html: null, error: 'unreadable' };
  }
  if (!zip.file('word/document.xml')) return { html: null, error: 'unreadable' };
  const over = await docxOverBudget(zip);
  if (over) return { html: null, error: null, over };
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const input = typeof Buffer !== 'undefined' ? { buffer: Buffer.from(buffer) } : { arrayBuffer: buffer };
  // Images are never read: no reader looks at them, and the viewer shows none (each would be a data URL in the HTML).
  const result = await mammoth.convertToHtml(input as { arrayBuffer: ArrayBuffer }, {
    ignoreEmptyParagraphs: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
  });
  return { html: `<!doctype html><html><head><meta charset="utf-8"></head><body>${result.value}</body></html>`, error: null };
}
