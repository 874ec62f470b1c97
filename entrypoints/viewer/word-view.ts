/**
 * Word documents in the viewer: a .docx converted to HTML by mammoth, or a web page saved under a
 * .doc name, rebuilt from an allowlist (sanitize.ts) in a detached document that the page auditor
 * reads; the same nodes are then shown, so marks land on the cells that were read.
 */
import JSZip from 'jszip';
import { copySanitised } from './sanitize';

/** What a .docx may unpack to in all; more is a zip bomb, refused before mammoth inflates anything. */
export const MAX_UNPACKED_MB = 100;

export class ZipBombError extends Error {}

interface StreamHelper {
  on(event: 'data', callback: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', callback: () => void): StreamHelper;
  on(event: 'error', callback: (error: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** Inflate every entry once, counting bytes and stopping at the limit (headers can lie about sizes). */
async function checkUnpackedSize(bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  const limit = MAX_UNPACKED_MB * 1024 * 1024;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = (entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
      stream
        .on('data', (chunk) => {
          total += chunk.length;
          if (total > limit) {
            stream.pause();
            reject(new ZipBombError(`${entry.name} unpacks past ${MAX_UNPACKED_MB} MB`));
          }
        })
        .on('error', reject)
        .on('end', resolve)
        .resume();
    });
  }
}

/** .docx → HTML text (mammoth's output, still untrusted). */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  await checkUnpackedSize(bytes);
  const mammoth = (await import('mammoth')).default;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { value } = await mammoth.convertToHtml({ arrayBuffer: buffer }, { ignoreEmptyParagraphs: false });
  return value;
}

/** Untrusted HTML → a detached document holding only allowed nodes, in a Word-like container the reader knows. */
export function sanitisedDocument(html: string, title: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const doc = document.implementation.createHTMLDocument(title);
  const section = doc.createElement('div');
  section.className = 'WordSection1';
  copySanitised(parsed.body ?? parsed.documentElement, section, doc);
  doc.body.append(section);
  return doc;
}

/** A web page's bytes decoded by the charset it declares (Word's "save as web page" writes gb2312). */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 4096));
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  const label = (declared ?? 'utf-8').toLowerCase();
  try {
    const text = new TextDecoder(label === 'gb2312' || label === 'gbk' ? 'gb18030' : label, { fatal: !declared }).decode(bytes);
    return text;
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
