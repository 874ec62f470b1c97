import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../e2e/server';
import { parseSummaryCsv as parseCsv } from '../../support/summary-csv';
import { AGENCY, batchSite, DEAD_PATH, NOTICE_PATH, REPORT_PATHS } from '../../support/batch-site';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'audit-follow-'));

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
  const pages = batchSite();
  site = await serve(pages);
  base = `http://127.0.0.1:${site.port}`;
});
afterAll(() => site.close());

describe('npm run audit -- --follow LIST', () => {
  let csv: Record<string, string>[] = [];
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    result = await run('--follow', '--json', '--summary', join(dir, 'summary.csv'), `${base}/ndbg/index.html`);
    csv = parseCsv(readFileSync(join(dir, 'summary.csv'), 'utf8'));
  }, 60_000);

  it('writes one summary row per link, across both list pages, the page itself not among them', () => {
    const url = (path: string) => `${base}${path}`;
    expect(csv.map((row) => [row.source, row.status])).toEqual([
      [url(REPORT_PATHS[2023]!), '已审核'],
      [url(REPORT_PATHS[2022]!), '已审核'],
      [url(NOTICE_PATH), '不是年报'],
      [url(REPORT_PATHS[2021]!), '已审核'],
      [url(REPORT_PATHS[2020]!), '已审核'],
      [url(DEAD_PATH), '读取失败'],
    ]);
    expect(csv.find((row) => row.status === '读取失败')!.reason).toBe('HTTP 404');
  });

  it('names the agency from the title, the short form, or the link; reads the GBK year', () => {
    expect(csv.filter((row) => row.status === '已审核').map((row) => [row.year, row.agency, row.format])).toEqual([
      ['2023', AGENCY, '2021'], ['2022', AGENCY, '2021'], ['2021', '示例局', '2021'], ['2020', AGENCY, '2019'],
    ]);
  });

  it('puts the cross-year findings on the right years', () => {
    const byYear: Record<string, Record<string, string>> = Object.fromEntries(csv.filter((row) => row.year).map((row) => [row.year, row]));
    expect(byYear['2020']!.crossyear).toBe('');
    expect(byYear['2021']!.crossyear).toBe('一致');
    expect(byYear['2021']!.previous_source).toBe(`${base}${REPORT_PATHS[2020]}`);
    expect(byYear['2022']!.crossyear).toBe('有问题');
    expect(byYear['2022']!.rules!.split(' ').filter((r) => r.startsWith('crossyear.'))).toEqual(['crossyear.carried']);
    expect(byYear['2023']!.rules!.split(' ').filter((r) => r.startsWith('crossyear.'))).toEqual(['crossyear.duplicate-text', 'crossyear.in-force']);
    const results = JSON.parse(result.stdout) as { year: number; findings: { rule: string; cells: { source?: string }[]; actual: number; expected: number }[] }[];
    const carried = results.find((r) => r.year === 2022)!.findings.filter((f) => f.rule === 'crossyear.carried');
    expect(carried.map((f) => f.actual - f.expected)).toEqual([1, 1]);
    expect(carried[0]!.cells[1]!.source).toBe(`${base}${REPORT_PATHS[2021]}`);
  });

  it('reads the publication date from the page, else from the list, and judges the deadline', () => {
    const byYear: Record<string, Record<string, string>> = Object.fromEntries(csv.filter((row) => row.year).map((row) => [row.year, row]));
    expect([2020, 2021, 2022, 2023].map((y) => [byYear[y]!.published_at, byYear[y]!.deadline])).toEqual([
      ['2021-01-20', '按期'], ['2022-01-26', '按期'], ['2023-02-15', '逾期'], ['2024-01-25', '按期'],
    ]);
  });

  it('reports progress and a closing line on stderr, and exits 2 because one link could not be read', () => {
    expect(result.stderr).toMatch(/^\[6\/6\] 已读取 http:\/\/127\.0\.0\.1:\d+\//m);
    // Every line on stderr speaks Chinese in a Chinese run (progress and closing lines were once English).
    const lines = result.stderr.trim().split('\n');
    // An HTTP status is the same in both languages; no other line may be without Chinese.
    expect(lines.filter((line) => !/\p{Script=Han}/u.test(line) && !/^audit: \S+: HTTP \d{3}$/.test(line))).toEqual([]);
    expect(lines).toContain(`audit: ${base}${DEAD_PATH}: HTTP 404`);
    expect(result.stderr).toMatch(/共 6 个输入：4 份已审核，1 个不是年报，0 个报告在附件中未能读取，1 个读取失败，0 个文件无法读取，0 个未读取/);
    expect(result.code).toBe(2);
  });

  it('writes the same summary as XLSX, with a findings sheet', async () => {
    const xlsx = join(dir, 'summary.xlsx');
    await run('--follow', '--summary', xlsx, `${base}/ndbg/index.html`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(7);
    expect(summary.getRow(1).getCell(1).value).toBe('地址');
    const findings = workbook.getWorksheet('问题')!;
    // The problem in words, the rule id in the key column at the end.
    expect(findings.getColumn(4).values.slice(2)).toContain('上年结转与上年报告不符');
    const rules = findings.getColumn(12).values.slice(2);
    expect(rules).toContain('crossyear.carried');
    expect(rules).toContain('crossyear.duplicate-text');
  }, 60_000);
});

describe('several inputs without --follow', () => {
  it('pairs files of one agency by year', async () => {
    const pages = batchSite();
    const files = [2021, 2022].map((year) => {
      const file = join(dir, `${year}.html`);
      writeFileSync(file, pages.get(REPORT_PATHS[year]!)!.body);
      return file;
    });
    const out = await run('--json', ...files.reverse());
    const results = JSON.parse(out.stdout) as { year: number; findings: { rule: string }[] }[];
    expect(results.map((r) => r.year)).toEqual([2022, 2021]);
    expect(results[0]!.findings.filter((f) => f.rule.startsWith('crossyear.')).map((f) => f.rule)).toEqual(['crossyear.carried', 'crossyear.carried']);
  }, 60_000);
});

describe('--follow with links that go wrong', () => {
  it('does not follow a redirect to another host, and a list that fails is exit 2 with its reason', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((request, response) => {
      if (request.url === '/list.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<ul><li><a href="/moved.html">某局2022年政府信息公开工作年度报告</a> 2023-01-10</li><li><a href="/here.html">某局2021年年度报告</a></li></ul>');
      } else if (request.url === '/moved.html') {
        response.writeHead(302, { location: 'http://elsewhere.invalid/report.html' }).end();
      } else if (request.url === '/here.html') {
        response.writeHead(301, { location: '/final.html' }).end();
      } else response.writeHead(500).end('boom');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const out = await run('--follow', '--summary', join(dir, 'wrong.csv'), `http://127.0.0.1:${port}/list.html`);
      const rows = parseCsv(readFileSync(join(dir, 'wrong.csv'), 'utf8'));
      expect(rows.map((row) => [row.status, row.reason])).toEqual([
        ['读取失败', '重定向到其他网站（elsewhere.invalid），未跟随'],
        ['读取失败', 'HTTP 500'],
      ]);
      // Every link failed: nothing was read, and the exit status says so.
      expect(out.code).toBe(2);
      const failedList = await run('--follow', `http://127.0.0.1:${port}/nothing.html`);
      expect(failedList.code).toBe(2);
      expect(failedList.stderr).toMatch(/列表页: HTTP 500/);
    } finally {
      server.close();
    }
  }, 60_000);
});
