/**
 * Issue 24's hostile corpus through the command line's bundle, each input made by its generator
 * (test/support/hostile.ts): at CI size in the unit suite, at the size that once killed Node in
 * `npm run test:long` (LONG=1). Each run is a child process, measured: its own reason, exit 2, no
 * stack trace, a bounded time and a bounded peak memory (worker threads included). Then the whole
 * corpus as links of one 年报 column under `--follow`: every other report still listed, one summary
 * row per link, under 1 GB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Page } from '../e2e/server';
import { AGENCY, batchSite, DEAD_PATH, NOTICE_PATH, REPORT_PATHS } from '../support/batch-site';
import { cellDocx, cellHtml, damagedPdf, deepDocx, deepFormPdf, inflatingPdf, loopingDoc, lyingDocx, notPdf } from '../support/hostile';
import { measuredAudit } from '../support/measure';
import { parseSummaryCsv } from '../support/summary-csv';
import { bt } from '../../lib/i18n/batch-ui';

const ROOT = new URL('../../', import.meta.url).pathname;
const LONG = process.env.LONG === '1';
const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'hostile-'));

interface Hostile {
  file: string;
  /** The issue's size under LONG, else one just past the budget. */
  make(): Buffer | Promise<Buffer>;
  reason: RegExp;
}

const CORPUS: Hostile[] = [
  { file: 'damaged.pdf', make: () => damagedPdf(), reason: /^文件已损坏或格式无法识别，无法读取$/ },
  { file: 'loop.doc', make: loopingDoc, reason: /^\.doc 文件内部结构成环/ },
  { file: 'cells.docx', make: () => cellDocx(LONG ? 1_000_000 : 60_000), reason: /^\.docx 表格单元格超过 50000 个/ },
  { file: 'bomb.pdf', make: () => inflatingPdf(LONG ? 3 * 1024 * MB : 256 * MB), reason: /^PDF 内容解压后过大/ },
  { file: 'pages-bomb.pdf', make: () => inflatingPdf(LONG ? 30 * MB : 20 * MB, LONG ? 100 : 12), reason: /^PDF 内容解压后过大/ },
  { file: 'lying.docx', make: () => lyingDocx(LONG ? 2.16 * 1024 * MB : 128 * MB), reason: /^\.docx 文件解压后超过 64 MB/ },
  { file: 'cells.html', make: () => cellHtml(LONG ? 49 * MB : 8 * MB), reason: /^网页表格单元格过多/ },
  { file: 'forms.pdf', make: () => deepFormPdf(LONG ? 10_000 : 200), reason: /^PDF 图形嵌套超过 32 层/ },
  { file: 'deep.docx', make: () => deepDocx(LONG ? 10_000 : 300), reason: /^\.docx 内容嵌套超过 200 层/ },
  { file: 'not-a.pdf', make: notPdf, reason: /^不是 PDF 文件$/ },
];

/** Bounds, not speed goals (those live in `npm run bench`): the old runs took 13–77 s and 2–6 GB, or never ended. */
const ONE = { seconds: 60, mb: 512 };
const COLUMN = { seconds: LONG ? 240 : 120, mb: 1024 };

const noStack = (stderr: string) => !/\n\s+at |Error:|node:internal/.test(stderr);

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), '--build'], { cwd: ROOT });
  for (const hostile of CORPUS) writeFileSync(join(dir, hostile.file), await hostile.make());
}, 600_000);

describe(`the hostile corpus, one input at a time (${LONG ? 'the issue’s sizes' : 'CI size'})`, () => {
  it.each(CORPUS.map((hostile) => [hostile.file, hostile] as const))('%s: its own reason, exit 2, no stack trace, bounded time and memory', async (_, hostile) => {
    const path = join(dir, hostile.file);
    const run = await measuredAudit([path]);
    const line = run.stderr.split('\n').find((l) => l.startsWith(`audit: ${path}: `)) ?? run.stderr;
    expect(line.slice(`audit: ${path}: `.length)).toMatch(hostile.reason);
    expect(run.code).toBe(2);
    expect(noStack(run.stderr), run.stderr).toBe(true);
    expect(run.seconds).toBeLessThan(ONE.seconds);
    expect(run.maxRssMb).toBeLessThan(ONE.mb);
    process.stdout.write(`    ${hostile.file}: ${run.seconds.toFixed(1)} s, ${Math.round(run.maxRssMb)} MB, exit ${run.code}, ${line.slice(`audit: ${path}: `.length)}\n`);
  }, 120_000);
});

describe('a 年报 column whose links include every hostile input', () => {
  let site: Awaited<ReturnType<typeof serve>>;
  let base = '';
  const hostilePath = (file: string) => `/ndbg/fj/${file}`;

  beforeAll(async () => {
    const pages: Map<string, Page> = batchSite();
    const items = CORPUS.map((hostile, i) => `<li><a href="${hostilePath(hostile.file)}">${AGENCY}${2000 + i}年政府信息公开工作年度报告（附件）</a><span class="date">2024-01-0${(i % 9) + 1}</span></li>`);
    for (const hostile of CORPUS) pages.set(hostilePath(hostile.file), { body: readFileSync(join(dir, hostile.file)), type: 'application/octet-stream' });
    // The 年报 column's first page, with the hostile links among the reports.
    const first = pages.get('/ndbg/index.html')!.body as string;
    pages.set('/ndbg/index.html', { body: first.replace('<ul class="news-list">', `<ul class="news-list">${items.join('\n')}`) });
    site = await serve(pages);
    base = `http://127.0.0.1:${site.port}`;
  });
  afterAll(() => site.close());

  it('finishes, lists every other report, writes one summary row per link (each hostile one with its reason), prints no stack trace, stays under 1 GB, exits 2', async () => {
    const summary = join(dir, 'column.csv');
    const run = await measuredAudit(['--follow', '--summary', summary, `${base}/ndbg/index.html`], { env: { NIANBAO_DELAY_MS: '20' } });
    process.stdout.write(`    column of ${CORPUS.length + 6} links: ${run.seconds.toFixed(1)} s, ${Math.round(run.maxRssMb)} MB, exit ${run.code}\n`);
    expect(run.code).toBe(2);
    expect(noStack(run.stderr), run.stderr).toBe(true);
    expect(run.seconds).toBeLessThan(COLUMN.seconds);
    expect(run.maxRssMb).toBeLessThan(COLUMN.mb);
    for (const path of Object.values(REPORT_PATHS)) expect(run.stdout).toContain(`== ${base}${path}`);
    // Statuses in the run's words (zh: 文件无法读取, 已审核 …), read by their column's place.
    const rows = parseSummaryCsv(readFileSync(summary, 'utf8'));
    expect(rows).toHaveLength(CORPUS.length + 6);
    for (const hostile of CORPUS) {
      const row = rows.find((r) => r.source === `${base}${hostilePath(hostile.file)}`);
      expect(row?.status, hostile.file).toBe(bt('zh', 'status-unreadable'));
      expect(row?.reason, hostile.file).toMatch(hostile.reason);
    }
    expect(rows.filter((r) => r.status === bt('zh', 'status-audited'))).toHaveLength(4);
    expect(rows.find((r) => r.source === `${base}${DEAD_PATH}`)?.status).toBe(bt('zh', 'status-fetch-failed'));
    expect(rows.find((r) => r.source === `${base}${NOTICE_PATH}`)?.status).toBe(bt('zh', 'status-not-report'));
  }, 600_000);
});
