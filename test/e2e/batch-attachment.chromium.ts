/**
 * The batch view follows report pages that hold only a download link to their PDF (Chromium): the
 * real 洪泽区 2024 and 2023 PDFs audited in the batch (2023: the two appeals.total errors; 2024
 * checked against 2023), an encrypted PDF a row with the reader's reason, and an audited
 * attachment opened in the viewer with its marks.
 */
import { mkdirSync } from 'node:fs';

import { join, resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { ATTACHMENT_FILES, ATTACHMENT_LIST, attachmentSite } from '../support/attachment-site';
import { readBatchRows } from './batch-checks';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { serve } from './server';
import { readViewerMarks, viewerState } from './viewer-probe';
import { launchChromium } from './launch';

declare const chrome: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-fujian.gov.cn';

async function main(): Promise<number> {
  const server = await serve(attachmentSite());
  const base = `http://${HOST}:${server.port}`;
  const { context, worker, id } = await launchChromium({ extension: resolve('.output/chrome-mv3'), hosts: [HOST] });
  let batch: Page;

  const cases: Case[] = [
    ['runs the batch of a list whose report pages link their PDFs', async () => {
      const list = await context.newPage();
      await list.goto(`${base}${ATTACHMENT_LIST}`);
      const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, `${base}${ATTACHMENT_LIST}`);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
      const offer = popup.getByTestId('batch-offer');
      await offer.waitFor();
      [batch] = await Promise.all([context.waitForEvent('page', (p) => p.url().includes('/batch.html')), offer.click()]);
      await batch.setViewportSize({ width: 1280, height: 900 });
      await batch.waitForSelector('[data-testid="batch"][data-state="done"]', { timeout: 60_000 });
    }],
    ['audits both real PDFs, and says why the encrypted one is not read', async () => {
      const rows = await batch.evaluate(readBatchRows);
      equal(rows.map((row) => [row.year, row.status]), [['2024', 'audited'], ['2023', 'audited'], ['', 'attachment']], 'rows');
      equal(rows[0]!.crossyear, '一致', '2024 checked against the 2023 PDF');
      check(rows[1]!.text.includes(`${base}${ATTACHMENT_FILES[2023]}`), 'the 2023 row names the PDF it read');
      check(rows[2]!.text.includes('PDF 已加密，无法读取'), `encrypted row says why: ${rows[2]!.text}`);
      await batch.locator('[data-testid="batch-row"][data-year="2023"]').click();
      const details = batch.getByTestId('batch-details');
      await details.waitFor();
      equal(await details.locator('[data-testid="batch-finding"][data-rule="appeals.total"]').count(), 2, 'the two appeals.total errors of 2023');
      await batch.screenshot({ path: join(OUT, 'chromium-batch-attachment.png'), fullPage: true });
    }],
    ['opens the audited attachment in the viewer, its wrong totals marked', async () => {
      const [viewer] = await Promise.all([context.waitForEvent('page'), batch.getByTestId('open-attachment').click()]);
      await viewer.waitForURL(/viewer\.html/);
      await poll(() => viewer.evaluate(viewerState), (s) => s.phase === 'ready' || s.phase === 'failed', 'viewer settled', 30_000);
      equal(await viewer.locator('[data-testid="finding"][data-rule="appeals.total"]').count(), 2, 'two appeals.total findings in the viewer');
      for (let i = 0; i < 2; i += 1) {
        // The viewer draws marks near the viewport: select each finding, its cell's mark must cover the wrong 0.
        await viewer.locator('[data-testid="finding"][data-rule="appeals.total"]').nth(i).click();
        await poll(() => viewer.evaluate(readViewerMarks), (m) => m.some((x) => x.classes.includes('selected') && x.text === '0'), `mark ${i + 1} over a wrong total`, 20_000);
      }
      await viewer.screenshot({ path: join(OUT, 'chromium-batch-attachment-viewer.png') });
    }],
  ];
  const failed = await runCases('batch view, attachments (Chromium)', cases);
  await context.close();
  await server.close();
  return failed;
}

runSuite('batch view, attachments (Chromium)', main);
