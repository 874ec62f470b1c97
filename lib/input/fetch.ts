/**
 * The one fetcher: every download the product makes — a URL given to the command line, a list page
 * and its reports under `--follow`, the batch view's rows, the viewer's attachment — goes through
 * `limitedGet`, with one set of limits and one redirect rule, and `politeGetter` spaces them out.
 * The host's `fetch` is a parameter (Node's, or an extension page's), so lib/ stays free of globals.
 */
import pLimit from 'p-limit';
import { MAX_DOCUMENT_BYTES } from '../extract/budgets';
import { readCapped } from '../extract/measure/read-capped';

/** One response, as the host's fetch got it. */
export interface FetchedPage {
  /** The address finally answered, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  /** The server's file name (Content-Disposition), when it gave one. */
  fileName?: string | null;
}

export type FetchFailureCode = 'timeout' | 'too-large' | 'off-host' | 'redirects' | 'network';

/** A download that failed for the link's own reasons (never ours): a row's reason, an input's message. */
export class FetchFailure extends Error {
  constructor(readonly code: FetchFailureCode, readonly detail: string | number = '') {
    super(`${code}${detail === '' ? '' : `: ${detail}`}`);
  }
}

export interface FetchLimits {
  /** Bytes a download may have: the document readers refuse more, so no more is downloaded. */
  maxBytes: number;
  /** Time from the request to the last byte. */
  timeoutMs: number;
  /** Redirects followed, all on the host asked for. */
  maxRedirects: number;
}

export const FETCH_LIMITS: FetchLimits = { maxBytes: MAX_DOCUMENT_BYTES, timeoutMs: 30_000, maxRedirects: 5 };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface GetOptions {
  fetch: FetchLike;
  /**
   * 'manual' (Node): each redirect is read and followed only on the host asked for, so no request
   * ever reaches another host. 'follow' (extension pages, where a manual redirect is opaque): the
   * browser follows, its host permissions bound where, and an answer from another host is refused.
   */
  redirects: 'manual' | 'follow';
  limits?: Partial<FetchLimits>;
  /** Extra request options (the extension sends no cookies: `credentials: 'omit'`). */
  init?: RequestInit;
}

const sameHost = (a: string, b: string) => {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
};

const MB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * A deadline the code owns: a timer it keeps and clears, aborting a controller it keeps. (Node 20's
 * `AbortSignal.any([signal, AbortSignal.timeout(ms)])` stopped firing after a garbage collection —
 * undici #4068, node #55428 — and a `--follow` request waited 300 s on a server sending a byte a second.)
 */
function deadline(ms: number, outer?: AbortSignal): { signal: AbortSignal; expired: () => boolean; done: () => void } {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new FetchFailure('timeout', ms / 1000));
  }, ms);
  const onOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: controller.signal,
    expired: () => expired,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}

/** The body, chunk by chunk, abandoned the moment it passes the cap. */
async function readBody(response: Response, limits: FetchLimits, onBytes?: (bytes: number) => void): Promise<Uint8Array> {
  if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchFailure('too-large', MB(limits.maxBytes));
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const read = await readCapped(reader, limits.maxBytes, { onSize: onBytes });
  if (!read.bytes) throw new FetchFailure('too-large', MB(limits.maxBytes));
  return read.bytes;
}

/** The server's file name: Content-Disposition's filename* or filename. */
export function dispositionName(disposition: string | null): string | null {
  const star = /filename\*\s*=\s*[\w-]+''([^;]+)/i.exec(disposition ?? '')?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition ?? '')?.[1];
  const raw = star ?? plain;
  if (!raw) return null;
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return raw.slice(0, 200);
  }
}

/**
 * get(url, signal) → the whole response, within the limits: one deadline over request, headers and
 * body; the body capped; redirects on the same host only. A failure is a FetchFailure (the link's
 * fault), or the outer signal's reason when the caller stopped.
 */
export function limitedGet(options: GetOptions): (url: string, signal?: AbortSignal, onBytes?: (bytes: number) => void) => Promise<FetchedPage> {
  const limits = { ...FETCH_LIMITS, ...options.limits };
  return async (url, signal, onBytes) => {
    const clock = deadline(limits.timeoutMs, signal);
    try {
      let current = url;
      for (let hop = 0; hop <= limits.maxRedirects; hop += 1) {
        const response = await options.fetch(current, { ...options.init, redirect: options.redirects, signal: clock.signal });
        const location = response.headers.get('location');
        if (options.redirects === 'manual' && response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel().catch(() => undefined);
          const next = new URL(location, current).href;
          // Not followed: a redirect to a host the user did not name is the link's reason, not a request.
          if (!sameHost(next, url)) throw new FetchFailure('off-host', new URL(next).host);
          current = next;
          continue;
        }
        const answered = response.url || current;
        if (!sameHost(answered, url)) {
          await response.body?.cancel().catch(() => undefined);
          throw new FetchFailure('off-host', new URL(answered).host);
        }
        const bytes = await readBody(response, limits, onBytes);
        return {
          url: answered, status: response.status, contentType: response.headers.get('content-type'), bytes,
          fileName: dispositionName(response.headers.get('content-disposition')),
        };
      }
      throw new FetchFailure('redirects', limits.maxRedirects);
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      if (clock.expired()) throw new FetchFailure('timeout', limits.timeoutMs / 1000);
      if (signal?.aborted) throw signal.reason ?? error;
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      throw new FetchFailure('network', String(cause?.code ?? cause?.message ?? (error as Error).message ?? error).slice(0, 200));
    } finally {
      clock.done();
    }
  };
}

export class StoppedError extends Error {}

export interface PoliteOptions {
  get(url: string, signal: AbortSignal): Promise<FetchedPage>;
  /** At most this many requests at a time (2: agency servers are small). */
  concurrency?: number;
  /** Pause after each request, per slot. */
  delayMs?: number;
  signal?: AbortSignal;
}

/** A pause that ends early when stopped, and leaves no listener behind either way. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const end = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', end);
      resolve();
    };
    const timer = setTimeout(end, ms);
    signal?.addEventListener('abort', end, { once: true });
  });
}

/** get, politely: a limited number at a time, a pause after each, one retry on a network error or a 5xx/429. */
export function politeGetter(options: PoliteOptions): (url: string) => Promise<FetchedPage> {
  const limit = pLimit(options.concurrency ?? 2);
  const signal = options.signal ?? new AbortController().signal;
  const once = async (url: string): Promise<FetchedPage> => {
    if (signal.aborted) throw new StoppedError('stopped');
    try {
      return await options.get(url, signal);
    } finally {
      await pause(options.delayMs ?? 0, signal);
    }
  };
  return (url) => limit(async () => {
    let page: FetchedPage;
    try {
      page = await once(url);
    } catch (error) {
      if (error instanceof StoppedError || signal.aborted) throw new StoppedError('stopped');
      // A network error is worth one more try; a page too large, too slow or elsewhere is not.
      if (error instanceof FetchFailure && error.code !== 'network') throw error;
      return once(url);
    }
    return page.status >= 500 || page.status === 429 ? once(url) : page;
  });
}
