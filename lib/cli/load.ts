import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { sniffKind } from '../extract/document';

export interface Loaded {
  source: string;
  /** `document`: a PDF or Word file, read from `bytes` by lib/extract/document. */
  kind: 'html' | 'text' | 'document';
  content: string;
  bytes?: Uint8Array;
}

export class InputError extends Error {}

const FETCH_TIMEOUT_MS = 30_000;
const MAX_BYTES = 50 * 1024 * 1024;

/** The charset a page declares: HTTP header, BOM, or <meta> in its first bytes. */
export function declaredCharset(bytes: Uint8Array, contentType: string | null): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const fromHeader = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

function decoderFor(charset: string | null): TextDecoder {
  const label = (charset ?? 'utf-8').toLowerCase();
  // GB2312 and GBK pages routinely use characters only GB18030 (their superset) names correctly.
  const name = ['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'cp936'].includes(label) ? 'gb18030' : label;
  try {
    return new TextDecoder(name);
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Decode by the declared charset; undeclared text that is not valid UTF-8 is read as GB18030. */
export function decode(bytes: Uint8Array, contentType: string | null = null): string {
  const charset = declaredCharset(bytes, contentType);
  if (charset) return decoderFor(charset).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

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

export async function load(input: string): Promise<Loaded> {
  if (/^https?:\/\//i.test(input)) return loadUrl(input);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${input}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error)}`);
  }
  if (bytes.length > MAX_BYTES) throw new InputError(`${input}: larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const document = asDocument(bytes, input, null);
  if (document) return document;
  const content = decode(bytes);
  return { source: input, kind: kindOf(input, content), content };
}

async function loadUrl(url: string): Promise<Loaded> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new InputError(`${url}: cannot be fetched (${(error as Error).cause ?? (error as Error).message})`);
  }
  if (!response.ok) throw new InputError(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new InputError(`${url}: larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const document = asDocument(bytes, url, response.headers.get('content-type'));
  if (document) return document;
  const content = decode(bytes, response.headers.get('content-type'));
  const isText = /text\/plain/i.test(response.headers.get('content-type') ?? '');
  return { source: url, kind: isText ? 'text' : 'html', content };
}
