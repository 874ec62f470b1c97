/** The command line's bundle run in a child process, measured: exit code, output, wall time and peak memory (test/support/maxrss.cjs). */
import { execFile } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface Measured {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the whole process, worker threads included. */
  maxRssMb: number;
}

export function measuredAudit(args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Measured> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', `${ROOT}test/support/maxrss.cjs`, `${ROOT}dist/cli/audit.mjs`, ...args], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...options.env }, maxBuffer: 1 << 28, timeout: options.timeoutMs ?? 300_000,
    }, (error, stdout, stderr) => {
      const rss = /\nmax-rss-kb (\d+)\n$/.exec(stderr);
      resolve({
        code: error ? Number(error.code ?? 1) : 0, stdout, stderr: rss ? stderr.slice(0, rss.index) : stderr,
        seconds: (performance.now() - started) / 1000, maxRssMb: rss ? Number(rss[1]) / 1024 : Infinity,
      });
    });
  });
}
