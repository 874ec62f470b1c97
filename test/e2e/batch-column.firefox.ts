/**
 * The whole column at a glance, in Firefox ESR (puppeteer-core over WebDriver BiDi): the county column
 * run from the popup's offer, the 应报清单 (a GBK CSV) loaded through the file input, the list and the
 * table read, the XLSX summary read back from the download folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { type ElementHandle, type Page } from 'puppeteer-core';
import { COLUMN_LIST, columnSite, COUNTY, COUNTY_EXPECTED_CSV, pathOf } from '../support/column-site';
import { checkColumnRows, checkColumnXlsx, checkUnits, readColumnRows, readUnits } from './batch-column-checks';
import { check, equal, runCases, runSuite, type Case } from './harness';
import { openExtensionPage, downloadedIn } from './firefox-page';
import { launchFirefox } from './launch';
import { serve } from './server';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const DOWNLOADS = mkdtempSync(join(tmpdir(), 'nianbao-ff-column-'));
const LIST_FILE = join(mkdtempSync(join(tmpdir(), 'nianbao-ff-list-')), '应报清单.csv');
const HOST = 'www.nianbao-column.gov.cn';
const UUID = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a22';
const ORIGIN = `moz-extension://${UUID}`;

type ExtensionApi = { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };

const downloaded = (name: string) => downloadedIn(DOWNLOADS, name);

async function main(): Promise<number> {
  writeFileSync(LIST_FILE, iconv.encode(COUNTY_EXPECTED_CSV, 'gbk'));
  const server = await serve(columnSite());
  const base = `http://${HOST}:${server.port}`;
  const browser = await launchFirefox({ uuid: UUID, downloads: DOWNLOADS });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  let batch: Page;

  const cases: Case[] = [
    ['runs the column from the popup’s offer', async () => {
      const list = await browser.newPage();
      await list.goto(`${base}${COLUMN_LIST}`);
      const popup = await browser.newPage();
      await popup.setViewport({ width: 420, height: 600 });
      await openExtensionPage(popup, `${ORIGIN}/popup.html`, '[data-testid="popup"]');
      const tabId = await popup.evaluate(async (path) => {
        const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
        return (await api.tabs.query({ url: `*://*.gov.cn${path}` }))[0]?.id ?? -1;
      }, COLUMN_LIST);
      check(tabId > 0, 'list tab');
      await openExtensionPage(popup, `${ORIGIN}/popup.html?tabId=${tabId}`, '[data-testid="batch-offer"]');
      equal(await popup.$eval('[data-testid="batch-offer"]', (b) => b.textContent), `审核本页列出的全部年报（${COUNTY.length}）`, 'offer');
      await popup.click('[data-testid="batch-offer"]');
      // The tab the extension opens is not announced over BiDi; a second view of the batch follows the first through storage.
      batch = await browser.newPage();
      await batch.setViewport({ width: 1280, height: 900 });
      await openExtensionPage(batch, `${ORIGIN}/batch.html`, '[data-testid="batch"]');
      await batch.waitForFunction(() => document.querySelector('[data-testid="batch"]')?.getAttribute('data-state') === 'done', { timeout: 90_000 });
    }],
    ['loads the 应报清单 and shows exactly two units missing and one late', async () => {
      const input = (await batch.$('[data-testid="expected-file"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(LIST_FILE);
      await batch.waitForSelector('[data-testid="expected-units"]', { timeout: 20_000 });
      checkUnits(await batch.evaluate(readUnits), await batch.$eval('[data-testid="expected-summary"]', (p) => p.textContent));
      await batch.screenshot({ path: join(OUT, 'firefox-column-expected.png'), fullPage: true });
    }],
    ['shows the late report and the three reports of one prose in the table', async () => {
      checkColumnRows(await batch.evaluate(readColumnRows));
    }],
    ['exports the summary with the 应报清单 and 雷同 sheets', async () => {
      await batch.click('[data-testid="export-xlsx"]');
      await checkColumnXlsx(readFileSync(await downloaded('测试县发展和改革局-批量-年报核查.xlsx')));
    }],
    ['audits in the worker, off the view’s thread', async () => {
      // The view that ran the batch says where; this view follows it through storage, so run a pasted pair here.
      await batch.$eval('details.paste', (d) => d.setAttribute('open', ''));
      await batch.type('[data-testid="paste"]', `${base}${pathOf(0)}\n${base}${pathOf(1)}`);
      await batch.click('[data-testid="audit-urls"]');
      await batch.waitForFunction(() => document.documentElement.dataset.auditIn !== undefined && document.querySelector('[data-testid="batch"]')?.getAttribute('data-state') === 'done', { timeout: 60_000 });
      equal(await batch.evaluate(() => document.documentElement.dataset.auditIn), 'worker', 'where the audit ran');
    }],
  ];
  const failed = await runCases('batch column (Firefox)', cases);
  await browser.close();
  await server.close();
  return failed;
}

runSuite('batch column (Firefox)', main);
