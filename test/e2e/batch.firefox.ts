/**
 * The batch view end to end in Firefox ESR (puppeteer-core over WebDriver BiDi): the popup's offer on
 * the local 年报 column, the run, one row per link with the cross-year column, the details, both
 * exports read back from the download folder, the batch kept across reopening.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Page } from 'puppeteer-core';
import { AGENCY, batchSite, REPORT_PATHS } from '../support/batch-site';
import { checkBatchRows, checkStoppedRows, checkSummaryCsv, checkSummaryXlsx, readBatchRows, stopRequest, twoRead } from './batch-checks';
import { check, equal, runCases, runSuite, type Case } from './harness';
import { serve } from './server';
import { openExtensionPage, downloadedIn, until } from './firefox-page';
import { launchFirefox } from './launch';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const DOWNLOADS = mkdtempSync(join(tmpdir(), 'nianbao-ff-batch-'));
const HOST = 'www.nianbao-batch.gov.cn';
const UUID = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a01';
const ORIGIN = `moz-extension://${UUID}`;

type ExtensionApi = { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };

const downloaded = (name: string) => downloadedIn(DOWNLOADS, name);

async function main(): Promise<number> {
  const server = await serve(batchSite());
  const base = `http://${HOST}:${server.port}`;
  const browser = await launchFirefox({ uuid: UUID, downloads: DOWNLOADS });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  let batch: Page;

  const cases: Case[] = [
    ['offers the batch in the popup on the list page, and runs it in the batch view', async () => {
      const list = await browser.newPage();
      await list.goto(`${base}/ndbg/index.html`);
      const popup = await browser.newPage();
      await popup.setViewport({ width: 420, height: 600 });
      await openExtensionPage(popup, `${ORIGIN}/popup.html`, '[data-testid="popup"]');
      const tabId = await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
        return (await api.tabs.query({ url: '*://*.gov.cn/ndbg/index.html' }))[0]?.id ?? -1;
      });
      check(tabId > 0, 'list tab');
      await openExtensionPage(popup, `${ORIGIN}/popup.html?tabId=${tabId}`, '[data-testid="batch-offer"]');
      equal(await popup.$eval('[data-testid="batch-offer"]', (b) => b.textContent), '审核本页列出的全部年报（3）', 'offer');
      await popup.screenshot({ path: join(OUT, 'firefox-batch-offer.png') });
      await popup.click('[data-testid="batch-offer"]');
      // The tab the extension opens is not announced over BiDi; a second view of the batch follows the first through storage.
      batch = await browser.newPage();
      await batch.setViewport({ width: 1280, height: 900 });
      await openExtensionPage(batch, `${ORIGIN}/batch.html`, '[data-testid="batch"][data-state="done"]', 120_000);
    }],
    ['shows one row per link, with the cross-year findings on the right years', async () => {
      checkBatchRows(await batch.evaluate(readBatchRows));
      await batch.screenshot({ path: join(OUT, 'firefox-batch-table.png'), fullPage: true });
    }],
    ['opens a row’s findings', async () => {
      await batch.click('[data-testid="batch-row"][data-year="2023"]');
      await batch.waitForSelector('[data-testid="batch-details"]');
      const rules = await batch.$$eval('[data-testid="batch-finding"]', (items) => items.map((i) => i.getAttribute('data-rule')));
      check(rules.includes('crossyear.in-force') && rules.includes('crossyear.duplicate-text'), `2023 findings: ${rules.join(', ')}`);
      const duplicate = await batch.$eval('[data-rule="crossyear.duplicate-text"]', (i) => i.textContent ?? '');
      check(/正文有 \d+% 与2022年度报告重复/.test(duplicate), `duplicate-text message: ${duplicate}`);
      equal(await batch.$eval('[data-testid="open-page"]', (a) => a.getAttribute('href')), `${base}${REPORT_PATHS[2023]}`, 'report link');
      await batch.screenshot({ path: join(OUT, 'firefox-batch-details.png'), fullPage: true });
    }],
    ['exports the summary as CSV and XLSX that read back from the download folder', async () => {
      await batch.click('[data-testid="export-csv"]');
      checkSummaryCsv(readFileSync(await downloaded(`${AGENCY}-批量-年报核查.csv`), 'utf8'), base);
      await batch.click('[data-testid="export-xlsx"]');
      await checkSummaryXlsx(readFileSync(await downloaded(`${AGENCY}-批量-年报核查.xlsx`)));
    }],
    ['keeps the batch when the view is opened again', async () => {
      const again = await browser.newPage();
      await openExtensionPage(again, `${ORIGIN}/batch.html`, '[data-testid="batch"][data-state="done"]');
      equal((await again.$$('[data-testid="batch-row"]')).length, 6, 'rows after reopening');
      await again.close();
    }],
    ['stopped while it fetches: the reports read are audited, the rest say stopped', async () => {
      const view = await browser.newPage();
      await view.setViewport({ width: 1280, height: 900 });
      await openExtensionPage(view, `${ORIGIN}/batch.html`, '[data-testid="batch"]');
      await view.evaluate(async (request) => {
        const api = (globalThis as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }).browser;
        await api.storage.local.set({ batchRequest: request });
      }, stopRequest(base));
      await openExtensionPage(view, `${ORIGIN}/batch.html?run`, '[data-testid="batch"]');
      await until(view, twoRead, undefined, 'two links read');
      await view.click('[data-testid="stop"]');
      await until(view, () => document.querySelector('[data-testid="batch"]')?.getAttribute('data-state') === 'stopped', undefined, 'the batch stopped');
      checkStoppedRows(await view.evaluate(readBatchRows));
      equal(await view.evaluate(() => document.documentElement.dataset.auditIn), 'worker', 'audited in the worker');
      await view.screenshot({ path: join(OUT, 'firefox-batch-stopped.png'), fullPage: true });
      await view.close();
    }],
  ];
  const failed = await runCases('batch view (Firefox)', cases);
  await browser.close();
  await server.close();
  return failed;
}

runSuite('batch view (Firefox)', main);
