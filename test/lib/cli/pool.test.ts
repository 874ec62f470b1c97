/**
 * The command line's reading workers (lib/cli/pool.ts), through the bundle `npm run audit` runs: a
 * document that exhausts its worker — its heap or its time — is a row of its own and the next input
 * goes on; the summary is on disk, whole, while the batch runs.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { INPUTS_PER_WORKER, ReadPool, worthAnotherWorker } from '../../../lib/cli/pool';
import type { Prepared } from '../../../lib/input/prepare';
import { heavyHtml } from '../../support/hostile';
import { sharedPath } from '../../support/shared';

const ROOT = new URL('../../../', import.meta.url).pathname;
const BUNDLE = join(ROOT, 'dist/cli/audit.mjs');
const dir = mkdtempSync(join(tmpdir(), 'audit-pool-'));
const SEED = sharedPath('seeds', '002_0c9827e6b67986f5.txt');
const HEAVY = join(dir, 'heavy.html');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BUNDLE, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let server: Server;
let base = '';
/** Answers to /slow.txt, kept until `partial` has seen what it waits for. */
const held: (() => void)[] = [];
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), '--build'], { cwd: ROOT });
  writeFileSync(HEAVY, heavyHtml(12, 1000));
  server = createServer((request, response) => {
    const answer = () => void response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(readFileSync(SEED));
    // A report that arrives only once the test has looked at the summary meanwhile: on a timer, a
    // busy machine could read the other two after it and leave no moment with two rows.
    if (request.url === '/slow.txt') held.push(answer);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a document that exhausts its worker', () => {
  it('past its heap ceiling: a row (文档过大或损坏，已跳过), no stack trace, and the next input is audited', async () => {
    const { code, stdout, stderr } = await run(['--jobs', '1', HEAVY, SEED], { NIANBAO_WORKER_HEAP_MB: '48' });
    expect(stderr).toContain(`${HEAVY}: 文档过大或损坏，已跳过`);
    expect(stdout).toContain('区行政审批局');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(2);
  }, 120_000);

  it('the inputs its worker held behind it are read by the next worker, in order', async () => {
    // One worker holds two inputs behind the one it reads (lib/cli/pool.ts `queueDepth`).
    const after = ['000_543bbcdbfb9939df.txt', '001_8d9cbd73003ec48a.txt', '003_864908085ec3dcf1.txt'].map((name) => sharedPath('seeds', name));
    const { code, stdout, stderr } = await run(['--json', '--jobs', '1', HEAVY, ...after], { NIANBAO_WORKER_HEAP_MB: '48' });
    expect(stderr).toContain(`${HEAVY}: 文档过大或损坏，已跳过`);
    expect((JSON.parse(stdout) as { source: string }[]).map((result) => result.source)).toEqual(after);
    expect(code).toBe(2);
  }, 120_000);

  it('past its time: the same, and the worker that replaces it reads the next', async () => {
    const { code, stdout, stderr } = await run(['--jobs', '1', '--lang', 'en', HEAVY, SEED], { NIANBAO_WORKER_TIME_MS: '400' });
    expect(stderr).toContain(`${HEAVY}: The document is too large or damaged: skipped`);
    expect(stdout).toContain('区行政审批局');
    expect(code).toBe(2);
  }, 120_000);
});

describe('a worker that answered in time while the main thread was busy', () => {
  it('has its answer taken, and the input it went on to is not called exhausted', async () => {
    // The main thread audits one worker's answer while another's arrives (lib/cli/pool.ts `arm`):
    // when that audit outlasts the other input's time left, its timer and its waiting answer are
    // both due as the loop comes round, and timers run first. The timer used to stop the worker at
    // once; the answer, taken while it stopped, started the next input's clock, and that input
    // (waiting for an attachment the main thread was fetching for it) was lost as exhausted.
    const LIMIT = 1000;
    const offline = () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('offline')), 100));
    const pool = new ReadPool({ lang: 'zh', format: 'auto', jobs: 1, entry: pathToFileURL(BUNDLE), limits: { timeMs: LIMIT }, get: offline });
    const seed = new Uint8Array(readFileSync(SEED));
    const notice = new TextEncoder().encode('<p>详见附件</p><a href="/fj/nb.pdf">某局2021年年度报告.pdf</a>');
    const input = (name: string, bytes = seed, url?: string) => pool.prepare({ source: name, linkText: null, listedAt: null }, { bytes, name, contentType: null, ...(url ? { url } : {}) });
    try {
      // The worker started and warm: the next reads take milliseconds, far inside their second.
      expect((await input('warm.txt')).extracted).not.toBeNull();
      // Three inputs handed over (one read, two held behind it: `queueDepth`) from a callback that
      // ends a turn of the loop (the check phase) and then holds the main thread well past their
      // time, as a long audit would: the worker answers the first and asks for the second's
      // attachment meanwhile. In a run the hold is the main thread auditing the other worker's
      // answer, whose port libuv visited after this one's.
      const handed = new Promise<Promise<Prepared>[]>((resolve) => setImmediate(() => {
        resolve([input('in-time.txt'), input('notice.html', notice, 'http://x.gov.cn/a.html'), input('behind.txt')]);
        const until = Date.now() + 3 * LIMIT;
        while (Date.now() < until) { /* busy, as an audit is */ }
      }));
      const [inTime, notice_, behind] = await Promise.all(await handed);
      expect(inTime!.extracted).not.toBeNull();
      expect(notice_).toMatchObject({ status: 'fetch-failed', reason: 'http://x.gov.cn/fj/nb.pdf: offline' });
      expect(behind!.extracted).not.toBeNull();
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('the summary while the batch runs', () => {
  const partial = async (file: string, ready: (path: string) => Promise<boolean>) => {
    const child = spawn(process.execPath, [BUNDLE, '--summary', file, SEED, `${base}/slow.txt`, sharedPath('seeds', '000_543bbcdbfb9939df.txt')], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    const started = Date.now();
    while (!(existsSync(file) && (await ready(file))) && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 100));
    for (const answer of held.splice(0)) answer();
    return { child, exited };
  };
  const csvRows = (file: string) => readFileSync(file, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);

  it('CSV: on disk as rows arrive, a whole file even when the run is killed; complete and in input order at the end', async () => {
    const killed = join(dir, 'killed.csv');
    const run1 = await partial(killed, async (file) => csvRows(file).length === 2);
    expect(csvRows(killed).sort()).toEqual([SEED, sharedPath('seeds', '000_543bbcdbfb9939df.txt')].sort());
    run1.child.kill('SIGKILL');
    await run1.exited;
    expect(csvRows(killed)).toHaveLength(2);

    const whole = join(dir, 'whole.csv');
    const run2 = await partial(whole, async (file) => csvRows(file).length === 2);
    expect(await run2.exited).toBe(0);
    expect(csvRows(whole)).toEqual([SEED, `${base}/slow.txt`, sharedPath('seeds', '000_543bbcdbfb9939df.txt')]);
  }, 60_000);

  it('XLSX: the same, each write a whole workbook', async () => {
    const sources = async (file: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      return book.worksheets[0]!.getSheetValues().slice(2).map((row) => String((row as ExcelJS.CellValue[])[1]));
    };
    const file = join(dir, 'partial.xlsx');
    const { child, exited } = await partial(file, async (path) => (await sources(path).catch(() => [])).length === 2);
    expect(await sources(file)).toHaveLength(2);
    child.kill('SIGKILL');
    await exited;
    expect(await sources(file)).toHaveLength(2);
  }, 60_000);
});

describe('failures nothing awaits (a library’s rejected promise, a throw from a callback)', () => {
  it('never end the run: in a worker they are that input’s anomalies; in the main thread one line each, exit 2; every input still audited', async () => {
    const stray = join(ROOT, 'test/support/stray.cjs');
    const inputs = [sharedPath('fixtures', 'real', 'huaian-city-2024.pdf'), SEED, sharedPath('seeds', '000_543bbcdbfb9939df.txt')];
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--require', stray, BUNDLE, '--jobs', '1', '--json', ...inputs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 },
        (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out, stderr: err }));
    });
    const results = JSON.parse(stdout) as { source: string; report: boolean; anomalies?: string[] }[];
    expect(results.map((r) => [r.source, r.report])).toEqual(inputs.map((input) => [input, true]));
    expect(results.flatMap((r) => r.anomalies ?? []).filter((a) => a.startsWith('reader failed after reading')).sort()).toEqual([
      'reader failed after reading: stray rejection in a reader', 'reader failed after reading: stray throw in a reader',
    ]);
    expect(stderr).toContain('audit: 内部错误: stray rejection in the main thread\n');
    expect(stderr).toContain('audit: 内部错误: stray throw in the main thread\n');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(2);
  }, 120_000);
});

describe('the worker started before the arguments are read (lib/cli/early-worker.ts)', () => {
  it('is ended by a run that reads nothing: a mistyped option, or an option without inputs, returns at once', async () => {
    // Before dropEarlyWorker, the unused worker held the process open for good.
    for (const args of [['--bogus', SEED], ['--lang', 'en']]) {
      const started = Date.now();
      const { code } = await run(args);
      expect(code).toBe(2);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  }, 120_000);
});

describe('a pool that sizes itself (no --jobs)', () => {
  it('starts a second worker only once the first has had its share of the batch and a core is idle beside the main thread', () => {
    // A batch of ten on an idle 4-core laptop: one worker; the cold start of a second costs more than it reads.
    expect(worthAnotherWorker(1, 10, 4, 0)).toBe(false);
    expect(worthAnotherWorker(1, INPUTS_PER_WORKER - 1, 4, 0)).toBe(false);
    expect(worthAnotherWorker(1, INPUTS_PER_WORKER, 4, 0)).toBe(true);
    // The 2-core machine of docs/performance.md: one core is the main thread's and V8's, the other the
    // first worker's — never a second, however long the batch or idle the machine.
    expect(worthAnotherWorker(1, 300, 2, 0)).toBe(false);
    expect(worthAnotherWorker(1, 300, 2, 2)).toBe(false);
    // A 4-core laptop: a third worker while idle, not at a load of one.
    expect(worthAnotherWorker(2, 300, 4, 0)).toBe(true);
    expect(worthAnotherWorker(2, 300, 4, 0.4)).toBe(true);
    expect(worthAnotherWorker(2, 300, 4, 0.6)).toBe(false);
    // Each running worker counts as a busy core, and needs its own share.
    expect(worthAnotherWorker(3, 300, 4, 0)).toBe(false);
    expect(worthAnotherWorker(6, 300, 8, 0)).toBe(true);
    expect(worthAnotherWorker(7, 300, 8, 0)).toBe(false);
    expect(worthAnotherWorker(3, 3 * INPUTS_PER_WORKER - 1, 8, 0)).toBe(false);
  });
});
