import type { Lang } from '../i18n/render';
import { FORMAT_KEYS, isFormat, type Format } from '../model/report';
import type { AuditResult } from '../model/result';
import { formatResult } from './format';
import { InputError } from './load';
import { auditInput } from './run';

const USAGE = `usage: npm run audit -- [--json] [--lang zh|en] [--format auto|${FORMAT_KEYS.join('|')}] <file-or-url>...`;

interface Args {
  json: boolean;
  lang: Lang;
  format: 'auto' | Format;
  inputs: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, lang: 'zh', format: 'auto', inputs: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    const value = () => inline ?? argv[(i += 1)] ?? '';
    if (name === '--json') args.json = true;
    else if (name === '--lang') {
      const lang = value();
      if (lang !== 'zh' && lang !== 'en' && lang !== 'zh_CN') throw new InputError(`--lang takes zh or en, not "${lang}"`);
      args.lang = lang === 'en' ? 'en' : 'zh';
    } else if (name === '--format') {
      const format = value();
      if (format !== 'auto' && !isFormat(format)) throw new InputError(`--format takes auto, ${FORMAT_KEYS.join(' or ')}, not "${format}"`);
      args.format = format;
    } else if (name === '--help' || name === '-h') throw new InputError(USAGE);
    else if (name!.startsWith('-') && name !== '-') throw new InputError(`unknown option ${name}`);
    else args.inputs.push(arg);
  }
  if (args.inputs.length === 0) throw new InputError('no file or URL given');
  return args;
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`audit: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const results: AuditResult[] = [];
  let unreadable = false;
  for (const input of args.inputs) {
    try {
      const result = await auditInput(input, args);
      results.push(result);
      if (!args.json) process.stdout.write(`${formatResult(result, args.lang)}\n\n`);
    } catch (error) {
      unreadable = true;
      const message = error instanceof InputError ? error.message : `${input}: ${(error as Error).message}`;
      process.stderr.write(`audit: ${message}\n`);
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  if (unreadable) return 2;
  return results.some((result) => result.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`audit: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
