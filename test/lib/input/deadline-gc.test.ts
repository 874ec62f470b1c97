/**
 * The one fetcher's deadline holds under garbage collection on this Node (issue 24: a deadline made
 * of `AbortSignal.any([signal, AbortSignal.timeout(30_000)])` stopped firing after a collection, and a
 * request to a server sending a byte a second waited 120–300 s). Each run is a child Node started
 * with --expose-gc, collecting every 50–100 ms while it waits. The unit suite runs the fetcher with a
 * 2 s deadline; `npm run test:long` runs the command line itself with its 30 s one.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FETCH_LIMITS } from '../../../lib/input/fetch';
import { trickleServer } from '../../support/trickle';

const ROOT = new URL('../../../', import.meta.url).pathname;
const LONG = process.env.LONG === '1';

/** A child Node, killed after `timeout` ms (a deadline that never fires must fail the test, not hang it). */
function node(args: string[], timeout: number, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 24, timeout }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

let site: Awaited<ReturnType<typeof trickleServer>>;
beforeAll(async () => {
  site = await trickleServer(new Map([['/list.html', { body: '<html><body><ul><li><a href="/2024.html">2024年政府信息公开工作年度报告</a> 2025-01-20</li></ul></body></html>' }]]));
});
afterAll(() => site.close());

describe('a server that sends one byte a second, with garbage collected all the while', () => {
  it('the fetcher gives up at its deadline (2 s here)', async () => {
    const run = await node(['--expose-gc', '--import', 'tsx', 'test/support/deadline-child.ts', `${site.base}/slow.html`, '2000'], 15_000);
    expect(run.stdout, 'the request was still waiting after 15 s').not.toBe('');
    const outcome = JSON.parse(run.stdout) as { code: string; seconds: number };
    expect(outcome.code).toBe('timeout');
    expect(outcome.seconds).toBeGreaterThanOrEqual(1.9);
    expect(outcome.seconds).toBeLessThan(5);
  }, 20_000);

  it.runIf(LONG)('npm run audit -- --follow gives up on the trickling link at 30 s, says so, and exits 2', async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), '--build'], { cwd: ROOT });
    const summary = join(mkdtempSync(join(tmpdir(), 'deadline-')), 's.csv');
    const run = await node(['--expose-gc', '--require', './test/support/gc-often.cjs', 'dist/cli/audit.mjs', '--follow', '--summary', summary, `${site.base}/list.html`], 80_000, { NIANBAO_DELAY_MS: '0' });
    expect(FETCH_LIMITS.timeoutMs).toBe(30_000);
    expect(run.code).toBe(2);
    expect(run.seconds).toBeGreaterThanOrEqual(30);
    expect(run.seconds).toBeLessThan(40);
    expect(readFileSync(summary, 'utf8')).toContain('读取失败,30 秒内未下载完');
    process.stdout.write(`trickle + GC through the command line: ${run.seconds.toFixed(1)} s\n`);
  }, 90_000);
});
