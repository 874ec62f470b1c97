import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../support/render';
import { consistentReport, setCell } from '../../support/report-data';
import { notPdf } from '../../support/hostile';
import { sharedPath } from '../../support/shared';

const ROOT = new URL('../../../', import.meta.url).pathname;
const SEEDS = sharedPath('seeds');
const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));

/** The bundle `npm run audit` runs (built once here, as postinstall builds it). */
function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'dist/cli/audit.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const json = (stdout: string) => JSON.parse(stdout) as { report: boolean; agency: string | null; tables: Record<string, Record<string, Record<string, number | null>>>; findings: { rule: string; message: string; row: string; column: string }[]; anomalies?: string[] }[];

let server: Server;
let base = '';
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), '--build'], { cwd: ROOT });
  const report = renderHtml(consistentReport('2021', 5), 'cms');
  writeFileSync(join(dir, 'utf16le.html'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report, 'utf16le')]));
  writeFileSync(join(dir, 'utf16be.html'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(report, 'utf16le').swap16()]));
  // 3.1 natural is 1 for the browser: the hidden span is hidden whatever the case of its attribute name.
  writeFileSync(join(dir, 'upper.html'), report.replace(/(<td data-cell="applications\/3\.1\/natural"[^>]*>)&nbsp;(\d+)&nbsp;/, '$1$2<SPAN STYLE="DISPLAY:NONE">23</SPAN>'));
  writeFileSync(join(dir, 'escape.html'), report.replaceAll('测试市示例局', '测试市\x1b[2J\x1b]52;c;aGk=\x07示例局\u009b31m\u202e'));
  writeFileSync(join(dir, 'huge.html'), report.replace(/(<td data-cell="applications\/3\.1\/natural"[^>]*>)&nbsp;\d+&nbsp;/, `$1${'9'.repeat(400)}`));
  const gbk = consistentReport('2021', 8);
  setCell(gbk, 'appeals', 'reconsideration', 'total', 999);
  writeFileSync(join(dir, 'gbk.html'), iconv.encode(renderHtml(gbk, 'cms', { charset: 'gbk' }), 'gbk'));
  writeFileSync(join(dir, 'empty.html'), '');
  // A value past the end of a row (an extra column the template does not have).
  const extra = renderHtml(consistentReport('2021', 5), 'cms').replace(/(<td data-cell="applications\/3\.1\/total"[^>]*>[^<]*<\/td>)/, '$1<td>77</td>');
  writeFileSync(join(dir, 'extra.html'), extra);
  writeFileSync(join(dir, 'junk.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
  writeFileSync(join(dir, 'not.pdf'), notPdf());
  writeFileSync(join(dir, 'news.htm'), '<html><body><h1>新闻</h1><p>今天天气很好。</p></body></html>');
  // A PDF whose one page has no text at all: what a scanner writes.
  writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  server = createServer((request, response) => {
    if (request.url === '/report.pdf') {
      // Served with a generic type and no extension: the bytes say PDF.
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(readFileSync(sharedPath('fixtures', 'real', 'hongze-district-huaian-2023.pdf')));
    } else if (request.url === '/endless.html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      const pump = () => {
        while (response.write(chunk)) if (response.destroyed) return;
        response.once('drain', pump);
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
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

  it('says report: false for junk and ordinary pages (exit 0), and that an empty file is empty (exit 2)', async () => {
    const { code, stdout } = await run('--json', join(dir, 'junk.bin'), join(dir, 'news.htm'));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { report: boolean }[]).map((r) => r.report)).toEqual([false, false]);
    const empty = await run(join(dir, 'empty.html'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty\.html: 文件为空/);
  });

  it.each([
    [['--bogus', 'x.txt'], /未知选项 --bogus/],
    [['--lang', 'en', '--bogus', 'x.txt'], /unknown option --bogus/],
    [['--lang', 'fr', 'x.txt'], /--lang 只能是 zh 或 en/],
    [[], /没有给出文件或网址/],
    [['--lang=en'], /no file or URL given/],
    [['/no/such/file.html'], /文件不存在/],
    [['--lang', 'en', '/no/such/file.html'], /no such file/],
    [[join(dir, 'scan.pdf')], /扫描件，无文字层/],
    [['--lang', 'en', join(dir, 'scan.pdf')], /Scanned document with no text layer/],
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
    // 淮安市 2024: clean tables; the infos of its 64 + 4 + 1 结果纠正 and its 1290-character part 一.
    expect(results[0]!.findings.map((f) => `${f.rule} ${f.row}`)).toEqual(['appeals.corrected null', 'report.summary-length null']);
    // 洪泽区 2023: its two wrong totals, report.outdated-format on its single （六） row (judged per table), its 1 结果纠正.
    expect(results[1]!.findings.map((f) => `${f.rule} ${f.row}`)).toEqual(['appeals.total reconsideration', 'appeals.total litigation.after_reconsideration', 'report.outdated-format 3.6', 'appeals.corrected null']);
  });

  it('a scan gets one line and exit 2, the other inputs still run', async () => {
    const { code, stdout, stderr } = await run('--json', join(dir, 'scan.pdf'), sharedPath('fixtures', 'real', 'template-2021-blank-word.docx'));
    expect(code).toBe(2);
    expect(stderr.split('\n').filter((line) => line.includes('scan.pdf'))).toHaveLength(1);
    expect(stderr).toMatch(/扫描件，无文字层/);
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it('exits 2 for an unreachable URL but still audits the other inputs', async () => {
    const { code, stdout, stderr } = await run('--json', `${base}/missing.html`, join(SEEDS, '002_0c9827e6b67986f5.txt'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/HTTP 404/);
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it('prints usage and exits 0 for --help, in the chosen language', async () => {
    const zh = await run('--help');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：npm run audit/);
    // Every kind of input the command reads, named in both languages.
    for (const kind of ['网页（.html/.htm）', 'PDF', 'Word（.docx/.doc）', '文本（.txt', '网址', '年报栏目的列表页网址（加 --follow']) expect(zh.stdout).toContain(kind);
    const en = await run('--lang', 'en', '-h');
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^usage: npm run audit -- \[options\]/);
    for (const kind of ['web page (.html/.htm)', 'PDF', 'Word (.docx/.doc)', 'text (.txt', 'the URL of any of these', 'list page of annual reports (with --follow']) expect(en.stdout).toContain(kind);
    expect(en.stdout).toContain('--format auto|2019|2021');
  });

  it('ends a run of several inputs with a summary line', async () => {
    const { code, stdout, stderr } = await run(join(SEEDS, '002_0c9827e6b67986f5.txt'), join(SEEDS, '001_8d9cbd73003ec48a.txt'), join(dir, 'news.htm'), '/no/such/file');
    expect(code).toBe(2);
    expect(stderr).toMatch(/文件不存在/);
    expect(stdout.trim().split('\n').pop()).toBe('共 4 个输入：2 份年度报告（1 份有错误），1 个不是年度报告，1 个无法读取');
    const en = await run('--lang', 'en', '--json', join(SEEDS, '002_0c9827e6b67986f5.txt'), join(dir, 'news.htm'));
    expect(JSON.parse(en.stdout)).toHaveLength(2);
    expect(en.stderr.trim()).toBe('2 inputs: 1 annual reports (0 with errors), 1 not annual reports, 0 unreadable');
  });

  it.each(['utf16le.html', 'utf16be.html'])('reads a UTF-16 page with a byte order mark (%s)', async (file) => {
    const { code, stdout } = await run('--json', join(dir, file));
    expect(code).toBe(0);
    expect(json(stdout)[0]).toMatchObject({ report: true, agency: '测试市示例局' });
  });

  it('hides <SPAN STYLE="DISPLAY:NONE"> as a browser does', async () => {
    const { stdout } = await run('--json', join(dir, 'upper.html'));
    const data = consistentReport('2021', 5);
    expect(json(stdout)[0]!.tables.applications!['3.1']!.natural).toBe(data.applications['3.1']![0]);
  });

  it('shows control characters from the page escaped, never raw', async () => {
    const text = await run(join(dir, 'escape.html'));
    expect(text.stdout).toContain('测试市\\u001b[2J\\u001b]52;c;aGk=\\u0007示例局\\u009b31m');
    // eslint-disable-next-line no-control-regex -- looking for the raw characters
    expect(text.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    const data = await run('--json', join(dir, 'escape.html'));
    // eslint-disable-next-line no-control-regex -- looking for the raw characters
    expect(data.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect(json(data.stdout)[0]!.agency).toContain('测试市\u001b[2J\u001b]52;c;aGk=\u0007示例局\u009b31m'); // same data, escaped
  });

  it('prints and writes no credentials from a URL (http://user:pw@…), in the report, the reasons or the summary', async () => {
    const summary = join(dir, 'credentials.csv');
    const withCredentials = base.replace('http://', 'http://auditor:s3cret@');
    const { code, stdout, stderr } = await run('--summary', summary, `${withCredentials}/report.html`, `${withCredentials}/missing.html`);
    expect(code).toBe(2);
    const written = `${stdout}${stderr}${readFileSync(summary, 'utf8')}`;
    expect(written).toContain(`${base}/report.html`);
    expect(written).not.toMatch(/auditor|s3cret/);
  });

  it('a .pdf whose bytes are not a PDF is 不是 PDF 文件 (exit 2), not a text dump', async () => {
    const { code, stdout, stderr } = await run(join(dir, 'not.pdf'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/not\.pdf: 不是 PDF 文件/);
    expect(stdout).toBe('');
  });

  it('says a count of 400 digits is too large to be a count (no Infinity)', async () => {
    const { code, stdout } = await run('--json', join(dir, 'huge.html'));
    expect(code).toBe(1);
    const [result] = json(stdout);
    expect(result!.tables.applications!['3.1']!.natural).toBeNull();
    expect((result as unknown as { raw: Record<string, Record<string, Record<string, string>>> }).raw.applications!['3.1']!.natural).toBe('9'.repeat(400)); // never lost
    const finding = result!.findings.find((f) => f.rule === 'cell.not-a-number')!;
    expect(finding).toMatchObject({ row: '3.1', column: 'natural' });
    expect(finding.message).toContain('超出可精确计数的范围');
    expect(stdout).not.toContain('Infinity');
  });

  it('stops an endless download at the byte cap', async () => {
    const started = performance.now();
    const { code, stderr } = await run('--lang', 'en', `${base}/endless.html`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/endless\.html: larger than 50 MB/);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
