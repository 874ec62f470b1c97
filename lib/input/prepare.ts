/**
 * The one input path: whatever was asked for — a file, a URL, a list's link, a batch row — arrives
 * here as bytes with a content type and a name, is read by the one reader dispatch (readDocument:
 * the bytes decide PDF, Word, HTML or text), and leaves as a `Prepared` item with what is known of it
 * from outside (the list's link text and date, the linking page's dates). Auditing it is then the
 * same call for one input and for a batch (lib/batch/audit-batch.ts).
 */
import { looksLikeReport } from '../extract/html';
import { readDocument, type DocumentKind, type ParsedHtml, type ReaderEnv } from '../extract/document';
import type { Extracted } from '../extract/types';
import { documentMessage } from '../i18n/documents';
import { fetchReason } from '../i18n/inputs';
import type { Lang } from '../i18n/lang';
import { siteDates } from '../facts/published';
import type { AuditContext, DateCandidate } from '../model/report';
import type { RowStatus } from '../batch/row';
import { attachmentLink } from '../batch/links';
import { sha256Hex } from '../record/hash';
import { FetchFailure, StoppedError, type FetchedPage } from './fetch';

/** One input read as far as it could be: its extraction, or why there is none. */
export interface Prepared {
  /** What was asked for: the list's link, the file, the URL (a followed attachment is named in `reason`). */
  source: string;
  linkText: string | null;
  listedAt: string | null;
  extracted: Extracted | null;
  /** What the reader found the bytes to be. */
  kind?: DocumentKind;
  /** SHA-256 of the bytes read (the document's, for a followed attachment): an audit record's evidence. */
  sha256?: string;
  /** The dates of the page that linked the document read (its 发布时间), when the report is an attachment. */
  pageDates?: DateCandidate[];
  /** When there is no extraction: what happened. */
  status?: RowStatus;
  /** Why a row is not audited, or what was followed (the attachment's address), in the run's language. */
  reason?: string | null;
}

export interface InputEnv {
  /** The document readers' host (lib/cli/reader-env.ts, entrypoints/viewer/read.ts). */
  readers: ReaderEnv;
  /** The polite, limited fetcher (lib/input/fetch.ts); absent where nothing may be fetched. */
  get?: (url: string) => Promise<FetchedPage>;
  lang: Lang;
  /** prepareBytes elsewhere (the command line's worker pool, lib/cli/pool.ts): same contract, same answer. */
  prepare?: (base: PrepareBase, file: FileInput) => Promise<Prepared>;
}

/** What the audit is told of an input from outside it (lib/facts decides with it). */
export function contextOf(item: Pick<Prepared, 'linkText' | 'listedAt' | 'pageDates'>): AuditContext {
  return { linkText: item.linkText, listedAt: item.listedAt, pageDates: item.pageDates ?? [] };
}

/** A failure said in the run's language: the fetcher's reason, else the error's text. */
export function reasonOf(error: unknown, lang: Lang): string {
  if (error instanceof FetchFailure) return fetchReason(lang, error.code, error.detail);
  return String((error as Error)?.message ?? error).slice(0, 200);
}

const sameHost = (a: string, b: string) => {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
};

/** HTTP errors are the link's reason; an answer from another host never reaches here (the fetcher refuses it). */
function httpProblem(page: FetchedPage, lang: Lang): string | null {
  return page.status < 200 || page.status >= 300 ? fetchReason(lang, 'http', page.status) : null;
}

/** The host's SHA-256 where it has one (Node's, lib/cli/reader-env.ts), else Web Crypto's: the same hex. */
const hashOf = (bytes: Uint8Array, env: InputEnv) => env.readers.sha256?.(bytes) ?? sha256Hex(bytes);

/** What is known of an input before it is read. */
export type PrepareBase = Pick<Prepared, 'source' | 'linkText' | 'listedAt'>;
type Base = PrepareBase;

/** A file's bytes as read from disk or a response, with what names its kind. */
export interface FileInput {
  bytes: Uint8Array;
  name: string;
  contentType: string | null;
  /** The address answered, for a response: a page's attachment is looked for only then. */
  url?: string;
}

/**
 * Bytes as read from a file or a response → a prepared input. A report page without report tables
 * that links a PDF or Word file on its own host is followed to it (when a fetcher is at hand); the
 * page's dates go with the document.
 */
export async function prepareBytes(base: Base, file: FileInput, env: InputEnv): Promise<Prepared> {
  const read = await readDocument(file.bytes, { name: file.name, contentType: file.contentType }, env.readers);
  if (!read.extracted) {
    return { ...base, kind: read.kind, extracted: null, status: 'unreadable', reason: documentMessage(env.lang, read.error ?? 'unreadable') };
  }
  const page = read.kind === 'html' ? read.document : undefined;
  const attachment = page && file.url && env.get ? followable(page, file.url) : null;
  if (!attachment) return { ...base, kind: read.kind, extracted: read.extracted, sha256: await hashOf(file.bytes, env) };
  const pageDates = siteDates(read.extracted.dates);
  try {
    const fetched = await env.get!(attachment);
    const problem = httpProblem(fetched, env.lang);
    if (problem) return { ...base, extracted: null, status: 'fetch-failed', reason: `${attachment}: ${problem}` };
    const document = await readDocument(fetched.bytes, { name: fetched.fileName ?? fetched.url, contentType: fetched.contentType }, env.readers);
    if (!document.extracted) {
      return { ...base, kind: document.kind, extracted: null, pageDates, status: 'attachment', reason: `${attachment}: ${documentMessage(env.lang, document.error ?? 'unreadable')}` };
    }
    return { ...base, kind: document.kind, extracted: document.extracted, pageDates, reason: attachment, sha256: await hashOf(fetched.bytes, env) };
  } catch (error) {
    if (error instanceof StoppedError) return { ...base, extracted: null, status: 'stopped', reason: null };
    return { ...base, extracted: null, status: 'fetch-failed', reason: `${attachment}: ${reasonOf(error, env.lang)}` };
  }
}

/**
 * prepareBytes given `ms` at most, for a host that cannot stop its readers (an extension page, where
 * pdf.js's worker may die of memory and leave its promises pending): past the time, the input is a
 * row of its own (“文档过大或损坏，已跳过”) and the batch goes on.
 */
export function preparedWithin(ms: number, env: InputEnv): (base: PrepareBase, file: FileInput) => Promise<Prepared> {
  return (base, file) => new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ...base, extracted: null, status: 'unreadable', reason: documentMessage(env.lang, 'exhausted') }), ms);
    void prepareBytes(base, file, env).then((prepared) => {
      clearTimeout(timer);
      resolve(prepared);
    });
  });
}

/** The attachment a page without report tables points to, on its own host. */
function followable(page: ParsedHtml, pageUrl: string): string | null {
  let report = true;
  try {
    report = looksLikeReport(page);
  } catch {
    report = false;
  }
  if (report) return null;
  const link = attachmentLink(page, pageUrl);
  return link && sameHost(link, pageUrl) ? link : null;
}

/** A URL (a list's link, a URL given directly): fetched, then read as its bytes say. */
export async function prepareUrl(base: Base, url: string, env: InputEnv): Promise<Prepared> {
  if (!env.get) return { ...base, extracted: null, status: 'fetch-failed', reason: null };
  let page: FetchedPage;
  try {
    page = await env.get(url);
  } catch (error) {
    if (error instanceof StoppedError) return { ...base, extracted: null, status: 'stopped', reason: null };
    return { ...base, extracted: null, status: 'fetch-failed', reason: reasonOf(error, env.lang) };
  }
  const problem = httpProblem(page, env.lang);
  if (problem) return { ...base, extracted: null, status: 'fetch-failed', reason: problem };
  const file = { bytes: page.bytes, name: page.fileName ?? page.url, contentType: page.contentType, url: page.url };
  const prepared = env.prepare ? await env.prepare(base, file) : await prepareBytes(base, file, env);
  // A link that is itself a document names nothing else it followed: its row needs no reason.
  return prepared;
}
