import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSummaryCsv } from '../../support/summary-csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../e2e/server';
import { attachmentSite } from '../../support/attachment-site';

/**
 * Report pages whose body holds only a title and a download link (as many agencies publish): the
 * batch follows each to its PDF and audits it through the document readers, or says why not.
 */
const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'audit-follow-attachment-'));
function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'lib/cli/main.ts'), ...args], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, NIANBAO_DELAY_MS: '20' }, maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

let site: Awaited<ReturnType<typeof serve>>;
let base = '';
beforeAll(async () => {
  site = await serve(attachmentSite());
  base = `http://127.0.0.1:${site.port}`;
});
afterAll(() => site.close());

describe('--follow: report pages that hold only a link to their PDF', () => {
  let rows: { source: string; status: string; reason: string; errors: string; rules: string; crossyear: string; year: string }[] = [];
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    result = await run('--follow', '--json', '--summary', join(dir, 'summary.csv'), `${base}/xxgk/nb/index.html`);
    rows = parseSummaryCsv(readFileSync(join(dir, 'summary.csv'), 'utf8'));
  }, 90_000);

  it('audits each attachment through the PDF reader, the page as the source and the PDF as what was followed', () => {
    expect(rows.map((row) => [row.source, row.status, row.year])).toEqual([
      [`${base}/xxgk/nb/2024.html`, '已审核', '2024'],
      [`${base}/xxgk/nb/2023.html`, '已审核', '2023'],
      [`${base}/xxgk/nb/2022.html`, '报告在附件中', ''],
    ]);
    expect(rows[0]!.reason).toBe(`${base}/files/hzq2024.pdf`);
    expect(rows[1]!.reason).toBe(`${base}/files/hzq2023.pdf`);
  });

  it('finds the two appeals.total errors of 洪泽区 2023 (MANIFEST.md), and none in 2024', () => {
    expect(rows[1]!.errors).toBe('2');
    expect(rows[1]!.rules).toContain('appeals.total');
    expect(rows[0]!.errors).toBe('0');
    const audited = JSON.parse(result.stdout) as { source: string; findings: { rule: string; severity: string }[] }[];
    const errors = audited.map((report) => report.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    expect(errors).toEqual([[], ['appeals.total', 'appeals.total']]);
  });

  it('checks 2024 against the 2023 PDF (上年结转, 行政规范性文件 carried forward)', () => {
    expect(rows[0]!.crossyear).toBe('一致');
  });

  it('an encrypted PDF is a row with the reader\'s reason, not an abort', () => {
    expect(rows[2]!.reason).toBe(`${base}/files/hzq2022.pdf: PDF 已加密，无法读取`);
    expect(result.stderr).toMatch(/共 3 个输入：2 份已审核，0 个不是年报，1 个报告在附件中未能读取/);
  });
});

describe('several inputs: a report page given directly is followed to its PDF too', () => {
  it('audits the page\'s attachment and a PDF URL, pairs them by year, and says why an encrypted one is not read', async () => {
    const result = await run('--json', `${base}/xxgk/nb/2023.html`, `${base}/files/hzq2024.pdf`, `${base}/xxgk/nb/2022.html`);
    const audited = JSON.parse(result.stdout) as { source: string; findings: { rule: string; severity: string }[] }[];
    expect(audited.map((report) => report.source)).toEqual([`${base}/xxgk/nb/2023.html`, `${base}/files/hzq2024.pdf`]);
    expect(audited[0]!.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['appeals.total', 'appeals.total']);
    expect(result.stderr).toContain(`${base}/files/hzq2022.pdf: PDF 已加密，无法读取`);
    expect(result.code).toBe(2);
  }, 90_000);
});
