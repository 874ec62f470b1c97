/**
 * `npm run bench [-- --quick]`: first the whole command against pandas.read_html, start-up included
 * (bench/whole.ts, the headline), and the warm in-process pass beside it; then the audit measured in headless Chromium (stage by stage, typical and
 * scaled pages, pages that are not reports), the command line against pandas.read_html on the same
 * corpus (with `--cli`, that alone), the hostile inputs' growth, CLI start-up, bundle sizes and
 * heap. Prints a table, writes bench/results.json, ends with a summary line.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { auditDocument, auditText } from '../lib/audit';
import { parseDocument } from '../lib/cli/dom';
import { batchBench, batchLines } from './batch';
import { HOSTILE } from './hostile';
import { serve, type Page as Served } from '../test/e2e/server';
import { sharedPath } from '../test/support/shared';
import { manyTablesPage, newsPage, realShapedCorpus, scaledPage, typicalPages } from './corpus';
import { columnLine, columnWorkers, load, wholeBench, wholeLines } from './whole';

const QUICK = process.argv.includes('--quick');
const OUT = resolve('bench/out');
const RUNS = QUICK ? 5 : 25;
const WARMUP = QUICK ? 2 : 5;
/** Pages of the command line's corpus: enough in a quick run that three warm passes reach steady speed. */
const CORPUS = QUICK ? 150 : 500;
/** The whole-command headline's sizes and runs (best of): 500 pages only in a full run, to keep `--quick` (CI) short. */
const WHOLE_SIZES = QUICK ? [10, 140] : [10, 140, 500];
const WHOLE_RUNS = QUICK ? 1 : 3;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const kb = (bytes: number) => round(bytes / 1024, 1);

async function bundle(minify = true): Promise<string> {
  const result = await build({
    entryPoints: [resolve('bench/browser-entry.ts')], bundle: true, format: 'iife', write: false, minify,
    jsx: 'automatic', jsxImportSource: 'preact', target: 'chrome120', logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

type Stages = Record<string, number>;

/**
 * Audits before the timed ones: V8 keeps optimising the audit code for about a hundred audits of
 * a page, one per call (on a typical page the 5th to 30th took 5.0–7.5× one reading of the cells,
 * the 100th to 150th 4.2–4.3×), or for this long on a large page.
 */
const WARM_UP_AUDITS = 100;
const WARM_UP_MS = 3000;

/**
 * The audit against the floor, each timed alone in a call of its own into the page, on a laid-out
 * page, once the audit code is warm: every table cell's text read once (`readCells`), then the
 * audit once, then the reading 20 times in a row (`readCellsWarm`, their mean: the floor this
 * benchmark used before). `cold` is the page's first audit, with code just loaded, as the
 * extension's one audit of a page runs.
 */
async function measure(page: Page, script: string, url: string, runs: number): Promise<Stages> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: script });
  type Bench = { audit(drawMarks?: boolean): Record<string, number>; readCells(times?: number): { ms: number } };
  const auditOnce = (drawMarks: boolean) => page.evaluate((marks) => (globalThis as unknown as { __bench: Bench }).__bench.audit(marks), drawMarks);
  const first = await auditOnce(false);
  const cold = first.detection! + first.extraction! + first.matching! + first.rules!;
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let i = 1; i < WARM_UP_AUDITS && performance.now() < warmUntil; i += 1) await auditOnce(true);
  const samples: Stages[] = [];
  for (let i = 0; i < runs; i += 1) {
    const once = await page.evaluate(() => (globalThis as unknown as { __bench: Bench }).__bench.readCells(1).ms);
    const audit = await auditOnce(true);
    const warm = await page.evaluate(() => (globalThis as unknown as { __bench: Bench }).__bench.readCells(20).ms);
    samples.push({ ...audit, readCells: once, readCellsWarm: warm, audit: audit.detection! + audit.extraction! + audit.matching! + audit.rules! });
  }
  const medians = Object.fromEntries(Object.keys(samples[0]!).map((key) => [key, round(median(samples.map((s) => s[key]!)), 3)]));
  return { ...medians, cold: round(cold, 3) };
}

async function detection(page: Page, script: string, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: script });
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i += 1) {
    const { ms, report } = await page.evaluate(() => (globalThis as unknown as { __bench: { detect(): { ms: number; report: boolean } } }).__bench.detect());
    if (report) throw new Error(`${url} was taken for a report`);
    if (i >= WARMUP) samples.push(ms);
  }
  return round(median(samples), 4);
}

/** Peak JS heap above the baseline while the audit runs, sampled over CDP every few milliseconds. */
async function heapDuringAudit(page: Page, script: string, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: script });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const used = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  const baseline = await used();
  let peak = baseline;
  let running = true;
  const sampler = (async () => {
    while (running) peak = Math.max(peak, await used());
  })();
  await page.evaluate(() => (globalThis as unknown as { __bench: { audit(): unknown } }).__bench.audit());
  peak = Math.max(peak, await used());
  running = false;
  await sampler;
  await cdp.detach();
  return peak - baseline;
}

type Launched = { page: Page; base: string; close(): Promise<void> };

/** Headless Chromium on a local server holding `pages`. */
async function launch(pages: Map<string, Served>): Promise<Launched> {
  const server = await serve(pages);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  return { page, base: `http://127.0.0.1:${server.port}`, close: async () => { await browser.close(); await server.close(); } };
}

async function browserBench() {
  const script = await bundle();
  const pages = new Map<string, Served>();
  const typical = typicalPages(sharedPath('seeds'));
  typical.forEach((p, i) => pages.set(`/typical-${i}.html`, { body: p.html, headers: ISOLATED }));
  for (const k of [1, 10, 50]) pages.set(`/x${k}.html`, { body: scaledPage(k), headers: ISOLATED });
  pages.set('/news.html', { body: newsPage(5 * 1024 * 1024), headers: ISOLATED });
  pages.set('/tables.html', { body: manyTablesPage(300), headers: ISOLATED });
  const { page, base, close } = await launch(pages);
  const notReport = { news5mb: await detection(page, script, `${base}/news.html`), manyTables: await detection(page, script, `${base}/tables.html`) };
  const typicalStages: Record<string, Stages> = {};
  for (let i = 0; i < typical.length; i += 1) typicalStages[typical[i]!.name] = await measure(page, script, `${base}/typical-${i}.html`, RUNS);
  const scaled: Record<string, Stages> = {};
  for (const k of [1, 10, 50]) scaled[`x${k}`] = await measure(page, script, `${base}/x${k}.html`, k === 50 ? Math.max(3, Math.floor(RUNS / 5)) : RUNS);
  const heap = await heapDuringAudit(page, script, `${base}/x50.html`);
  await close();
  return { notReport, typical: typicalStages, scaled, heapBytes: heap, pageBytes: { x1: scaledPage(1).length, x50: scaledPage(50).length } };
}

/** The typical pages' audit ÷ reading their cells once (or, `warm`, in a loop of 20): the median over the pages. */
const auditVsReading = (typical: Record<string, Stages>, reading: 'readCells' | 'readCellsWarm' = 'readCells') =>
  round(median(Object.values(typical).map((s) => s.audit! / s[reading]!)), 1);

/** Cross-origin isolated pages: the page's clock then reads to 5 µs instead of 100 µs, fine enough for one reading of the cells. */
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/**
 * `--typical`: the typical pages in the browser alone, stage by stage, and the audit ÷ reading every
 * cell once. With `--profile`, a CPU profile of 100 audits of each page, one per call, (unminified) goes to
 * bench/out/typical-<i>.cpuprofile and the functions with the most self time are printed.
 */
async function typicalOnly() {
  const profile = process.argv.includes('--profile');
  const script = await bundle(!profile);
  const typical = typicalPages(sharedPath('seeds'));
  const { page, base, close } = await launch(new Map(typical.map((p, i) => [`/typical-${i}.html`, { body: p.html, headers: ISOLATED }])));
  const stages: Record<string, Stages> = {};
  for (let i = 0; i < typical.length; i += 1) {
    stages[typical[i]!.name] = await measure(page, script, `${base}/typical-${i}.html`, RUNS);
    const s = stages[typical[i]!.name]!;
    console.log(`${typical[i]!.name.padEnd(16)} audit ${s.audit} ms, first ${s.cold} ms (detect ${s.detection} · extract ${s.extraction} · match ${s.matching} · rules ${s.rules}) · read cells once ${s.readCells} ms = ${round(s.audit! / s.readCells!, 1)}× (in a loop ${s.readCellsWarm} ms = ${round(s.audit! / s.readCellsWarm!, 1)}×)`);
  }
  if (profile) await profileTypical(page, script, base, typical.length);
  await close();
  console.log(`bench (typical): audit ÷ reading the cells once ${auditVsReading(stages)}× (÷ reading them in a loop ${auditVsReading(stages, 'readCellsWarm')}×; median of ${typical.length} pages, ${RUNS} runs each)`);
}

async function profileTypical(page: Page, script: string, base: string, count: number) {
  mkdirSync(OUT, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
  const self = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    await page.goto(`${base}/typical-${i}.html`, { waitUntil: 'load' });
    await page.addScriptTag({ content: script });
    await page.evaluate(() => { for (let k = 0; k < 20; k += 1) (globalThis as unknown as { __bench: { audit(marks?: boolean): unknown } }).__bench.audit(false); });
    await cdp.send('Profiler.start');
    // One audit per call, as the measurement runs them (a loop of audits in one call runs warmer).
    for (let k = 0; k < 100; k += 1) await page.evaluate(() => (globalThis as unknown as { __bench: { audit(marks?: boolean): unknown } }).__bench.audit(false));
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[] } };
    writeFileSync(join(OUT, `typical-${i}.cpuprofile`), JSON.stringify(profile));
    for (const node of profile.nodes) {
      const key = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
      total += node.hitCount ?? 0;
    }
  }
  for (const [name, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(100 * hits / total).toFixed(1).padStart(5)} %  ${name}`);
}

/** Passes over the corpus on each side; the first (cold) pass compiles code and loads modules. */
const CLI_PASSES = 5;

/** Seconds of one pass: wall clock, and CPU time of the whole process (all of its threads). */
interface PassTime {
  seconds: number;
  cpuSeconds: number;
}

/**
 * A process that reads the whole corpus once per request and answers with one JSON line per pass
 * (`pandas_read.py --serve`, `cli-passes.mjs`): each side in its own process, started once.
 */
function passServer(command: string, args: string[]) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  child.on('error', (error) => void (stderr += `${error.message}\n`)); // no such interpreter: the first pass reports it
  return {
    async pass<T extends PassTime>(): Promise<T> {
      child.stdin!.write('pass\n');
      const line = await lines.next();
      if (line.done) throw new Error(stderr.trim().split('\n').pop() || `${args[0]} ended`);
      return JSON.parse(line.value) as T;
    },
    close: () => void child.stdin!.end(),
  };
}

/** The command line's pass runner, bundled as `npm run audit` is (scripts/cli-build.mjs): the code timed is the code shipped. */
async function cliPassRunner(): Promise<string> {
  const { BUILD_OPTIONS } = (await import(pathToFileURL(resolve('scripts/cli-build.mjs')).href)) as { BUILD_OPTIONS: BuildOptions };
  const outfile = join(OUT, 'cli-passes.mjs');
  await build({ ...BUILD_OPTIONS, entryPoints: [resolve('bench/cli-passes.ts')], outfile });
  return outfile;
}

/**
 * The command line against `pandas.read_html` on the same files in one run, measured the same way
 * on both sides: each in its own process (the command line's code bundled as shipped), each clock
 * started after start-up and imports, CLI_PASSES passes over the whole corpus each, taken in turns
 * (CLI, pandas, CLI, …) so that a busy machine slows both alike. The first pass of each is cold
 * (code compiled, modules loaded on first use), the others warm. The headline ratio is warm against
 * warm in CPU time, the quickest warm pass of each: a process's CPU time grows less than its wall
 * time when other work shares the machine, it counts every thread (Node's garbage collector and
 * compiler threads too), and a busy machine only ever adds time. The wall-time ratio, the cold
 * ratio are printed beside it. The whole processes, start-up included, are the headline (bench/whole.ts).
 */
async function cliBench() {
  const dir = join(OUT, 'corpus');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const page of realShapedCorpus(CORPUS)) writeFileSync(join(dir, page.name), page.html);
  const files = readdirSync(dir).map((f) => join(dir, f)).sort();

  const python = process.env.PANDAS_PYTHON ?? '/usr/bin/python3';
  const runner = passServer(process.execPath, [await cliPassRunner(), dir]);
  const reader = passServer(python, [resolve('bench/pandas_read.py'), dir, '--serve']);
  const cli: PassTime[] = [];
  let pandas: { passes: PassTime[]; version: string } | null = { passes: [], version: '' };
  for (let pass = 0; pass < CLI_PASSES; pass += 1) {
    cli.push(await runner.pass());
    if (!pandas) continue;
    try {
      const read = await reader.pass<PassTime & { pandas: string }>();
      pandas.passes.push(read);
      pandas.version = read.pandas;
    } catch (error) {
      console.error(`pandas comparison skipped: ${(error as Error).message.split('\n')[0]} (apt-get install python3-pandas python3-lxml python3-bs4)`);
      pandas = null;
    }
  }
  runner.close();
  reader.close();

  const perSecond = (seconds: number) => round(files.length / seconds, 1);
  // The quickest warm pass, as the growth check takes the quickest run: a busy machine only ever adds time.
  const warm = (passes: PassTime[], key: keyof PassTime = 'cpuSeconds') => Math.min(...passes.slice(1).map((p) => p[key]));
  return {
    files: files.length,
    passes: CLI_PASSES,
    cliPassSeconds: cli.map((p) => round(p.seconds, 3)),
    cliPassCpuSeconds: cli.map((p) => round(p.cpuSeconds, 3)),
    reportsPerSecond: perSecond(warm(cli)),
    reportsPerWallSecond: perSecond(warm(cli, 'seconds')),
    coldReportsPerSecond: perSecond(cli[0]!.cpuSeconds),
    pandas: pandas && {
      passSeconds: pandas.passes.map((p) => round(p.seconds, 3)),
      passCpuSeconds: pandas.passes.map((p) => round(p.cpuSeconds, 3)),
      reportsPerSecond: perSecond(warm(pandas.passes)), reportsPerWallSecond: perSecond(warm(pandas.passes, 'seconds')),
      coldReportsPerSecond: perSecond(pandas.passes[0]!.cpuSeconds),
      version: pandas.version,
    },
    /** Warm passes, CPU time: the headline. */
    ratio: pandas ? round(warm(pandas.passes) / warm(cli), 2) : null,
    wallRatio: pandas ? round(warm(pandas.passes, 'seconds') / warm(cli, 'seconds'), 2) : null,
    coldRatio: pandas ? round(pandas.passes[0]!.cpuSeconds / cli[0]!.cpuSeconds, 2) : null,
  };
}

/** Wall time of a command, the median of five runs. */
function wall(command: string, args: string[]): number {
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now();
    spawnSync(command, args, { stdio: 'ignore' });
    return performance.now() - start;
  });
  return round(median(times) / 1000, 3);
}

/** `npm run audit` start-up: the bundle (what the script runs) against bare node and against tsx. */
function startup() {
  const file = sharedPath('seeds', '002_0c9827e6b67986f5.txt');
  return {
    nodeAlone: wall(process.execPath, ['-e', '0']),
    bundleHelp: wall(process.execPath, [resolve('scripts/cli.mjs'), '--help']),
    bundleOneFile: wall(process.execPath, [resolve('scripts/cli.mjs'), file]),
    tsxOneFile: wall(resolve('node_modules/.bin/tsx'), [resolve('lib/cli/main.ts'), file]),
  };
}

/** Each hostile input of issue 13 at 100k and 400k characters, through the command line's reader: ≤ 5× (4× is linear). */
function growthBench() {
  const time = (kind: 'html' | 'text', input: string) => {
    // The quickest of five: a busy machine only ever adds time.
    const samples = Array.from({ length: 5 }, () => {
      const start = performance.now();
      if (kind === 'html') auditDocument(parseDocument(input));
      else auditText(input);
      return performance.now() - start;
    });
    return Math.min(...samples);
  };
  return HOSTILE.map((hostile) => {
    const small = time(hostile.kind, hostile.make(100_000));
    const large = time(hostile.kind, hostile.make(400_000));
    return { name: hostile.name, ms100k: round(small, 1), ms400k: round(large, 1), ratio: round(large / small, 2) };
  });
}

/** The scripts an extension page loads up front: its entry chunk and the chunks it preloads (Vite splits shared code out). */
function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

function sizes() {
  const dir = resolve('.output/chrome-mv3');
  const gz = (file: string) => gzipSync(readFileSync(join(dir, file))).length;
  const exceljs = readdirSync(join(dir, 'chunks')).find((f) => f.startsWith('exceljs'))!;
  const popupScripts = pageScripts(dir, 'popup.html');
  const popupSource = popupScripts.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
  return {
    /** The declared content script, on every *.gov.cn page (entrypoints/detector.content.ts). */
    contentKbGz: kb(gz('content-scripts/detector.js')),
    /** The auditor, injected only into frames holding a report or on the user's click. */
    auditorKbGz: kb(gz('content-scripts/auditor.js')),
    popupKbGz: kb(popupScripts.reduce((sum, file) => sum + gz(file), gz('popup.html'))),
    backgroundKbGz: kb(gz('background.js')),
    xlsxWriterKbGz: kb(gz(`chunks/${exceljs}`)),
    // Lazy: no chunk the popup loads up front is ExcelJS or holds its Workbook; it is reached by import().
    xlsxLazy: !popupScripts.includes(`chunks/${exceljs}`) && !popupSource.includes('Workbook') && /import\(/.test(popupSource),
  };
}

type CliBench = Awaited<ReturnType<typeof cliBench>>;

function cliRows(cli: CliBench): [string, string, string][] {
  const pandas = cli.pandas;
  return [
    [`CLI, ${cli.files} pages in process, warm: per CPU second (per wall second; cold first pass per CPU second)`,
      `${cli.reportsPerSecond} reports (${cli.reportsPerWallSecond}; ${cli.coldReportsPerSecond})`, ''],
    ['pandas.read_html, same pages, same way', pandas ? `${pandas.reportsPerSecond} pages (${pandas.reportsPerWallSecond}; ${pandas.coldReportsPerSecond}) (pandas ${pandas.version})` : 'skipped', ''],
    ['CLI ÷ pandas, warm, CPU time (wall time; cold first pass)', cli.ratio === null ? 'n/a' : `${cli.ratio}× (${cli.wallRatio}×; ${cli.coldRatio}×)`, ''],
  ];
}

/**
 * The bench's first lines: the whole command against pandas (bench/whole.ts), then the warm
 * in-process pass beside it. Printed as soon as measured.
 */
async function headline() {
  const whole = wholeBench(WHOLE_SIZES, WHOLE_RUNS);
  if (whole) for (const line of wholeLines(whole)) console.log(line);
  const column = await columnWorkers(WHOLE_RUNS);
  if (column) console.log(columnLine(column));
  const cli = await cliBench();
  const pandas = cli.pandas;
  console.log(`warm, in one process (${cli.files} pages, quickest of ${cli.passes - 1} warm passes): CLI ${cli.reportsPerSecond} reports per CPU s, pandas ${pandas?.reportsPerSecond ?? 'n/a'} = ${cli.ratio ?? 'n/a'}× CPU (${cli.wallRatio ?? 'n/a'}× wall; cold first pass ${cli.coldRatio ?? 'n/a'}×; load ${load()})`);
  return { whole, column, cli };
}

/** `--cli-speed`: the command line against pandas alone (no start-up, no hostile inputs). */
async function cliSpeedOnly() {
  mkdirSync(OUT, { recursive: true });
  const cli = await cliBench();
  for (const [name, value, budget] of cliRows(cli)) console.log(`${name}  ${value}${budget ? `   [budget ${budget}]` : ''}`);
  console.log(`passes, wall (CPU) s: CLI ${cli.cliPassSeconds.join(' ')} (${cli.cliPassCpuSeconds.join(' ')}) · pandas ${cli.pandas?.passSeconds.join(' ') ?? 'n/a'} (${cli.pandas?.passCpuSeconds.join(' ') ?? 'n/a'})`);
}

/** `npm run bench -- --cli`: the command line alone (speed against pandas, start-up, hostile growth), printed, nothing written. */
async function cliOnly() {
  mkdirSync(OUT, { recursive: true });
  const first = await headline();
  const cli = { ...first.cli, startup: startup() };
  const growthChecks = growthBench();
  console.log(JSON.stringify({ whole: first.whole, cli, growth: growthChecks }, null, 2));
  for (const [name, value, budget] of cliRows(cli)) console.log(`${name}  ${value}${budget ? `   [budget ${budget}]` : ''}`);
  console.log(`bench (cli): ${cli.files} pages, CLI ${cli.reportsPerSecond} reports per CPU second = ${cli.ratio ?? 'n/a'}× pandas (${cli.pandas?.reportsPerSecond ?? 'n/a'}; wall ${cli.wallRatio ?? 'n/a'}×; cold ${cli.coldRatio ?? 'n/a'}×) · start ${cli.startup.bundleHelp} s (node alone ${cli.startup.nodeAlone} s) · hostile 100k→400k ≤ ${Math.max(...growthChecks.map((g) => g.ratio))}×`);
}

async function main() {
  if (process.argv.includes('--cli-speed')) return cliSpeedOnly();
  if (process.argv.includes('--cli')) return cliOnly();
  if (process.argv.includes('--typical')) return typicalOnly();
  mkdirSync(OUT, { recursive: true });
  const first = await headline();
  execFileSync(resolve('node_modules/.bin/wxt'), ['build'], { stdio: 'ignore' });
  const browserResults = await browserBench();
  const cli = { ...first.cli, startup: startup() };
  const growthChecks = growthBench();
  const size = sizes();
  const typicalTotals = Object.values(browserResults.typical).map((s) => s.total!);
  const growth = round(browserResults.scaled.x10!.total! / browserResults.scaled.x1!.total!, 2);
  const auditVsRead = auditVsReading(browserResults.typical);
  const auditVsReadWarm = auditVsReading(browserResults.typical, 'readCellsWarm');
  const worstGrowth = Math.max(...growthChecks.map((g) => g.ratio));
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const results = { date: new Date().toISOString(), commit, quick: QUICK, runs: RUNS, whole: first.whole, columnWorkers: first.column, browser: browserResults, cli, growth: growthChecks, sizes: size,
    headline: {
      notReportMs: Math.max(browserResults.notReport.news5mb, browserResults.notReport.manyTables),
      typicalAuditMs: round(median(typicalTotals), 2),
      typicalFirstAuditMs: round(median(Object.values(browserResults.typical).map((s) => s.cold!)), 2),
      growthX10: growth,
      cliVsPandas: cli.ratio,
      wholeVsPandasWall: Object.fromEntries((first.whole?.rows ?? []).map((row) => [row.pages, row.wallRatio])),
      auditVsReadingCells: auditVsRead,
      auditVsReadingCellsInLoop: auditVsReadWarm,
      hostileGrowth100kTo400k: worstGrowth,
      cliStartSeconds: cli.startup.bundleHelp,
      contentKbGz: size.contentKbGz,
      auditorKbGz: size.auditorKbGz,
      heapMb: round(browserResults.heapBytes / 1024 / 1024, 1),
    } };
  writeFileSync(resolve('bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (!QUICK) appendFileSync(resolve('bench/history.jsonl'), `${JSON.stringify({ date: results.date, commit, ...results.headline })}\n`);

  const rows: [string, string, string][] = [
    ['not a report: 5 MB article (detect)', `${browserResults.notReport.news5mb} ms`, '≤ 1 ms'],
    ['not a report: 300 tables (detect)', `${browserResults.notReport.manyTables} ms`, '≤ 1 ms'],
    ...Object.entries(browserResults.typical).map(([name, s]): [string, string, string] => [
      `full audit + marks: ${name}`, `${s.total} ms (detect ${s.detection} · extract ${s.extraction} · match ${s.matching} · rules ${s.rules} · marks ${s.marks})`, '≤ 15 ms']),
    ...Object.entries(browserResults.scaled).map(([k, s]): [string, string, string] => [`scaled page ${k}`, `${s.total} ms (extract ${s.extraction} · match ${s.matching} · rules ${s.rules} · marks ${s.marks})`, '']),
    ['first audit of a typical page, code just loaded (no marks), median of the pages', `${results.headline.typicalFirstAuditMs} ms`, ''],
    ['growth ×1 → ×10', `${growth}×`, '≤ 12×'],
    ['typical audit ÷ reading every cell\'s text once (innerText), one of each per call', `${auditVsRead}×`, '≤ 5×'],
    ['typical audit ÷ the same reading, mean of 20 in a row (the figure before)', `${auditVsReadWarm}×`, ''],
    ...growthChecks.map((g): [string, string, string] => [`hostile: ${g.name}, 100k → 400k`, `${g.ms100k} → ${g.ms400k} ms = ${g.ratio}×`, '≤ 5×']),
    ['peak JS heap growth, ×50 audit', `${results.headline.heapMb} MB`, ''],
    ...cliRows(cli),
    ['CLI start-up: npm run audit -- --help (bundle)', `${cli.startup.bundleHelp} s (node alone ${cli.startup.nodeAlone} s)`, '≤ 0.2 s'],
    ['CLI one file: bundle vs tsx', `${cli.startup.bundleOneFile} s vs ${cli.startup.tsxOneFile} s`, ''],
    ['declared content script, every *.gov.cn page (gzip)', `${size.contentKbGz} KB`, '≤ 40 KB'],
    ['auditor, injected where a report is (gzip)', `${size.auditorKbGz} KB`, '≤ 40 KB'],
    ['popup (gzip)', `${size.popupKbGz} KB`, ''],
    ['XLSX writer (gzip, lazy)', `${size.xlsxWriterKbGz} KB, ${size.xlsxLazy ? 'loaded on export only' : 'NOT lazy'}`, 'lazy'],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, budget] of rows) console.log(`${name.padEnd(width)}  ${value}${budget ? `   [budget ${budget}]` : ''}`);
  // The batch (issue 10): its own figures, in bench/batch-results.json.
  for (const line of batchLines(await batchBench())) console.log(line);
  const h = results.headline;
  const wholeRatios = (first.whole?.rows ?? []).map((row) => `${row.pages} p ${row.wallRatio ?? 'n/a'}×`).join(', ');
  console.log(`bench${QUICK ? ' (quick)' : ''}: whole command, pandas wall ÷ ours: ${wholeRatios || 'n/a'} (load ${load()}) · not-a-report ${h.notReportMs} ms · typical audit ${h.typicalAuditMs} ms, first ${h.typicalFirstAuditMs} ms (${h.auditVsReadingCells}× reading the cells once, ${h.auditVsReadingCellsInLoop}× in a loop) · ×10 growth ${h.growthX10}× · hostile 100k→400k ≤ ${h.hostileGrowth100kTo400k}× · CLI ${cli.reportsPerSecond} reports per CPU s = ${h.cliVsPandas ?? 'n/a'}× pandas (wall ${cli.wallRatio ?? 'n/a'}×) · start ${h.cliStartSeconds} s · content ${h.contentKbGz} KB gz (auditor ${h.auditorKbGz} KB) · heap ${h.heapMb} MB`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
