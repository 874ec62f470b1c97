/**
 * Accessibility (issue 23): axe-core, the engine behind most accessibility checkers, run inside each
 * of the extension's views in the built Chromium extension: the popup, the side panel, the memo, the
 * batch view and the viewer (a Word document and a real PDF), each on a real audit with findings
 * showing, and the marks on a report page (their overlay's shadow tree). Every rule axe runs by
 * default must pass: WCAG 2.x A and AA and its best practices (a page has one `main` landmark, a
 * form field has a name). A mark's button must say its place and 应为/实为, not “1 错误”.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { batchSite } from '../support/batch-site';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { launchChromium, tabIdOf } from './launch';
import { serve, type Page as Served } from './server';
import { readTags } from './workspace-page';
import { workspacePages } from './workspace-pages';
import { sharedPath } from '../support/shared';
import { AXE, violationsIn, violationsText } from './axe';

const HOST = 'www.nianbao-a11y.gov.cn';
const DOCX = 'blanks-error-2021-word.writer.docx';
const PDF = 'hongze-district-huaian-2023.pdf';

async function noViolations(page: Page, view: string, within?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(violationsIn, within ?? null);
  check(found.length === 0, violationsText(view, found));
}

async function main(): Promise<number> {
  const pages = new Map<string, Served>([...workspacePages(), ...batchSite()]);
  const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  pages.set(`/files/${DOCX}`, { body: readFileSync(`test/fixtures/documents/${DOCX}`), type: docxType });
  pages.set(`/files/${PDF}`, { body: readFileSync(sharedPath('fixtures', 'real', PDF)), type: 'application/pdf' });
  const server = await serve(pages);
  const base = `http://${HOST}:${server.port}`;
  const { context, worker, id } = await launchChromium({ extension: resolve('.output/chrome-mv3'), hosts: [HOST] });
  const report = `${base}/blank-total.html`;
  let tabId = -1;
  let reportPage: Page;

  const cases: Case[] = [
    ['the marks on a report page: no violation in their overlay, each named by its place and 应为/实为', async () => {
      reportPage = await context.newPage();
      await reportPage.goto(report);
      await poll(() => reportPage.evaluate(readTags), (tags) => tags.length >= 22, 'the 22 error marks');
      tabId = await tabIdOf(worker, report);
      const names = await reportPage.evaluate(() => [...document.querySelector('nianbao-audit-marks')!.shadowRoot!.querySelectorAll('button.tag')]
        .map((button) => button.getAttribute('aria-label') ?? ''));
      equal(names.length, 22, 'one named button per mark');
      const bad = names.filter((name) => !/^错误：“[^”]+”的“[^”]+”：应为 \d+，实为 \d+/.test(name));
      check(bad.length === 0, `names without place and 应为/实为: ${JSON.stringify(bad.slice(0, 3))}`);
      check(names.includes('错误：“一、本年新收政府信息公开申请数量”的“总计”：应为 210，实为 0'), `the 总计 of row 一 by name: ${names.slice(0, 2).join(' | ')}`);
      await noViolations(reportPage, 'marks', 'nianbao-audit-marks');
    }],
    ['the popup, with the report’s findings', async () => {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 420, height: 600 });
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
      await popup.getByTestId('summary').waitFor();
      await popup.getByTestId('finding').first().waitFor();
      await noViolations(popup, 'popup');
      await popup.close();
    }],
    ['the side panel, with the report’s findings', async () => {
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 360, height: 900 });
      await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tabId}`);
      await panel.getByTestId('summary').waitFor();
      await panel.getByTestId('finding').first().waitFor();
      equal(await panel.getByTestId('popup').getAttribute('data-mode'), 'panel', 'panel mode');
      await noViolations(panel, 'side panel');
      await panel.close();
    }],
    ['the memo (核查意见)', async () => {
      const memo = await context.newPage();
      await memo.goto(`chrome-extension://${id}/memo.html?tabId=${tabId}&frameId=0&lang=zh`);
      await memo.getByTestId('memo').waitFor();
      await noViolations(memo, 'memo');
      await memo.close();
    }],
    ['the batch view, done, with a row’s findings open', async () => {
      const list = await context.newPage();
      await list.goto(`${base}/ndbg/index.html`);
      const listTab = await tabIdOf(worker, `${base}/ndbg/index.html`);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${listTab}`);
      const offer = popup.getByTestId('batch-offer');
      await offer.waitFor();
      const [batch] = await Promise.all([context.waitForEvent('page', (p) => p.url().includes('/batch.html')), offer.click()]);
      await batch.setViewportSize({ width: 1280, height: 900 });
      await batch.waitForSelector('[data-testid="batch"][data-state="done"]', { timeout: 60_000 });
      await batch.locator('[data-testid="batch-row"][data-year="2022"]').click();
      await batch.getByTestId('batch-details').waitFor();
      await noViolations(batch, 'batch view');
      await Promise.all([batch.close(), popup.close(), list.close()]);
    }],
    ['the viewer, on a Word document and on a real PDF', async () => {
      for (const file of [DOCX, PDF]) {
        const viewer = await context.newPage();
        await viewer.setViewportSize({ width: 1400, height: 900 });
        await viewer.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`${base}/files/${file}`)}`);
        await viewer.waitForSelector('[data-testid="finding"]', { timeout: 60_000 });
        await viewer.getByTestId('finding').first().click();
        await viewer.waitForTimeout(500);
        await noViolations(viewer, `viewer (${file})`);
        await viewer.close();
      }
    }],
  ];
  const failed = await runCases('accessibility (Chromium)', cases);
  await context.close();
  await server.close();
  return failed;
}

runSuite('accessibility (Chromium)', main);
