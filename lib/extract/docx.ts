import type JSZip from 'jszip';

export const DOCX_LIMITS = {
  /** Sum of the uncompressed sizes of all parts: a report's .docx is a few MB at most. */
  maxUncompressed: 200 * 1024 * 1024,
  /** Compression ratio of any one part beyond which it is a zip bomb, not a document. */
  maxRatio: 200,
};

export interface DocxRead {
  html: string | null;
  error: 'zip-bomb' | 'unreadable' | null;
}

interface ZipEntrySizes {
  _data?: { uncompressedSize?: number; compressedSize?: number };
}

/**
 * A .docx → HTML with mammoth, which keeps tables with their merged cells (gridSpan → colspan,
 * vMerge → rowspan) and paragraphs; the HTML then goes through the same extraction as a web page.
 * The zip's central directory is read first (jszip inflates nothing until asked) and a part that
 * would inflate beyond the limits stops the read before any inflating.
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
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    const data = (entry as unknown as ZipEntrySizes)._data;
    const size = data?.uncompressedSize ?? 0;
    const packed = Math.max(data?.compressedSize ?? 0, 1);
    total += size;
    if (total > DOCX_LIMITS.maxUncompressed || (size > 1024 * 1024 && size / packed > DOCX_LIMITS.maxRatio)) return { html: null, error: 'zip-bomb' };
  }
  if (!zip.file('word/document.xml')) return { html: null, error: 'unreadable' };
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const input = typeof Buffer !== 'undefined' ? { buffer: Buffer.from(buffer) } : { arrayBuffer: buffer };
  const result = await mammoth.convertToHtml(input as { arrayBuffer: ArrayBuffer }, { ignoreEmptyParagraphs: false });
  return { html: `<!doctype html><html><head><meta charset="utf-8"></head><body>${result.value}</body></html>`, error: null };
}
