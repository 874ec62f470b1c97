/**
 * The command line's inputs through the one input path (lib/input): files read from disk, URLs and
 * list pages fetched by the one fetcher, each read by the one reader dispatch. One input or many,
 * `--follow` or not, every input is prepared here and audited by the same call.
 */
import type { Lang } from '../i18n/lang';
import { limitedGet, politeGetter } from '../input/fetch';
import { prepareList, type ListEnv } from '../input/list';
import { prepareBytes, prepareUrl, type Prepared } from '../input/prepare';
import { parseDocument } from './dom';
import { InputError, readInputFile } from './load';
import { ReadPool, type PoolOptions } from './pool';
import { nodeReaderEnv } from './reader-env';

/** A short pause after each request: agency servers are small and rate-limit crawlers. */
export const POLITE_DELAY_MS = Number(process.env.NIANBAO_DELAY_MS ?? 300);

const isUrl = (input: string) => /^https?:\/\//i.test(input);

/** Node's fetch through the one fetcher: redirects read and followed on the same host only. */
export function nodeGet() {
  return limitedGet({ fetch: (url, init) => fetch(url, init), redirects: 'manual' });
}

/** The input environment read in this thread: the polite fetcher and the readers (tests and the bench call it). */
export async function cliEnv(lang: Lang, onProgress?: ListEnv['onProgress']): Promise<ListEnv> {
  return {
    readers: await nodeReaderEnv(),
    get: politeGetter({ get: nodeGet(), concurrency: 2, delayMs: POLITE_DELAY_MS }),
    parseHtml: parseDocument,
    lang,
    onProgress,
  };
}

export interface PooledEnvOptions {
  lang: Lang;
  format: 'auto' | '2019' | '2021';
  /** Reading workers at most (lib/cli/pool.ts); the module they run is the command line's entry. */
  jobs: number;
  /** The pool sizes itself up to `jobs` (no `--jobs` given). */
  auto?: boolean;
  entry: URL;
  limits?: PoolOptions['limits'];
  onProgress?: ListEnv['onProgress'];
}

/** The command line's input environment: the same, with every document read in the worker pool. */
export async function pooledEnv(options: PooledEnvOptions): Promise<{ env: ListEnv; pool: ReadPool }> {
  const env = await cliEnv(options.lang, options.onProgress);
  const pool = new ReadPool({ ...options, get: env.get });
  return { env: { ...env, prepare: (base, file) => pool.prepare(base, file) }, pool };
}

/** One input given on the command line: a file, a URL, or (with --follow) a list page's reports. */
export async function prepareCliInput(input: string, follow: boolean, env: ListEnv): Promise<Prepared[]> {
  const base = { source: input, linkText: null, listedAt: null };
  if (isUrl(input)) return follow ? prepareList(input, env) : [await prepareUrl(base, input, env)];
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(input);
  } catch (error) {
    const reason = error instanceof InputError ? error.say(env.lang) : String((error as Error).message);
    return [{ ...base, extracted: null, status: 'unreadable', reason }];
  }
  const file = { bytes, name: input, contentType: null };
  return [env.prepare ? await env.prepare(base, file) : await prepareBytes(base, file, env)];
}
