import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../support/render';
import { consistentReport, setCell } from '../../support/report-data';
import { sharedPath } from '../../support/shared';

const ROOT = new URL('../../../', import.meta.url).pathname;
const SEEDS = sharedPath('seeds');
const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'lib/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let server: Server;
let base = '';
beforeAll(async () => {
  const gbk = consistentReport('2021', 8);
  setCell(gbk, 'appeals', 'reconsideration', 'total', 999);
  writeFileSync(join(dir, 'gbk.html'), iconv.encode(renderHtml(gbk, 'cms', { charset: 'gbk' }), 'gbk'));
  writeFileSync(join(dir, 'empty.html'), '');
  // A value past the end of a row (an extra column the template does not have).
  const extra = renderHtml(consistentReport('2021', 5), 'cms').replace(/(<td data-cell="applications\/3\.1\/total"[^>]*>[^<]*<\/td>)/, '$1<td>77</td>');
  writeFileSync(join(dir, 'extra.html'), extra);
  writeFileSync(join(dir, 'junk.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
  writeFileSync(join(dir, 'news.htm'), '<html><body><h1>新闻</h1><p>今天天气很好。</p></body></html>');
  // A PDF whose one page has no text at all: what a scanner writes.
  writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  server = createServer((request, response) => {
    if (request.url === '/report.pdf') {
      // Served with a generic type and no extension: the bytes say PDF.
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(readFileSync(sharedPath('fixtures', 'real', 'hongze-district-huaian-2023.pdf')));
    } else if (request.url === '/report.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=GB2312' });
      response.end(iconv.encode(renderHtml(consistentReport('2019', 3), 'word', { charset: 'gb2312' }), 'gb2312'));
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm run audit', () => {
  it('exits 0 on a clean seed and prints a readable summary', async () => {
    const { code, stdout } = await run(join(SEEDS, '002_0c9827e6b67986f5.txt'));
    expect(code).toBe(0);
    expect(stdout).toContain('区行政审批局');
    expect(stdout).toContain('0 错误');
  });

  it('exits 1 when a report has errors, and --json prints only the array', async () => {
    const { code, stdout } = await run('--json', join(SEEDS, '001_8d9cbd73003ec48a.txt'), join(SEEDS, '000_543bbcdbfb9939df.txt'));
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { source: string; findings: { rule: string; message: string }[] }[];
    expect(results.map((r) => r.source.split('/').pop())).toEqual(['001_8d9cbd73003ec48a.txt', '000_543bbcdbfb9939df.txt']);
    expect(results[0]!.findings.filter((f) => f.rule === 'cell.placeholder')).toHaveLength(14);
    expect(results[0]!.findings[0]!.message).toMatch(/模板说明文字/);
  });

  it('shows, and puts in the JSON, values it read but could not place', async () => {
    const text = await run(join(dir, 'extra.html'));
    expect(text.stdout).toContain('读取时未能归位的内容（1）');
    expect(text.stdout).toContain('applications 3.1: extra values ignored: 77');
    const json = await run('--json', join(dir, 'extra.html'));
    expect((JSON.parse(json.stdout) as { anomalies?: string[] }[])[0]!.anomalies).toEqual(['applications 3.1: extra values ignored: 77']);
  });

  it('speaks English with --lang en', async () => {
    const { stdout } = await run('--lang', 'en', '--json', join(SEEDS, '001_8d9cbd73003ec48a.txt'));
    expect((JSON.parse(stdout) as { findings: { message: string }[] }[])[0]!.findings[0]!.message).toMatch(/template text/);
  });

  it('decodes a GBK page by its declared charset and finds the wrong total', async () => {
    const { code, stdout } = await run('--json', join(dir, 'gbk.html'));
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as { agency: string; findings: { rule: string; actual: number }[] }[];
    expect(result!.agency).toBe('测试市示例局');
    expect(result!.findings.filter((f) => f.rule === 'appeals.total').map((f) => f.actual)).toEqual([999]);
  });

  it('fetches a GB2312 page over http', async () => {
    const { code, stdout } = await run('--json', `${base}/report.html`);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { report: boolean; format: string }[])[0]).toMatchObject({ report: true, format: '2019' });
  });

  it('says report: false for empty files, junk and ordinary pages (exit 0)', async () => {
    const { code, stdout } = await run('--json', join(dir, 'empty.html'), join(dir, 'junk.bin'), join(dir, 'news.htm'));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { report: boolean }[]).map((r) => r.report)).toEqual([false, false, false]);
  });

  it.each([
    [['--bogus', 'x.txt'], /unknown option --bogus/],
    [['--lang', 'fr', 'x.txt'], /--lang takes zh or en/],
    [[], /no file or URL given/],
    [['/no/such/file.html'], /no such file/],
    [[join(dir, 'scan.pdf')], /扫描件，无文字层/],
  ])('exits 2 with one clear line for %j', async (args, message) => {
    const { code, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('audits a PDF file and a PDF served under a URL by its bytes', async () => {
    const { code, stdout } = await run('--json', sharedPath('fixtures', 'real', 'huaian-city-2024.pdf'), `${base}/report.pdf`);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { findings: { rule: string; row: string }[] }[];
    expect(results[0]!.findings).toEqual([]);
    expect(results[1]!.findings.map((f) => `${f.rule} ${f.row}`)).toEqual(['appeals.total reconsideration', 'appeals.total litigation.after_reconsideration']);
  });

  it('a scan gets one line and exit 2, the other inputs still run', async () => {
    const { code, stdout, stderr } = await run('--json', join(dir, 'scan.pdf'), sharedPath('fixtures', 'real', 'template-2021-blank-word.docx'));
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it('exits 2 for an unreachable URL but still audits the other inputs', async () => {
    const { code, stdout, stderr } = await run('--json', `${base}/missing.html`, join(SEEDS, '002_0c9827e6b67986f5.txt'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/HTTP 404/);
    expect(JSON.parse(stdout)).toHaveLength(1);
  });
});
