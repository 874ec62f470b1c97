/**
 * The document the user asked to audit, downloaded by the viewer page: with the extension's host
 * access on *.gov.cn, or on another host after the user allows that one origin at a click.
 */
import { browser } from 'wxt/browser';
import { MAX_DOCUMENT_BYTES } from '../../lib/extract/document';

/** The readers refuse more (lib/extract/document.ts): no use downloading it. */
export const MAX_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;
const STALL_MS = 60_000;

export interface Fetched {
  bytes: Uint8Array;
  /** File name: the server's Content-Disposition, else the URL's last path segment. */
  name: string;
  contentType: string | null;
}

export class TooLargeError extends Error {}

function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** Whether the extension may read this URL already (host permission or an earlier grant). */
export async function mayRead(url: URL): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false);
}

/** Ask for this one origin; must run inside the user's click. */
export async function askToRead(url: URL): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
}

function nameOf(url: URL, disposition: string | null): string {
  const star = /filename\*\s*=\s*[\w-]+''([^;]+)/i.exec(disposition ?? '')?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition ?? '')?.[1];
  const raw = star ?? plain ?? url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(raw).slice(0, 200) || url.hostname;
  } catch {
    return raw.slice(0, 200) || url.hostname;
  }
}

/** Download with a size cap and a stall timeout, reporting bytes received. */
export async function fetchDocument(url: URL, onProgress: (bytes: number) => void): Promise<Fetched> {
  const limit = MAX_DOCUMENT_BYTES;
  const abort = new AbortController();
  let stall = setTimeout(() => abort.abort(), STALL_MS);
  try {
    const response = await fetch(url, { signal: abort.signal, credentials: 'omit', cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (Number(response.headers.get('content-length') ?? 0) > limit) throw new TooLargeError();
    const reader = response.body?.getReader();
    if (!reader) throw new Error('empty response');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel();
        throw new TooLargeError();
      }
      chunks.push(value);
      onProgress(size);
      clearTimeout(stall);
      stall = setTimeout(() => abort.abort(), STALL_MS);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { bytes, name: nameOf(url, response.headers.get('content-disposition')), contentType: response.headers.get('content-type') };
  } finally {
    clearTimeout(stall);
  }
}
