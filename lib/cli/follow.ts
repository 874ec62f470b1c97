import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { auditBatch, type Prepared } from '../batch/audit-batch';
import { attachmentReader } from '../batch/attachment';
import { FetchFailure, politeGetter, prepareList, preparePage, type BatchEnv, type FetchedPage } from '../batch/fetch';
import type { BatchRow } from '../batch/row';
import { extractFromText } from '../extract/text';
import type { Lang } from '../i18n/render';
import type { AuditResult } from '../model/result';
import { summaryCsv, summaryXlsx } from '../export/summary';
import { formatResult } from './format';
import { parseDocument } from './dom';
import { load } from './load';
import { nodeReaderEnv } from './reader-env';
import { InputError, say } from './messages';
import { terminalJson, terminalSafe } from './terminal';

export interface BatchArgs {
  json: boolean;
  lang: Lang;
  format: 'auto' | '2019' | '2021';
  follow: boolean;
  summary: string | null;
  inputs: string[];
}

const TIMEOUT_MS = 30_000;
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 5;
/** A short pause after each request: agency servers are small and rate-limit crawlers. */
export const POLITE_DELAY_MS = Number(process.env.NIANBAO_DELAY_MS ?? 300);

/** Node's fetch, redirects followed only on the same host, the body cut at MAX_BYTES. */
export async function nodeGet(url: string, signal: AbortSignal): Promise<FetchedPage> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await fetch(current, { redirect: 'manual', signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]) });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, current);
      await response.body?.cancel();
      // Not followed: a redirect to a host the user did not name is a row's reason, not a request.
      if (next.host !== new URL(url).host) return { url: next.href, status: response.status, contentType: null, bytes: new Uint8Array() };
      current = next.href;
      continue;
    }
    return { url: current, status: response.status, contentType: response.headers.get('content-type'), bytes: await readCapped(response) };
  }
  throw new FetchFailure('too many redirects');
}

async function readCapped(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) {
    await response.body?.cancel();
    throw new FetchFailure(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new FetchFailure(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function cliEnv(lang: Lang): BatchEnv {
  return {
    get: nodeGet,
    concurrency: 2,
    delayMs: POLITE_DELAY_MS,
    parseHtml: parseDocument,
    // Attachments (PDF, Word) through the document readers; pdf.js is loaded at the first one.
    readAttachment: attachmentReader(nodeReaderEnv, lang),
    onProgress: (done, total, source) => process.stderr.write(`[${done}/${total}] ${source}\n`),
  };
}

/** A file or URL given directly, read as the single-input path reads it; a report page without tables is followed to its attachment. */
async function prepareInput(input: string, lang: Lang, env: BatchEnv, get: (url: string) => Promise<FetchedPage>): Promise<Prepared> {
  try {
    const loaded = await load(input);
    const base = { source: loaded.source, linkText: null, listedAt: null };
    if (loaded.kind === 'text') return { ...base, extracted: extractFromText(loaded.content) };
    if (loaded.kind === 'document') {
      const read = await env.readAttachment!({ url: loaded.source, status: 200, contentType: null, bytes: loaded.bytes! });
      return { ...base, extracted: read.extracted, status: read.extracted ? undefined : 'fetch-failed', reason: read.problem && `${loaded.source}: ${read.problem}` };
    }
    return await preparePage(base, parseDocument(loaded.content), loaded.source, get, env);
  } catch (error) {
    return { source: input, linkText: null, listedAt: null, extracted: null, status: 'fetch-failed', reason: error instanceof InputError ? error.say(lang) : String((error as Error).message) };
  }
}

function tallyRows(rows: readonly BatchRow[]): Record<string, number> {
  const reports = rows.filter((row) => row.status === 'audited');
  return {
    files: rows.length,
    reports: reports.length,
    failing: reports.filter((row) => row.errors > 0).length,
    others: rows.filter((row) => row.status === 'not-report').length,
    unreadable: rows.filter((row) => row.status !== 'audited' && row.status !== 'not-report').length,
  };
}

export function closingLine(rows: readonly BatchRow[]): string {
  const count = (status: BatchRow['status']) => rows.filter((row) => row.status === status).length;
  const errors = rows.reduce((sum, row) => sum + row.errors, 0);
  const warnings = rows.reduce((sum, row) => sum + row.warnings, 0);
  const checked = rows.filter((row) => row.crossyear !== null);
  const late = rows.filter((row) => row.deadline === 'missed').length;
  return `${rows.length} inputs: ${count('audited')} audited, ${count('not-report')} not a report, ${count('attachment')} in an attachment, `
    + `${count('fetch-failed')} failed, ${count('stopped')} not fetched · ${errors} errors, ${warnings} warnings · `
    + `${checked.length} checked against last year (${checked.filter((row) => row.crossyear === 'findings').length} with findings) · ${late} past the deadline`;
}

/** Several inputs, list pages (--follow), a summary file: the batch path. */
export async function runBatchCli(args: BatchArgs): Promise<number> {
  const prepared: Prepared[] = [];
  const env = cliEnv(args.lang);
  const get = politeGetter(env);
  let unreadable = false;
  for (const input of args.inputs) {
    if (args.follow && /^https?:\/\//i.test(input)) {
      process.stderr.write(`audit: reading the list ${input}\n`);
      const items = await prepareList(input, env);
      if (items.length === 0) process.stderr.write(`audit: ${input}: no links to annual reports on this page\n`);
      if (items.length === 1 && items[0]!.source === input && items[0]!.status === 'fetch-failed') unreadable = true;
      prepared.push(...items);
    } else {
      const item = await prepareInput(input, args.lang, env, get);
      if (!item.extracted) unreadable = true;
      prepared.push(item);
    }
  }
  const { rows, results } = auditBatch(prepared, { lang: args.lang, format: args.format });
  const audited: AuditResult[] = [];
  rows.forEach((row, i) => {
    const result = results[i];
    if (result) {
      audited.push(result);
      if (!args.json) process.stdout.write(`${formatResult(result, args.lang)}\n\n`);
    } else if (row.linkText === null && row.reason) {
      // A file or URL given directly: its reason already names it, in the run's language.
      process.stderr.write(`audit: ${terminalSafe(row.reason)}\n`);
    } else {
      process.stderr.write(`audit: ${terminalSafe(`${row.source}: ${row.status}${row.reason ? ` (${row.reason})` : ''}`)}\n`);
    }
  });
  if (args.json) process.stdout.write(`${terminalJson(audited)}\n`);
  if (args.summary) await writeSummary(args.summary, rows, args.lang);
  // The closing line of any run of several inputs (as the single-input path words it), then the batch's own.
  const line = `${say(args.lang, 'summary', tallyRows(rows))}\n`;
  if (args.json) process.stderr.write(line);
  else process.stdout.write(line);
  if (args.follow || args.summary) process.stderr.write(`audit: ${closingLine(rows)}\n`);
  if (unreadable) return 2;
  return rows.some((row) => row.errors > 0) ? 1 : 0;
}

async function writeSummary(file: string, rows: readonly BatchRow[], lang: Lang): Promise<void> {
  const ext = extname(file).toLowerCase();
  await writeFile(file, ext === '.xlsx' ? await summaryXlsx(rows, lang) : summaryCsv(rows));
  process.stderr.write(`audit: summary written to ${file}\n`);
}
