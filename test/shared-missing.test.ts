/**
 * Without ../shared, the files that read it must fail, each counted, never “unit: 0 passed, 0 failed”
 * (a fresh clone without the folder once ended on that line while ten files had not loaded).
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url).pathname;

describe('a run without the shared test material', () => {
  it('fails, names the missing folder, and counts the file that could not load', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(`${ROOT}node_modules/.bin/vitest`, ['run', 'test/lib/present/anchors.test.ts'], {
        cwd: ROOT, encoding: 'utf8', env: { ...process.env, SHARED_DIR: '/nonexistent/shared', NO_COLOR: '1', FORCE_COLOR: '0' },
      }, (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out, stderr: err }));
    });
    expect(code).toBe(1);
    expect(stdout + stderr).toContain('the shared test material (seeds, real reports, spec) is not at /nonexistent/shared');
    expect(stdout.trim().split('\n').pop()).toBe('unit: 0 passed, 1 failed');
  });
});
