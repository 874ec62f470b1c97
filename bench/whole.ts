/**
 * The headline of `npm run bench` (issue 25): the whole command as users run it against one Python
 * process calling pandas.read_html over the same files. Each side is one process started from
 * nothing, timed from outside: `node scripts/cli.mjs --json FILES…` (what `npm run audit -- --json`
 * runs, without npm's own start-up, measured apart) and `python3 bench/pandas_read.py FOLDER`
 * (start-up and `import pandas` included, as the CLI's start-up is). Wall time, CPU time (user +
 * system of the process and its threads) and peak RSS come from GNU time (`/usr/bin/time -f`); the
 * quickest of N runs, taken in turns (CLI, pandas, CLI, …) so that a busy machine slows both alike.
 * The corpus is `realShapedCorpus`: the real pages and every markup shape inside a real site's page.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { largeColumn, unitPage } from '../test/support/column-site';
import { realShapedCorpus } from './corpus';

const TIME = '/usr/bin/time';
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface ProcessTime {
  wall: number;
  cpu: number;
  rssMb: number;
}

/** One run of a command under GNU time; null when it could not run at all (the CLI's exit 1 means findings, not failure). */
export function timed(command: string, args: string[], env?: NodeJS.ProcessEnv): ProcessTime | null {
  const out = join(resolve('bench/out'), `time-${process.pid}.txt`);
  const run = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', out, command, ...args], { stdio: 'ignore', env: env ?? process.env });
  if (run.error || run.status === null || run.status > 1) return null;
  return readTime(out);
}

/** GNU time's last line (`%e %U %S %M`) as wall, CPU and peak RSS. */
function readTime(file: string): ProcessTime {
  const [wall, user, system, rssKb] = readFileSync(file, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number);
  return { wall: wall!, cpu: round(user! + system!), rssMb: round(rssKb! / 1024, 0) };
}

/** Two runs of one command started together, each under GNU time: what the machine gives two busy processes that share nothing. */
function timedTwice(command: string, args: string[]): Promise<[ProcessTime | null, ProcessTime | null]> {
  const one = (n: number) => new Promise<ProcessTime | null>((done) => {
    const out = join(resolve('bench/out'), `time-${process.pid}-${n}.txt`);
    const child = spawn(TIME, ['-f', '%e %U %S %M', '-o', out, command, ...args], { stdio: 'ignore' });
    child.on('error', () => done(null));
    child.on('exit', (code) => {
      done(code === null || code > 1 ? null : readTime(out));
    });
  });
  return Promise.all([one(1), one(2)]);
}

const best = (runs: (ProcessTime | null)[]): ProcessTime | null => {
  const done = runs.filter((run): run is ProcessTime => run !== null);
  if (done.length === 0) return null;
  return { wall: Math.min(...done.map((r) => r.wall)), cpu: Math.min(...done.map((r) => r.cpu)), rssMb: Math.max(...done.map((r) => r.rssMb)) };
};

export const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

export interface WholeRow {
  pages: number;
  megabytes: number;
  runs: number;
  cli: ProcessTime | null;
  pandas: ProcessTime | null;
  /** pandas ÷ CLI: above 1, the command is faster. */
  wallRatio: number | null;
  cpuRatio: number | null;
  load: string;
  command: string;
}

/** The corpus of `pages` pages written to bench/out/whole-<pages>/; the files, sorted. */
function corpusDir(pages: number): { dir: string; files: string[]; bytes: number } {
  const dir = resolve(`bench/out/whole-${pages}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const files = realShapedCorpus(pages).map((page) => {
    writeFileSync(join(dir, page.name), page.html);
    bytes += Buffer.byteLength(page.html);
    return join(dir, page.name);
  });
  return { dir, files: files.sort(), bytes };
}

export function wholeBench(sizes: number[], runs: number): { rows: WholeRow[]; npm: { npmHelp: number | null; nodeHelp: number | null } } | null {
  if (!existsSync(TIME)) {
    console.error(`whole-command bench skipped: ${TIME} not found (apt-get install time)`);
    return null;
  }
  mkdirSync(resolve('bench/out'), { recursive: true });
  // Built once before timing: the runs time the command, not esbuild.
  execFileSync(process.execPath, [resolve('scripts/cli.mjs'), '--build']);
  const python = process.env.PANDAS_PYTHON ?? '/usr/bin/python3';
  const cliArgs = (files: string[]) => [resolve('scripts/cli.mjs'), '--json', ...files];
  const rows = sizes.map((pages): WholeRow => {
    const { dir, files, bytes } = corpusDir(pages);
    const cli: (ProcessTime | null)[] = [];
    const pandas: (ProcessTime | null)[] = [];
    for (let i = 0; i < runs; i += 1) {
      cli.push(timed(process.execPath, cliArgs(files)));
      pandas.push(timed(python, [resolve('bench/pandas_read.py'), dir]));
    }
    const c = best(cli);
    const p = best(pandas);
    const rel = relative(process.cwd(), dir);
    return {
      pages, megabytes: round(bytes / 1024 / 1024, 1), runs, cli: c, pandas: p,
      wallRatio: c && p ? round(p.wall / c.wall) : null, cpuRatio: c && p ? round(p.cpu / c.cpu) : null,
      load: load(), command: `node scripts/cli.mjs --json ${rel}/*.html  vs  ${python} bench/pandas_read.py ${rel}`,
    };
  });
  // What `npm run audit` adds: npm's own start-up before it starts the same node command.
  const help = (command: string, args: string[]) => best(Array.from({ length: Math.max(runs, 3) }, () => timed(command, args)))?.wall ?? null;
  const npm = { npmHelp: help('npm', ['run', '--silent', 'audit', '--', '--help']), nodeHelp: help(process.execPath, [resolve('scripts/cli.mjs'), '--help']) };
  return { rows, npm };
}

export interface ColumnWorkers {
  reports: number;
  runs: number;
  one: ProcessTime | null;
  two: ProcessTime | null;
  /** No `--jobs`: the pool sizes itself (lib/cli/pool.ts `worthAnotherWorker`), as users run it. */
  auto: ProcessTime | null;
  /** one worker's wall ÷ two workers': the goal is ≥ 1.7. */
  speedup: number | null;
  /**
   * The machine's own ceiling for that ratio: two `--jobs 1` runs of the same column started
   * together do this many times the work of one run alone in the same time (2 × alone ÷ the slower
   * of the pair). Two processes share no memory, no main thread and no pool: no worker pool can beat it.
   */
  ceiling: number | null;
  load: string;
}

/**
 * A city's column of 300 HTML reports (test/support/column-site.ts: distinct units, 10 copying
 * another's prose), saved as files and audited by one command with `--jobs 1` and `--jobs 2`
 * (lib/cli/pool.ts's reading workers) and with no `--jobs` (the pool sizes itself to the batch and the
 * machine's idle cores), in turns.
 */
export async function columnWorkers(runs: number, reports = 300): Promise<ColumnWorkers | null> {
  if (!existsSync(TIME)) return null;
  const dir = resolve('bench/out/column-files');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = largeColumn(reports, 10).map((spec, i) => {
    const file = join(dir, `unit-${String(i).padStart(4, '0')}.html`);
    writeFileSync(file, unitPage(spec, i));
    return file;
  });
  const one: (ProcessTime | null)[] = [];
  const two: (ProcessTime | null)[] = [];
  const auto: (ProcessTime | null)[] = [];
  const pairs: number[] = [];
  const jobsOne = [resolve('scripts/cli.mjs'), '--json', '--jobs', '1', ...files];
  for (let i = 0; i < runs; i += 1) {
    const alone = timed(process.execPath, jobsOne);
    one.push(alone);
    two.push(timed(process.execPath, [resolve('scripts/cli.mjs'), '--json', '--jobs', '2', ...files]));
    auto.push(timed(process.execPath, [resolve('scripts/cli.mjs'), '--json', ...files]));
    const [x, y] = await timedTwice(process.execPath, jobsOne);
    if (alone && x && y) pairs.push(round((2 * alone.wall) / Math.max(x.wall, y.wall)));
  }
  const a = best(one);
  const b = best(two);
  return {
    reports, runs, one: a, two: b, auto: best(auto), speedup: a && b ? round(a.wall / b.wall) : null,
    ceiling: pairs.length ? Math.max(...pairs) : null, load: load(),
  };
}

export const columnLine = (column: ColumnWorkers) =>
  `column of ${column.reports} HTML reports, one command: --jobs 1 ${seconds(column.one)} · --jobs 2 ${seconds(column.two)} = ${column.speedup ?? 'n/a'}× wall with two workers · no --jobs (the pool sizes itself) ${seconds(column.auto)} (best of ${column.runs}; load ${column.load}; goal ≥ 1.7×)\n`
  + `  this machine's ceiling for that: two --jobs 1 runs started together do ${column.ceiling ?? 'n/a'}× the work of one alone in the same time`;

const seconds = (t: ProcessTime | null) => (t ? `${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU, ${t.rssMb} MB` : 'n/a');

export function wholeLines(whole: NonNullable<ReturnType<typeof wholeBench>>): string[] {
  const lines = whole.rows.map((row) =>
    `whole command, ${String(row.pages).padStart(3)} pages (${row.megabytes} MB): CLI ${seconds(row.cli)} · pandas.read_html ${seconds(row.pandas)} `
    + `= ${row.wallRatio ?? 'n/a'}× wall, ${row.cpuRatio ?? 'n/a'}× CPU (best of ${row.runs}; load ${row.load})`);
  lines.push(`  command: ${whole.rows.at(-1)!.command} (one process each, start-up included; goals ≥ 2× wall at 140, ≥ 3× at 500, RSS < 400 MB)`);
  lines.push(`  npm run audit -- --help ${whole.npm.npmHelp ?? 'n/a'} s against node scripts/cli.mjs --help ${whole.npm.nodeHelp ?? 'n/a'} s: npm adds ${whole.npm.npmHelp !== null && whole.npm.nodeHelp !== null ? round(whole.npm.npmHelp - whole.npm.nodeHelp) : 'n/a'} s to every call`);
  return lines;
}

/** `tsx bench/whole.ts [--quick]`: the headline alone. */
if (process.argv[1] && resolve(process.argv[1]) === resolve('bench/whole.ts')) {
  const quick = process.argv.includes('--quick');
  const whole = wholeBench([10, 140, 500], quick ? 1 : 3);
  if (whole) for (const line of wholeLines(whole)) console.log(line);
  const column = await columnWorkers(quick ? 1 : 3);
  if (column) console.log(columnLine(column));
}
