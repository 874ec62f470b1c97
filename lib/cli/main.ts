import type { Lang } from '../i18n/render';
import { FORMAT_KEYS, isFormat, type Format } from '../model/report';
import type { AuditResult } from '../model/result';
import { internalErrors } from '../result';
import { formatResult } from './format';
import { runBatchCli } from './follow';
import { InputError, say } from './messages';
import { auditInput } from './run';
import { terminalJson, terminalSafe } from './terminal';

interface Args {
  json: boolean;
  help: boolean;
  lang: Lang;
  format: 'auto' | Format;
  inputs: string[];
  follow: boolean;
  summary: string | null;
}

/** The language asked for, read before anything else so that even a usage error is said in it. */
function langOf(argv: string[]): Lang {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (at < 0) return 'zh';
  const value = argv[at]!.includes('=') ? argv[at]!.split('=', 2)[1] : argv[at + 1];
  return value === 'en' ? 'en' : 'zh';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, help: false, lang: langOf(argv), format: 'auto', inputs: [], follow: false, summary: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    const value = () => inline ?? argv[(i += 1)] ?? '';
    if (name === '--json') args.json = true;
    else if (name === '--help' || name === '-h') args.help = true;
    else if (name === '--lang') {
      const lang = value();
      if (lang !== 'zh' && lang !== 'en' && lang !== 'zh_CN') throw new InputError('langValue', { value: lang });
      args.lang = lang === 'en' ? 'en' : 'zh';
    } else if (name === '--format') {
      const format = value();
      if (format !== 'auto' && !isFormat(format)) throw new InputError('formatValue', { value: format, formats: FORMAT_KEYS.join('|') });
      args.format = format;
    } else if (name === '--follow') args.follow = true;
    else if (name === '--summary') {
      args.summary = value();
      if (!/\.(xlsx|csv)$/i.test(args.summary)) throw new InputError('summaryValue', { value: args.summary });
    } else if (name!.startsWith('-') && name !== '-') throw new InputError('unknownOption', { value: name! });
    else args.inputs.push(arg);
  }
  if (args.inputs.length === 0 && !args.help) throw new InputError('noInput');
  return args;
}

interface Tally {
  reports: number;
  failing: number;
  others: number;
  unreadable: number;
}

function tally(results: AuditResult[], unreadable: number): Tally {
  const audited = results.filter((result) => internalErrors(result).length === 0);
  const reports = audited.filter((result) => result.report);
  return {
    reports: reports.length,
    failing: reports.filter((result) => result.findings.some((f) => f.severity === 'error')).length,
    others: audited.length - reports.length,
    unreadable: unreadable + results.length - audited.length,
  };
}

const usage = (lang: Lang) => say(lang, 'usage', { formats: FORMAT_KEYS.join('|') });

const problem = (error: unknown, input: string, lang: Lang) =>
  terminalSafe(error instanceof InputError ? error.say(lang) : `${input}: ${(error as Error).message}`);

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    const lang = langOf(argv);
    process.stderr.write(`audit: ${problem(error, '', lang)}\n\n${usage(lang)}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${usage(args.lang)}\n`);
    return 0;
  }
  // Several inputs are paired by agency and year (cross-year rules); lists and summaries take the batch path too.
  if (args.follow || args.summary || args.inputs.length > 1) return runBatchCli(args);
  const results: AuditResult[] = [];
  let unreadable = 0;
  for (const input of args.inputs) {
    try {
      const result = await auditInput(input, args);
      results.push(result);
      if (!args.json) process.stdout.write(`${formatResult(result, args.lang)}\n\n`);
    } catch (error) {
      unreadable += 1;
      process.stderr.write(`audit: ${problem(error, input, args.lang)}\n`);
    }
  }
  if (args.json) process.stdout.write(`${terminalJson(results)}\n`);
  const counts = tally(results, unreadable);
  if (args.inputs.length > 1) {
    // Readable runs end with it on stdout; JSON runs keep stdout to the array.
    const line = `${say(args.lang, 'summary', { files: args.inputs.length, ...counts })}\n`;
    if (args.json) process.stderr.write(line);
    else process.stdout.write(line);
  }
  if (counts.unreadable > 0) return 2;
  return counts.failing > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`audit: ${terminalSafe((error as Error).message)}\n`);
    process.exitCode = 2;
  },
);
