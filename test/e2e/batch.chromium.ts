/**
 * The batch view end to end in Chromium: a local 年报 column (one agency, four years, a dead link, a
 * notice, a GBK page, two list pages) under a *.gov.cn name; the popup's offer, the polite fetch,
 * the table (rows, cross-year column, sort, filter, details), both exports read back, the batch
 * kept across a reload, and a single report page audited later against the remembered last year.
 */
import { mkdirSync, readFileSync } from 'node:fs';

import { join, resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { batchSite, REPORT_PATHS } from '../support/batch-site';
import { checkBatchRows, checkStoppedRows, checkSummaryCsv, checkSummaryXlsx, readBatchRows, stopRequest, twoRead } from './batch-checks';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { serve } from './server';
import { launchChromium } from './launch';
import { batchBoundCase } from './hostile-cases';

declare const chrome: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-batch.gov.cn';

async function main(): Promise<number> {
  const server = await serve(batchSite());
  const base = `http://${HOST}:${server.port}`;
  const { context, worker, id } = await launchChromium({ extension: resolve('.output/chrome-mv3'), hosts: [HOST], acceptDownloads: true });
  let batch: Page;

  const cases: Case[] = [
    ['offers the batch in the popup on the list page, and runs it in the batch view', async () => {
      const list = await context.newPage();
      await list.goto(`${base}/ndbg/index.html`);
      const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, `${base}/ndbg/index.html`);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 420, height: 600 });
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
      const offer = popup.getByTestId('batch-offer');
      await offer.waitFor();
      equal(await offer.textContent(), '审核本页列出的全部年报（3）', 'offer counts the links of the first page');
      await popup.screenshot({ path: join(OUT, 'chromium-batch-offer.png') });
      [batch] = await Promise.all([context.waitForEvent('page', (p) => p.url().includes('/batch.html')), offer.click()]);
      await batch.setViewportSize({ width: 1280, height: 900 });
      await batch.getByTestId('progress').waitFor({ timeout: 10_000 }).catch(() => undefined);
      await batch.screenshot({ path: join(OUT, 'chromium-batch-progress.png') });
      await batch.waitForSelector('[data-testid="batch"][data-state="done"]', { timeout: 60_000 });
    }],
    ['shows one row per link, with the cross-year findings on the right years', async () => {
      checkBatchRows(await batch.evaluate(readBatchRows));
      await batch.screenshot({ path: join(OUT, 'chromium-batch-table.png'), fullPage: true });
    }],
    ['sorts, filters, and opens a row’s findings with links to both reports', async () => {
      await batch.getByTestId('sort-year').click();
      const years = (await batch.evaluate(readBatchRows)).map((row) => row.year).filter(Boolean);
      equal(years, ['2020', '2021', '2022', '2023'], 'sorted by year');
      await batch.getByTestId('batch-status').selectOption('audited');
      equal(await batch.getByTestId('batch-row').count(), 4, 'filtered to audited');
      await batch.locator('[data-testid="batch-row"][data-year="2022"]').click();
      const details = batch.getByTestId('batch-details');
      await details.waitFor();
      const carried = details.locator('[data-rule="crossyear.carried"]');
      equal(await carried.count(), 2, 'two carried findings (自然人 and 总计)');
      check((await carried.first().textContent())?.includes('2021年度报告'), 'message names last year');
      equal(await details.getByTestId('open-page').getAttribute('href'), `${base}${REPORT_PATHS[2022]}`, 'link to the report page');
      check((await details.locator(`a[href="${base}${REPORT_PATHS[2021]}"]`).count()) > 0, 'link to last year’s report');
      await batch.screenshot({ path: join(OUT, 'chromium-batch-details.png'), fullPage: true });
    }],
    ['exports the summary as CSV and XLSX, readable back', async () => {
      const [csv] = await Promise.all([batch.waitForEvent('download'), batch.getByTestId('export-csv').click()]);
      checkSummaryCsv(readFileSync((await csv.path())!, 'utf8'), base);
      const [xlsx] = await Promise.all([batch.waitForEvent('download'), batch.getByTestId('export-xlsx').click()]);
      check(xlsx.suggestedFilename().endsWith('.xlsx'), 'xlsx name');
      await checkSummaryXlsx(readFileSync((await xlsx.path())!));
    }],
    ['keeps the batch when the view is closed and opened again', async () => {
      await batch.close();
      batch = await context.newPage();
      await batch.goto(`chrome-extension://${id}/batch.html`);
      await batch.waitForSelector('[data-testid="batch"][data-state="done"]');
      equal(await batch.getByTestId('batch-row').count(), 6, 'rows after reopening');
    }],
    ['checks a report page opened later against the remembered last year', async () => {
      const page = await context.newPage();
      await page.goto(`${base}${REPORT_PATHS[2022]}`);
      const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, `${base}${REPORT_PATHS[2022]}`);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
      await popup.getByTestId('summary').waitFor();
      await poll(() => popup.locator('[data-testid="finding"][data-rule="crossyear.carried"]').count(), (n) => n === 2, 'crossyear.carried in the popup');
    }],
    ['clears the batch', async () => {
      await batch.getByTestId('clear').click();
      await batch.getByTestId('batch-empty').waitFor();
    }],
    batchBoundCase(context, id, base),
    ['stopped while it fetches: the reports read are audited, the rest say stopped', async () => {
      const view = await context.newPage();
      await view.goto(`chrome-extension://${id}/batch.html`);
      await view.getByTestId('batch-empty').waitFor().catch(() => undefined);
      await view.evaluate(async (request) => {
        const api = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
        await api.storage.local.set({ batchRequest: request });
      }, stopRequest(base));
      await view.reload();
      await view.waitForFunction(twoRead, undefined, { timeout: 30_000 });
      await view.getByTestId('stop').click();
      await view.waitForSelector('[data-testid="batch"][data-state="stopped"]', { timeout: 30_000 });
      checkStoppedRows(await view.evaluate(readBatchRows));
      equal(await view.evaluate(() => document.documentElement.dataset.auditIn), 'worker', 'audited in the worker');
      await view.screenshot({ path: join(OUT, 'chromium-batch-stopped.png'), fullPage: true });
      await view.getByTestId('clear').click();
      await view.close();
    }],
  ];
  const failed = await runCases('batch view (Chromium)', cases);
  await context.close();
  await server.close();
  return failed;
}

runSuite('batch view (Chromium)', main);
