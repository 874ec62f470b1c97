/**
 * The whole column at a glance, in Chromium: a county's 年报 column under a *.gov.cn name, the popup's
 * offer, the batch, then the 应报清单 (a GBK CSV as Excel saves it) loaded in the batch view: the list
 * shows two units missing and one late, the table shows the late report and the three reports that
 * share one prose; the XLSX summary has the 应报清单 and 雷同 sheets.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { type Page } from 'playwright-core';
import { COLUMN_LIST, columnSite, COUNTY, COUNTY_EXPECTED_CSV } from '../support/column-site';
import { checkColumnRows, checkColumnXlsx, checkUnits, readColumnRows, readUnits } from './batch-column-checks';
import { check, equal, runCases, runSuite, type Case } from './harness';
import { launchChromium, tabIdOf } from './launch';
import { serve } from './server';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-column.gov.cn';

async function main(): Promise<number> {
  const server = await serve(columnSite());
  const base = `http://${HOST}:${server.port}`;
  const { context, worker, id } = await launchChromium({ extension: resolve('.output/chrome-mv3'), hosts: [HOST], acceptDownloads: true });
  let batch: Page;

  const cases: Case[] = [
    ['runs the column from the popup’s offer', async () => {
      const list = await context.newPage();
      await list.goto(`${base}${COLUMN_LIST}`);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${await tabIdOf(worker, `${base}${COLUMN_LIST}`)}`);
      const offer = popup.getByTestId('batch-offer');
      await offer.waitFor();
      equal(await offer.textContent(), `审核本页列出的全部年报（${COUNTY.length}）`, 'offer');
      [batch] = await Promise.all([context.waitForEvent('page', (p) => p.url().includes('/batch.html')), offer.click()]);
      await batch.setViewportSize({ width: 1280, height: 900 });
      await batch.waitForSelector('[data-testid="batch"][data-state="done"]', { timeout: 90_000 });
      equal(await batch.getByTestId('expected-units').count(), 0, 'no list yet');
      equal(await batch.evaluate(() => document.documentElement.dataset.auditIn), 'worker', 'audited in the worker, off the view’s thread');
    }],
    ['loads the 应报清单 and shows exactly two units missing and one late', async () => {
      await batch.getByTestId('expected-file').setInputFiles({ name: '应报清单.csv', mimeType: 'text/csv', buffer: iconv.encode(COUNTY_EXPECTED_CSV, 'gbk') });
      await batch.getByTestId('expected-units').waitFor();
      checkUnits(await batch.evaluate(readUnits), await batch.getByTestId('expected-summary').textContent());
      equal(await batch.getByTestId('expected-loaded').textContent().then((t) => t?.startsWith('应报清单：10 个单位')), true, 'list loaded');
      await batch.screenshot({ path: join(OUT, 'chromium-column-expected.png'), fullPage: true });
    }],
    ['shows the late report and the three reports of one prose in the table, the copy’s finding naming the others', async () => {
      checkColumnRows(await batch.evaluate(readColumnRows));
      await batch.locator('[data-testid="batch-row"]').filter({ has: batch.locator('td:first-child', { hasText: /^测试县自然资源局$/ }) }).click();
      const finding = batch.locator('[data-testid="batch-finding"][data-rule="batch.similar-text"]');
      await finding.waitFor();
      check((await finding.textContent())?.includes('与「测试县人力资源和社会保障局」、「测试县卫生健康委员会」的报告雷同'), 'the finding names both');
      await batch.screenshot({ path: join(OUT, 'chromium-column-table.png'), fullPage: true });
    }],
    ['exports the summary with the 应报清单 and 雷同 sheets, and the list as a CSV', async () => {
      const [xlsx] = await Promise.all([batch.waitForEvent('download'), batch.getByTestId('export-xlsx').click()]);
      await checkColumnXlsx(readFileSync((await xlsx.path())!));
      const [csv] = await Promise.all([batch.waitForEvent('download'), batch.getByTestId('export-expected-csv').click()]);
      const text = readFileSync((await csv.path())!, 'utf8');
      check(text.startsWith('\ufeff应报单位,类型,情况') && text.includes('县民政局,部门,栏目中未找到'), 'the list’s CSV');
    }],
    ['keeps the list for the view reopened, and takes it away again', async () => {
      const again = await context.newPage();
      await again.goto(`chrome-extension://${id}/batch.html`);
      await again.getByTestId('expected-units').waitFor();
      equal((await again.evaluate(readUnits)).filter((u) => u.status === 'missing').length, 2, 'list after reopening');
      await again.getByTestId('expected-clear').click();
      await again.getByTestId('expected-units').waitFor({ state: 'detached' });
      await again.close();
    }],
  ];
  const failed = await runCases('batch column (Chromium)', cases);
  await context.close();
  await server.close();
  return failed;
}

runSuite('batch column (Chromium)', main);
