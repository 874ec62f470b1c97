/**
 * The document the user asked to audit, downloaded by the viewer page: with the extension's host
 * access on *.gov.cn, or on another host after the user allows that one origin at a click.
 */
import { browser } from 'wxt/browser';
import { limitedGet } from '../../lib/input/fetch';

export interface Fetched {
  bytes: Uint8Array;
  /** File name: the server's Content-Disposition, else the URL's last path segment. */
  name: string;
  contentType: string | null;
}

/** The one fetcher (lib/input/fetch.ts) on the viewer page's fetch: no cookies, nothing cached. */
const viewerGet = limitedGet({ fetch: (url, init) => fetch(url, init), redirects: 'follow', init: { credentials: 'omit', cache: 'no-store' } });

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

/** Download within the one fetcher's limits, reporting bytes received; an HTTP error is a FetchFailure-like message. */
export async function fetchDocument(url: URL, onProgress: (bytes: number) => void): Promise<Fetched> {
  const page = await viewerGet(url.href, undefined, onProgress);
  if (page.status < 200 || page.status >= 300) throw new Error(`HTTP ${page.status}`);
  const name = page.fileName ?? decodeSafely(url.pathname.split('/').pop() ?? '').slice(0, 200);
  return { bytes: page.bytes, name: name || url.hostname, contentType: page.contentType };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
