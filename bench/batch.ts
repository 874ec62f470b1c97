/**
 * The batch (a 年报 column of 50 reports on 127.0.0.1) measured end to end by the command line's
 * code and by the extension's batch view in headless Chromium, with no polite delay: reports per
 * second, the audit's own time per report, peak memory, and the duplicate-text step's share.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { auditExtracted } from '../lib/audit';
import { auditBatch } from '../lib/batch/audit-batch';
import { prepareList } from '../lib/input/list';
import { previousYearIndex } from '../lib/batch/pair';
import { snapshotOf } from '../lib/batch/previous';
import { RULES } from '../lib/rules';
import { parseDocument } from '../lib/cli/dom';
import { nodeGet } from '../lib/cli/inputs';
import { nodeReaderEnv } from '../lib/cli/reader-env';
import { serve } from '../test/e2e/server';
import { benchSite } from './batch-site';
import { columnBench, columnLines, type ColumnBench } from './column';

const HOST = 'www.nianbao-bench.gov.cn';
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface BatchBench {
  reports: number;
  cli: { reportsPerSecond: number; auditMsPerReport: number; peakRssMb: number; duplicateShare: number };
  browser: { reportsPerSecond: number; auditMsPerReport: number; peakHeapMb: number } | null;
  /** The whole column at a glance (issue 22): 300 reports, 10 copies, similarity growth 100 → 300. */
  column: ColumnBench;
}

async function cliBatch(url: string): Promise<BatchBench['cli'] & { reports: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
  const started = performance.now();
  const prepared = await prepareList(url, { get: nodeGet(), readers: await nodeReaderEnv(), lang: 'zh', parseHtml: parseDocument });
  const { rows } = auditBatch(prepared);
  const wall = performance.now() - started;
  // The audit's own cost: the median of three more passes over the same pages (the first pass above warmed the JIT).
  const passes = [0, 1, 2].map(() => {
    const t = performance.now();
    auditBatch(prepared);
    return performance.now() - t;
  }).sort((a, b) => a - b);
  const auditMs = passes[1]!;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const audited = rows.filter((row) => row.status === 'audited').length;
  if (audited !== 50) throw new Error(`bench batch: ${audited} of 50 audited`);
  if (!rows.some((row) => row.rules.includes('crossyear.duplicate-text'))) throw new Error('bench batch: no duplicate text found');
  return { reports: audited, reportsPerSecond: round(audited / (wall / 1000), 1), auditMsPerReport: round(auditMs / audited, 2), peakRssMb: round(peak / 1024 / 1024, 1), duplicateShare: duplicateShare(prepared, auditMs) };
}

/** The duplicate-text rule's time over all paired reports, as a share of the whole batch audit. */
function duplicateShare(prepared: Awaited<ReturnType<typeof prepareList>>, auditMs: number): number {
  const rule = RULES.find((r) => r.id === 'crossyear.duplicate-text')!;
  const audits = prepared.map((item) => (item.extracted ? auditExtracted(item.extracted) : null));
  const previous = previousYearIndex(audits.map((a) => ({ agency: a?.report.agency ?? null, year: a?.report.year ?? null })));
  let ms = 0;
  audits.forEach((audit, i) => {
    const j = previous[i];
    if (!audit || j === null || j === undefined) return;
    audit.report.previous = snapshotOf(audits[j]!.report, prepared[j]!.source);
    const started = performance.now();
    rule.check(audit.report);
    ms += performance.now() - started;
  });
  return round(ms / auditMs, 3);
}

async function browserBatch(port: number): Promise<BatchBench['browser']> {
  const extension = resolve('.output/chrome-mv3');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'nianbao-bench-batch-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const listUrl = `http://${HOST}:${port}/nb/index.html`;
    await worker.evaluate(async (request) => {
      await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ batchRequest: request });
    }, { listUrl, links: [], next: listUrl, delayMs: 0 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peak = 0;
    const started = performance.now();
    await page.goto(`chrome-extension://${id}/batch.html`);
    const sampler = setInterval(() => {
      void cdp.send('Performance.getMetrics').then(({ metrics }) => {
        peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      }).catch(() => undefined);
    }, 20);
    await page.waitForSelector('[data-testid="batch"][data-state="done"]', { timeout: 120_000 });
    const wall = performance.now() - started;
    clearInterval(sampler);
    const auditMs = Number(await page.evaluate(() => document.documentElement.dataset.auditMs));
    const audited = await page.locator('[data-testid="batch-row"][data-status="audited"]').count();
    return { reportsPerSecond: round(audited / (wall / 1000), 1), auditMsPerReport: round(auditMs / Math.max(audited, 1), 2), peakHeapMb: round(peak / 1024 / 1024, 1) };
  } finally {
    await context.close();
  }
}

export async function batchBench(): Promise<BatchBench> {
  const server = await serve(benchSite());
  try {
    const cli = await cliBatch(`http://127.0.0.1:${server.port}/nb/index.html`);
    const browser = await browserBatch(server.port).catch((error: unknown) => {
      console.error(`batch view bench skipped: ${String(error)}`);
      return null;
    });
    const { reports, ...cliFigures } = cli;
    const column = await columnBench();
    const result = { reports, cli: cliFigures, browser, column };
    writeFileSync(resolve('bench/batch-results.json'), `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
    return result;
  } finally {
    await server.close();
  }
}

export function batchLines(b: BatchBench): string[] {
  return [
    `batch of ${b.reports}, CLI (no delay)      ${b.cli.reportsPerSecond} reports/s · audit ${b.cli.auditMsPerReport} ms/report   [budget ≤ 20 ms] · peak RSS ${b.cli.peakRssMb} MB · duplicate-text ${round(b.cli.duplicateShare * 100, 1)}% of the audit`,
    b.browser
      ? `batch of ${b.reports}, batch view (no delay) ${b.browser.reportsPerSecond} reports/s · audit ${b.browser.auditMsPerReport} ms/report   [budget ≤ 20 ms] · peak JS heap ${b.browser.peakHeapMb} MB`
      : 'batch view: skipped',
    ...columnLines(b.column),
  ];
}

if (process.argv[1]?.endsWith('batch.ts')) {
  batchBench().then((b) => console.log(batchLines(b).join('\n')), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
