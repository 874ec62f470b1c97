/**
 * The whole column at a glance, at scale (issue 22): a city's column of 300 reports, 10 of them copying
 * another unit's prose, served from 127.0.0.1 with no polite delay, with a 应报清单 of its units. The
 * command line's batch (time, peak RSS, the similarity step's time and the pairs it diffed) and the
 * batch view in headless Chromium (time, peak JS heap, the longest main-thread task while auditing);
 * and how the similarity step grows from 100 to 300 reports (linear is 3×; every pair diffed is 9×).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { auditBatch } from '../lib/batch/audit-batch';
import { snapshotOf } from '../lib/batch/previous';
import { findSimilar } from '../lib/batch/similar';
import { auditPrepared } from '../lib/batch/audit-batch';
import { parseDocument } from '../lib/cli/dom';
import { nodeGet } from '../lib/cli/inputs';
import { nodeReaderEnv } from '../lib/cli/reader-env';
import { prepareList } from '../lib/input/list';
import { COLUMN_LIST, columnSite, largeColumn } from '../test/support/column-site';
import { serve } from '../test/e2e/server';

const HOST = 'www.nianbao-column.gov.cn';
const COUNT = 300;
const COPIES = 10;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface ColumnBench {
  reports: number;
  copies: number;
  cli: { seconds: number; auditMs: number; similarMs: number; compared: number; flagged: number; peakRssMb: number };
  similarity: { ms100: number; ms300: number; growth: number; compared100: number; compared300: number };
  browser: { seconds: number; auditMs: number; peakHeapMb: number; longestTaskMs: number; flagged: number; stopMs: number | null } | null;
}

async function cliColumn(url: string) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
  const started = performance.now();
  const prepared = await prepareList(url, { get: nodeGet(), readers: await nodeReaderEnv(), lang: 'zh', parseHtml: parseDocument });
  const auditStarted = performance.now();
  const batch = auditBatch(prepared, { expected: [{ name: '测试市第1区第1号单位管理局', kind: 'department' }] });
  const auditMs = performance.now() - auditStarted;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const flagged = batch.rows.filter((row) => row.similar).length;
  if (batch.rows.filter((row) => row.status === 'audited').length !== COUNT) throw new Error('bench column: not every report audited');
  if (flagged !== COPIES * 2) throw new Error(`bench column: ${flagged} reports in a 雷同 pair, expected ${COPIES * 2}`);
  return { prepared, figures: { seconds: round(seconds, 2), auditMs: round(auditMs), similarMs: round(batch.similarMs), compared: batch.compared, flagged, peakRssMb: round(peak / 1024 / 1024) } };
}

/**
 * The similarity step alone on the first 100 and all 300 reports' prose: the process's CPU time (this
 * 2-core machine is shared, and wall time mostly measures the others), medians of 7 runs of each,
 * the two sizes taken in turns so that a busier spell slows both, after a warm-up.
 */
function similarityGrowth(prepared: Awaited<ReturnType<typeof prepareList>>): ColumnBench['similarity'] {
  const items = prepared.flatMap((item) => {
    const report = auditPrepared(item)?.report;
    return report?.isReport ? [snapshotOf(report, item.source)] : [];
  });
  const cpuMs = (n: number) => {
    const started = process.cpuUsage();
    findSimilar(items.slice(0, n));
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  cpuMs(300);
  const runs = { 100: [] as number[], 300: [] as number[] };
  for (let k = 0; k < 7; k += 1) for (const n of [100, 300] as const) runs[n].push(cpuMs(n));
  const ms100 = median(runs[100]);
  const ms300 = median(runs[300]);
  return { ms100: round(ms100), ms300: round(ms300), growth: round(ms300 / ms100, 2), compared100: findSimilar(items.slice(0, 100)).compared, compared300: findSimilar(items).compared };
}

/** How long the view takes to show a batch stopped, clicked while it audits: the audit runs in a worker, so the click is answered at once. */
async function stopWhileAuditing(context: import('playwright-core').BrowserContext, id: string, worker: import('playwright-core').Worker, listUrl: string): Promise<number | null> {
  await worker.evaluate(async (request) => {
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ batchRequest: request });
  }, { listUrl, links: [], next: listUrl, delayMs: 0 });
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${id}/batch.html`);
    await page.locator('[data-testid="auditing"] [data-testid="stop"]').waitFor({ timeout: 300_000 });
    const clicked = performance.now();
    await page.locator('[data-testid="auditing"] [data-testid="stop"]').click({ timeout: 30_000 });
    await page.waitForSelector('[data-testid="batch"][data-state="stopped"]', { timeout: 60_000 });
    return round(performance.now() - clicked);
  } catch (error) {
    console.error(`stop while auditing: ${String(error)}`);
    return null;
  } finally {
    await page.close();
  }
}

async function browserColumn(port: number): Promise<ColumnBench['browser']> {
  const extension = resolve('.output/chrome-mv3');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'nianbao-bench-column-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const listUrl = `http://${HOST}:${port}${COLUMN_LIST}`;
    await worker.evaluate(async (request) => {
      await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ batchRequest: request });
    }, { listUrl, links: [], next: listUrl, delayMs: 0 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peak = 0;
    // The longest gap between ticks of a 10 ms timer on the view's main thread: how long it cannot answer a click (stop, scroll).
    await page.addInitScript(() => {
      const w = window as unknown as { longestTask: number };
      w.longestTask = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.longestTask = Math.max(w.longestTask, now - last - 10);
        last = now;
      }, 10);
    });
    const started = performance.now();
    await page.goto(`chrome-extension://${id}/batch.html`);
    const sampler = setInterval(() => {
      void cdp.send('Performance.getMetrics').then(({ metrics }) => {
        peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      }).catch(() => undefined);
    }, 20);
    await page.waitForSelector('[data-testid="batch"][data-state="done"]', { timeout: 300_000 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const auditMs = Number(await page.evaluate(() => document.documentElement.dataset.auditMs));
    const longestTaskMs = await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
    const flagged = await page.locator('[data-testid="similar"][data-group]:not([data-group=""])').count();
    await page.close();
    const stopMs = await stopWhileAuditing(context, id, worker, listUrl);
    return { seconds: round(seconds, 2), auditMs: round(auditMs), peakHeapMb: round(peak / 1024 / 1024), longestTaskMs: round(longestTaskMs), flagged, stopMs };
  } finally {
    await context.close();
  }
}

export async function columnBench(): Promise<ColumnBench> {
  const server = await serve(columnSite(largeColumn(COUNT, COPIES)));
  try {
    const { prepared, figures } = await cliColumn(`http://127.0.0.1:${server.port}${COLUMN_LIST}`);
    const similarity = similarityGrowth(prepared);
    const browser = await browserColumn(server.port).catch((error: unknown) => {
      console.error(`batch view column bench skipped: ${String(error)}`);
      return null;
    });
    return { reports: COUNT, copies: COPIES, cli: figures, similarity, browser };
  } finally {
    await server.close();
  }
}

export function columnLines(c: ColumnBench): string[] {
  return [
    `column of ${c.reports} (${c.copies} copies), CLI      ${c.cli.seconds} s fetch + read + audit · audit ${c.cli.auditMs} ms (similarity ${c.cli.similarMs} ms, ${c.cli.compared} pairs diffed) · peak RSS ${c.cli.peakRssMb} MB · ${c.cli.flagged} reports in 雷同 pairs`,
    `similarity 100 → 300 reports        ${c.similarity.ms100} → ${c.similarity.ms300} ms CPU = ${c.similarity.growth}× (linear 3×, all pairs 9×) · pairs diffed ${c.similarity.compared100} → ${c.similarity.compared300}`,
    c.browser
      ? `column of ${c.reports}, batch view        ${c.browser.seconds} s · audit ${c.browser.auditMs} ms · peak JS heap ${c.browser.peakHeapMb} MB · longest gap of the view's 10 ms timer ${c.browser.longestTaskMs} ms · stop clicked while auditing shown in ${c.browser.stopMs ?? '–'} ms · ${c.browser.flagged} reports in 雷同 pairs`
      : 'column batch view: skipped',
  ];
}

if (process.argv[1]?.endsWith('column.ts')) {
  columnBench().then((c) => console.log(`${columnLines(c).join('\n')}\n${JSON.stringify(c)}`), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
