/**
 * The batch view follows report pages that hold only a download link to their PDF (Firefox ESR,
 * puppeteer-core over WebDriver BiDi): the real 洪泽区 2024 and 2023 PDFs audited through pdf.js in
 * the batch view, an encrypted PDF a row with the reader's reason.
 */
import { mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { type Page } from 'puppeteer-core';
import { ATTACHMENT_FILES, ATTACHMENT_LIST, attachmentSite } from '../support/attachment-site';
import { readBatchRows } from './batch-checks';
import { check, equal, runCases, runSuite, type Case } from './harness';
import { serve } from './server';
import { openExtensionPage } from './firefox-page';
import { launchFirefox } from './launch';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-fujian.gov.cn';
const UUID = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a02';
const ORIGIN = `moz-extension://${UUID}`;

type ExtensionApi = { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };

async function main(): Promise<number> {
  const server = await serve(attachmentSite());
  const base = `http://${HOST}:${server.port}`;
  const browser = await launchFirefox({ uuid: UUID });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  let batch: Page;

  const cases: Case[] = [
    ['runs the batch of a list whose report pages link their PDFs', async () => {
      const list = await browser.newPage();
      await list.goto(`${base}${ATTACHMENT_LIST}`);
      const popup = await browser.newPage();
      await openExtensionPage(popup, `${ORIGIN}/popup.html`, '[data-testid="popup"]');
      const tabId = await popup.evaluate(async (path) => {
        const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
        return (await api.tabs.query({ url: `*://*.gov.cn${path}` }))[0]?.id ?? -1;
      }, ATTACHMENT_LIST);
      check(tabId > 0, 'list tab');
      await openExtensionPage(popup, `${ORIGIN}/popup.html?tabId=${tabId}`, '[data-testid="batch-offer"]');
      await popup.click('[data-testid="batch-offer"]');
      // The tab the extension opens is not announced over BiDi; a second view of the batch follows the first through storage.
      batch = await browser.newPage();
      await batch.setViewport({ width: 1280, height: 900 });
      await openExtensionPage(batch, `${ORIGIN}/batch.html`, '[data-testid="batch"][data-state="done"]', 120_000);
    }],
    ['audits both real PDFs, and says why the encrypted one is not read', async () => {
      const rows = await batch.evaluate(readBatchRows);
      equal(rows.map((row) => [row.year, row.status]), [['2024', 'audited'], ['2023', 'audited'], ['', 'attachment']], 'rows');
      equal(rows[0]!.crossyear, '一致', '2024 checked against the 2023 PDF');
      check(rows[1]!.text.includes(`${base}${ATTACHMENT_FILES[2023]}`), 'the 2023 row names the PDF it read');
      check(rows[2]!.text.includes('PDF 已加密，无法读取'), `encrypted row says why: ${rows[2]!.text}`);
      await batch.click('[data-testid="batch-row"][data-year="2023"]');
      await batch.waitForSelector('[data-testid="batch-details"]');
      const rules = await batch.$$eval('[data-testid="batch-finding"]', (items) => items.map((i) => i.getAttribute('data-rule')));
      equal(rules.filter((rule) => rule === 'appeals.total').length, 2, 'the two appeals.total errors of 2023');
      check(await batch.$('[data-testid="open-attachment"]'), 'a link to the attachment in the viewer');
      await batch.screenshot({ path: join(OUT, 'firefox-batch-attachment.png'), fullPage: true });
    }],
  ];
  const failed = await runCases('batch view, attachments (Firefox)', cases);
  await browser.close();
  await server.close();
  return failed;
}

runSuite('batch view, attachments (Firefox)', main);
