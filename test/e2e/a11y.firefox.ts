/**
 * Accessibility in Firefox ESR (issue 23), the counterpart of a11y.chromium.ts: axe-core run inside
 * each of the extension's views in the built Firefox extension, on a real audit with findings
 * showing: the marks on a report page (their overlay's shadow tree), the popup, the sidebar's page
 * (Firefox's side panel; headless Firefox cannot open the sidebar itself, so its page is opened in a
 * tab, as workspace.firefox.ts does), the memo, the batch view and the viewer (a Word document and a
 * real PDF). Every rule axe runs by default must pass, and every mark's button must say its place and
 * 应为/实为. puppeteer over WebDriver BiDi evaluates axe's source in the page as the debugger does,
 * which the extension pages' script policy does not restrict.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Page } from 'puppeteer-core';
import { batchSite } from '../support/batch-site';
import { sharedPath } from '../support/shared';
import { openExtensionPage, until } from './firefox-page';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { launchFirefox } from './launch';
import { serve, type Page as Served } from './server';
import { readTags } from './workspace-page';
import { workspacePages } from './workspace-pages';
import { AXE, violationsIn, violationsText } from './axe';

const HOST = 'www.nianbao-a11y.gov.cn';
const UUID = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0a';
const ORIGIN = `moz-extension://${UUID}`;
const DOCX = 'blanks-error-2021-word.writer.docx';
const PDF = 'hongze-district-huaian-2023.pdf';

type ExtensionApi = { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };

async function noViolations(page: Page, view: string, within?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(violationsIn, within ?? null);
  check(found.length === 0, violationsText(view, found));
}

async function tabIdOf(extensionPage: Page, pattern: string): Promise<number> {
  const id = await extensionPage.evaluate(async (match) => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    return (await api.tabs.query({ url: match }))[0]?.id ?? -1;
  }, pattern);
  check(id > 0, `tab for ${pattern}`);
  return id;
}

async function main(): Promise<number> {
  const pages = new Map<string, Served>([...workspacePages(), ...batchSite()]);
  const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  pages.set(`/files/${DOCX}`, { body: readFileSync(`test/fixtures/documents/${DOCX}`), type: docxType });
  pages.set(`/files/${PDF}`, { body: readFileSync(sharedPath('fixtures', 'real', PDF)), type: 'application/pdf' });
  const server = await serve(pages);
  const base = `http://${HOST}:${server.port}`;
  const browser = await launchFirefox({ uuid: UUID });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  let tabId = -1;

  const cases: Case[] = [
    ['the marks on a report page: no violation in their overlay, each named by its place and 应为/实为', async () => {
      const report = await browser.newPage();
      await report.goto(`${base}/blank-total.html`);
      await poll(() => report.evaluate(readTags), (tags) => tags.length >= 22, 'the 22 error marks', 30_000);
      const names = await report.evaluate(() => [...document.querySelector('nianbao-audit-marks')!.shadowRoot!.querySelectorAll('button.tag')]
        .map((button) => button.getAttribute('aria-label') ?? ''));
      equal(names.length, 22, 'one named button per mark');
      const bad = names.filter((name) => !/^错误：“[^”]+”的“[^”]+”：应为 \d+，实为 \d+/.test(name));
      check(bad.length === 0, `names without place and 应为/实为: ${JSON.stringify(bad.slice(0, 3))}`);
      await noViolations(report, 'marks', 'nianbao-audit-marks');
    }],
    ['the popup, with the report’s findings', async () => {
      const popup = await browser.newPage();
      await popup.setViewport({ width: 420, height: 600 });
      await openExtensionPage(popup, `${ORIGIN}/popup.html`, '[data-testid="popup"]');
      tabId = await tabIdOf(popup, '*://*.gov.cn/blank-total.html');
      await openExtensionPage(popup, `${ORIGIN}/popup.html?tabId=${tabId}`, '[data-testid="finding"]');
      await noViolations(popup, 'popup');
      await popup.close();
    }],
    ['the sidebar’s page, with the report’s findings', async () => {
      const panel = await browser.newPage();
      await panel.setViewport({ width: 360, height: 900 });
      await openExtensionPage(panel, `${ORIGIN}/sidepanel.html?tabId=${tabId}`, '[data-testid="finding"]');
      equal(await panel.$eval('[data-testid="popup"]', (element) => element.getAttribute('data-mode')), 'panel', 'panel mode');
      await noViolations(panel, 'sidebar');
      await panel.close();
    }],
    ['the memo (核查意见)', async () => {
      const memo = await browser.newPage();
      await openExtensionPage(memo, `${ORIGIN}/memo.html?tabId=${tabId}&frameId=0&lang=zh`, '[data-testid="memo"]');
      await noViolations(memo, 'memo');
      await memo.close();
    }],
    ['the batch view, done, with a row’s findings open', async () => {
      const list = await browser.newPage();
      await list.goto(`${base}/ndbg/index.html`);
      const popup = await browser.newPage();
      await popup.setViewport({ width: 420, height: 600 });
      await openExtensionPage(popup, `${ORIGIN}/popup.html`, '[data-testid="popup"]');
      const listTab = await tabIdOf(popup, '*://*.gov.cn/ndbg/index.html');
      await openExtensionPage(popup, `${ORIGIN}/popup.html?tabId=${listTab}`, '[data-testid="batch-offer"]');
      await popup.click('[data-testid="batch-offer"]');
      // The tab the extension opens is not announced over BiDi; a second view of the batch follows the first through storage.
      const batch = await browser.newPage();
      await batch.setViewport({ width: 1280, height: 900 });
      await openExtensionPage(batch, `${ORIGIN}/batch.html`, '[data-testid="batch"][data-state="done"]', 120_000);
      await batch.click('[data-testid="batch-row"][data-year="2022"]');
      await until(batch, () => !!document.querySelector('[data-testid="batch-details"]'), undefined, 'the row’s findings');
      await noViolations(batch, 'batch view');
      await Promise.all([batch.close(), list.close()]);
      await popup.close().catch(() => undefined);
    }],
    ['the viewer, on a Word document and on a real PDF', async () => {
      for (const file of [DOCX, PDF]) {
        const viewer = await browser.newPage();
        await viewer.setViewport({ width: 1400, height: 900 });
        await openExtensionPage(viewer, `${ORIGIN}/viewer.html?src=${encodeURIComponent(`${base}/files/${file}`)}`, '[data-testid="finding"]', 90_000);
        await viewer.evaluate(() => (document.querySelector('[data-testid="finding"]') as HTMLElement).click());
        await new Promise((done) => setTimeout(done, 500));
        await noViolations(viewer, `viewer (${file})`);
        await viewer.close();
      }
    }],
  ];
  const failed = await runCases('accessibility (Firefox)', cases);
  await browser.close();
  await server.close();
  return failed;
}

runSuite('accessibility (Firefox)', main);
