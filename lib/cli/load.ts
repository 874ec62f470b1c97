import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decode } from '../extract/decode';
import { sniffKind } from '../extract/document';
import { InputError } from './messages';

export { InputError } from './messages';
export { declaredCharset, decode } from '../extract/decode';

export interface Loaded {
  source: string;
  /** `document`: a PDF or Word file, read from `bytes` by lib/extract/document. */
  kind: 'html' | 'text' | 'document';
  content: string;
  bytes?: Uint8Array;
}

export interface Limits {
  /** Bytes a file or download may have; a download stops as soon as it passes them. */
  maxBytes: number;
  /** Time a download may take from request to last byte. */
  timeoutMs: number;
}

export const LIMITS: Limits = { maxBytes: 50 * 1024 * 1024, timeoutMs: 30_000 };
const MB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;


function kindOf(name: string, content: string): 'html' | 'text' {
  const ext = extname(name.split(/[?#]/)[0] ?? '').toLowerCase();
  if (ext === '.txt') return 'text';
  if (ext === '.html' || ext === '.htm' || ext === '.shtml' || ext === '.xhtml') return 'html';
  return /<(html|body|table|div|p)[\s>]/i.test(content.slice(0, 20_000)) ? 'html' : 'text';
}

/** PDF, .docx (zip) and old .doc (OLE) files go to the document readers, whatever their name says. */
function asDocument(bytes: Uint8Array, source: string, contentType: string | null): Loaded | null {
  const kind = sniffKind(bytes, { name: source, contentType });
  return kind === 'pdf' || kind === 'docx' || kind === 'doc' ? { source, kind: 'document', content: '', bytes } : null;
}

export async function load(input: string, limits: Limits = LIMITS): Promise<Loaded> {
  if (/^https?:\/\//i.test(input)) return loadUrl(input, limits);
  let bytes: Uint8Array;
  try {
    // Synchronous: inputs are read one after another, and a promise-based read costs several
    // round trips through the thread pool per file (a tenth of a warm pass over 500 pages).
    if (statSync(input).size > limits.maxBytes) throw new InputError('tooLarge', { source: input, value: MB(limits.maxBytes) });
    bytes = readFileSync(input);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('noSuchFile', { source: input });
    if (code === 'EISDIR') throw new InputError('isDirectory', { source: input });
    throw new InputError('unreadable', { source: input, value: String(code ?? error) });
  }
  const document = asDocument(bytes, input, null);
  if (document) return document;
  const content = decode(bytes);
  return { source: input, kind: kindOf(input, content), content };
}

/** The body, read chunk by chunk and abandoned the moment it passes the byte cap or the deadline. */
async function readCapped(response: Response, url: string, limits: Limits, deadline: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limits.maxBytes) throw new InputError('tooLarge', { source: url, value: MB(limits.maxBytes) });
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) throw new InputError('tooLarge', { source: url, value: MB(limits.maxBytes) });
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (deadline.aborted) throw new InputError('tooSlow', { source: url, value: limits.timeoutMs / 1000 });
    throw new InputError('fetchFailed', { source: url, value: (error as Error).message });
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

async function loadUrl(url: string, limits: Limits): Promise<Loaded> {
  // One deadline for the whole download: the request, the headers and every chunk of the body.
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal: deadline, redirect: 'follow' });
  } catch (error) {
    if (deadline.aborted) throw new InputError('tooSlow', { source: url, value: limits.timeoutMs / 1000 });
    throw new InputError('fetchFailed', { source: url, value: String((error as Error).cause ?? (error as Error).message) });
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    throw new InputError('http', { source: url, value: response.status });
  }
  const bytes = await readCapped(response, url, limits, deadline);
  const document = asDocument(bytes, url, response.headers.get('content-type'));
  if (document) return document;
  const content = decode(bytes, response.headers.get('content-type'));
  const isText = /text\/plain/i.test(response.headers.get('content-type') ?? '');
  return { source: url, kind: isText ? 'text' : 'html', content };
}
