// First: starts the pool's first worker before the rest of the bundle is evaluated (early-worker.ts).
import './early-start';
import pLimit from 'p-limit';
import { langOf, type Lang } from '../i18n/lang';
import { FORMAT_KEYS, isFormat, type Format } from '../model/report';
import type { AuditRecord } from '../model/record';
import type { AuditResult } from '../model/result';
import { internalErrors } from '../result';
import { auditBatch, provisionalRow, readyForBatch } from '../batch/audit-batch';
import type { BatchRow } from '../batch/row';
import type { Prepared } from '../input/prepare';
import { formatResult } from './format';
import { pooledEnv, prepareCliInput } from './inputs';
import { InputError, say } from './messages';
import { expectedLines, isExpectedValue, loadExpected } from './expected';
import { dropEarlyWorker, workerLimits } from './early-worker';
import { defaultJobs, describeFailure, inFlight } from './pool';
import { loadBaselineFile, loadRecordDir, writeRecords } from './records';
import { closingLine, SummaryFile } from './summary';
import { rowStatusText } from '../export/summary';
import { terminalJson, terminalSafe } from './terminal';
import { isReadingWorker, serveReads } from './worker';

interface Args {
  json: boolean;
  help: boolean;
  lang: Lang;
  format: 'auto' | Format;
  inputs: string[];
  follow: boolean;
  summary: string | null;
  expected: string | null;
  /** `--record DIR`: keep each audit as a record there, re-audit against the newest of the same report. */
  record: string | null;
  /** `--baseline FILE`: re-audit against this record (or archive). */
  baseline: string | null;
  /** Reading workers at most (lib/cli/pool.ts); null: the pool sizes itself, up to `defaultJobs()`. */
  jobs: number | null;
}

/** The language asked for, read before anything else so that even a usage error is said in it. */
function langAsked(argv: string[]): Lang {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (at < 0) return 'zh';
  const value = argv[at]!.includes('=') ? argv[at]!.split('=', 2)[1] : argv[at + 1];
  return langOf(value);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, help: false, lang: langAsked(argv), format: 'auto', inputs: [], follow: false, summary: null, expected: null, record: null, baseline: null, jobs: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    const value = () => inline ?? argv[(i += 1)] ?? '';
    if (name === '--json') args.json = true;
    else if (name === '--help' || name === '-h') args.help = true;
    else if (name === '--lang') {
      const lang = value();
      if (lang !== 'zh' && lang !== 'en' && lang !== 'zh_CN') throw new InputError('langValue', { value: lang });
      args.lang = langOf(lang);
    } else if (name === '--format') {
      const format = value();
      if (format !== 'auto' && !isFormat(format)) throw new InputError('formatValue', { value: format, formats: FORMAT_KEYS.join('|') });
      args.format = format;
    } else if (name === '--jobs') {
      const jobs = value();
      if (!/^\d{1,2}$/.test(jobs) || Number(jobs) < 1) throw new InputError('jobsValue', { value: jobs });
      args.jobs = Number(jobs);
    } else if (name === '--follow') args.follow = true;
    else if (name === '--summary') {
      args.summary = value();
      if (!/\.(xlsx|csv)$/i.test(args.summary)) throw new InputError('summaryValue', { value: args.summary });
    } else if (name === '--expected') {
      args.expected = value();
      if (!isExpectedValue(args.expected)) throw new InputError('expectedValue', { value: args.expected });
    } else if (name === '--record' || name === '--baseline') {
      const path = value();
      if (!path) throw new InputError('optionValue', { value: name });
      args[name === '--record' ? 'record' : 'baseline'] = path;
    } else if (name!.startsWith('-') && name !== '-') throw new InputError('unknownOption', { value: name! });
    else args.inputs.push(arg);
  }
  if (args.inputs.length === 0 && !args.help) throw new InputError('noInput');
  return args;
}

const usage = (lang: Lang) => say(lang, 'usage', { formats: FORMAT_KEYS.join('|') });

const problem = (error: unknown, lang: Lang) =>
  terminalSafe(error instanceof InputError ? error.say(lang) : (error as Error).message);

/** A row is read when it was audited or found not to be a report; anything else could not be read. */
const READ: ReadonlySet<BatchRow['status']> = new Set(['audited', 'not-report']);

/** The counts of the closing line, and the exit status they mean (output.md). */
function tally(rows: readonly BatchRow[], results: readonly (AuditResult | null)[]) {
  const broken = results.map((result) => (result ? internalErrors(result).length > 0 : false));
  const read = rows.filter((row, i) => READ.has(row.status) && !broken[i]);
  const reports = read.filter((row) => row.status === 'audited');
  const counts = {
    files: rows.length,
    reports: reports.length,
    failing: reports.filter((row) => row.errors > 0).length,
    others: read.length - reports.length,
    unreadable: rows.length - read.length,
  };
  // 2 when any input could not be read, else 1 when a read report has an error, else 0.
  const exit = counts.unreadable > 0 ? 2 : counts.failing > 0 ? 1 : 0;
  return { counts, exit };
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    const lang = langAsked(argv);
    process.stderr.write(`audit: ${problem(error, lang)}\n\n${usage(lang)}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${usage(args.lang)}\n`);
    return 0;
  }
  let expected: Awaited<ReturnType<typeof loadExpected>> | undefined;
  try {
    expected = args.expected ? await loadExpected(args.expected) : undefined;
  } catch (error) {
    process.stderr.write(`audit: ${problem(error, args.lang)}\n`);
    return 2;
  }
  // Earlier audit records: a named one (--baseline), and the folder's (--record).
  let records: AuditRecord[];
  try {
    records = args.baseline ? loadBaselineFile(args.baseline, args.lang) : [];
  } catch (error) {
    process.stderr.write(`audit: ${problem(error, args.lang)}\n`);
    return 2;
  }
  if (args.record) {
    const folder = loadRecordDir(args.record, args.lang);
    for (const line of folder.problems) process.stderr.write(`audit: ${terminalSafe(say(args.lang, 'recordSkipped', { value: line }))}\n`);
    records.push(...folder.records);
  }
  // A failure nothing awaited (a library's promise, a callback's throw) is said once and never ends the run.
  const strays: string[] = [];
  const stray = (failure: unknown) => strays.push(describeFailure(failure));
  process.on('unhandledRejection', stray);
  process.on('uncaughtException', stray);
  const summary = args.summary ? new SummaryFile(args.summary, args.lang) : null;
  const arrived = new Set<Prepared>();
  const { env, pool } = await pooledEnv({
    lang: args.lang, format: args.format, jobs: args.jobs ?? defaultJobs(), auto: args.jobs === null, entry: new URL(import.meta.url), limits: workerLimits(),
    onProgress: (done, total, source, item) => {
      process.stderr.write(`${say(args.lang, 'progress', { done, total, source: terminalSafe(source) })}\n`);
      arrive(item);
    },
  });
  // Each input's row goes to the summary as soon as it is read (no cross-year check yet).
  function arrive(item: Prepared): void {
    if (arrived.has(item)) return;
    arrived.add(item);
    summary?.add(provisionalRow(arrived.size - 1, item, pool.firstOf(item) ?? null));
    readyForBatch(pool.firstOf(item));
  }
  try {
    // One input or many, list pages or files: every input through the one input path, read in the
    // worker pool (`inFlight` in hand at a time), audited by the one call.
    const limit = pLimit(inFlight(args.jobs ?? defaultJobs()));
    const perInput = await Promise.all(args.inputs.map((input) => limit(async () => {
      if (args.follow && /^https?:\/\//i.test(input)) process.stderr.write(`audit: ${say(args.lang, 'readingList', { source: terminalSafe(input) })}\n`);
      const items = await prepareCliInput(input, args.follow, env);
      if (args.follow && items.length === 0) process.stderr.write(`audit: ${say(args.lang, 'noLinks', { source: terminalSafe(input) })}\n`);
      items.forEach(arrive);
      return items;
    })));
    const prepared = perInput.flat();
    const { rows, results, audits, expected: check } = auditBatch(prepared, {
      lang: args.lang, format: args.format, expected, records, anyContent: args.baseline !== null, keepAudits: args.record !== null,
    }, prepared.map((item) => pool.firstOf(item)));
    rows.forEach((row, i) => {
      const result = results[i];
      if (result) {
        if (!args.json) process.stdout.write(`${formatResult(result, args.lang)}\n\n`);
      } else {
        process.stderr.write(`audit: ${terminalSafe(`${row.source}: ${row.reason ?? rowStatusText(row.status, args.lang)}`)}\n`);
      }
    });
    if (args.json) process.stdout.write(`${terminalJson(results.filter((result): result is AuditResult => result !== null))}\n`);
    if (check && !args.json) process.stdout.write(`${expectedLines(check, args.lang)}\n\n`);
    if (summary) await summary.finish(rows, check);
    if (args.record) {
      const kept = audits.flatMap((audit, i) => (audit?.report.isReport && prepared[i]!.sha256 ? [{ audit, sha256: prepared[i]!.sha256! }] : []));
      const { written, same } = writeRecords(args.record, kept, records);
      for (const file of written) process.stderr.write(`audit: ${terminalSafe(say(args.lang, 'recordWritten', { value: file }))}\n`);
      for (const { source, record } of same) process.stderr.write(`audit: ${terminalSafe(say(args.lang, 'recordSame', { source, value: record.auditedAt }))}\n`);
    }
    const { counts, exit } = tally(rows, results);
    if (rows.length > 1 || args.follow) {
      // Readable runs end with it on stdout; JSON runs keep stdout to the array.
      const line = `${say(args.lang, 'summary', counts)}\n`;
      if (args.json) process.stderr.write(line);
      else process.stdout.write(line);
    }
    if (args.follow || args.summary) process.stderr.write(`audit: ${closingLine(rows, args.lang)}\n`);
    for (const failure of strays) process.stderr.write(`audit: ${say(args.lang, 'internal')}: ${terminalSafe(failure)}\n`);
    return strays.length ? Math.max(exit, 2) : exit;
  } finally {
    await pool.close();
  }
}

if (isReadingWorker()) void serveReads();
else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`audit: ${terminalSafe((error as Error).message)}\n`);
      process.exitCode = 2;
    },
  ).finally(dropEarlyWorker);
}
