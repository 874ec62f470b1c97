/**
 * End to end in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi) with the Firefox build:
 * the automatic run on a *.gov.cn report (resolved to 127.0.0.1), marks on exactly the wrong cells,
 * the tooltip, the badge, the popup list, click-to-scroll, the exports read back from the download
 * folder, switching marks and language, a non-report page, hostile CSS, a z-index war and an iframe.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Page } from 'puppeteer-core';
import { hostState, readMarks, topAtTags } from './browser-page';
import { checkCellsCsv, checkFindingsCsv, checkJsonExport, checkXlsxExport, EXPORT_NAMES } from './exports';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { buildPages, WRONG_APPEALS_MARKS } from './pages';
import { serve } from './server';
import { openExtensionPage, until, downloadedIn } from './firefox-page';
import { launchFirefox } from './launch';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const DOWNLOADS = mkdtempSync(join(tmpdir(), 'nianbao-ff-downloads-'));
const HOST = 'www.nianbao-test.gov.cn';
const UUID = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a00';
const POPUP = `moz-extension://${UUID}/popup.html`;

/** The extension API as seen from the popup page (evaluated there, not here). */
type ExtensionApi = {
  tabs: { query(q: object): Promise<{ id: number; url: string }[]> };
  browserAction: { getBadgeText(d: { tabId: number }): Promise<string>; getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]> };
};

const cellsOf = async (page: Page) => (await page.evaluate(readMarks)).filter((m) => !m.related).map((m) => m.cell).sort();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tabIdOf(extensionPage: Page, pattern: string): Promise<number> {
  const id = await extensionPage.evaluate(async (match) => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const [tab] = await api.tabs.query({ url: match });
    return tab?.id ?? -1;
  }, pattern);
  check(id > 0, `tab for ${pattern}`);
  return id;
}

const downloaded = (name: string) => downloadedIn(DOWNLOADS, name);

async function main(): Promise<number> {
  const server = await serve(buildPages());
  const base = `http://${HOST}:${server.port}`;
  const browser = await launchFirefox({ uuid: UUID, downloads: DOWNLOADS });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  let report: Page;
  let popup: Page;
  let reportTab = -1;

  const cases: Case[] = [
    ['runs by itself on a *.gov.cn report and marks exactly the wrong cells', async () => {
      report = await browser.newPage();
      await report.setViewport({ width: 1280, height: 900 });
      await report.goto(`${base}/report.html`);
      const cells = await poll(() => cellsOf(report), (c) => c.length >= 3 && c.every(Boolean), 'marks', 20_000);
      equal(cells, WRONG_APPEALS_MARKS, 'marked cells');
      equal((await report.evaluate(hostState)).display, 'block', 'host shown');
      await report.evaluate(() => document.querySelector('td[data-cell="appeals/reconsideration/total"]')?.scrollIntoView({ block: 'center' }));
      await poll(() => cellsOf(report), (c) => c.every(Boolean), 'marks after scroll');
      await report.screenshot({ path: join(OUT, 'firefox-page-marked.png') });
    }],
    ['shows the message with expected and actual values on hover', async () => {
      await report.waitForSelector('nianbao-audit-marks >>> .mark[data-severity="error"] .tag');
      const tags = await report.$$('nianbao-audit-marks >>> .mark[data-severity="error"] .tag');
      await tags[tags.length - 1]!.hover();
      const text = await poll(() => report.evaluate(() => {
        const tips = Array.from(document.querySelector('nianbao-audit-marks')?.shadowRoot?.querySelectorAll('.tip') ?? []);
        return tips.find((tip) => getComputedStyle(tip).visibility !== 'hidden' && getComputedStyle(tip).display !== 'none')?.textContent ?? '';
      }), (t) => t !== '', 'visible tooltip');
      check(/应为 \d+，实为 \d+/.test(text), `tooltip text: ${text}`);
      await report.screenshot({ path: join(OUT, 'firefox-tooltip.png') });
    }],
    ['lists the findings in the popup, grouped by table, in Chinese', async () => {
      popup = await browser.newPage();
      await popup.setViewport({ width: 420, height: 600 });
      await openExtensionPage(popup, POPUP, '[data-testid="popup"]');
      reportTab = await tabIdOf(popup, '*://*.gov.cn/report.html');
      await openExtensionPage(popup, `${POPUP}?tabId=${reportTab}`, '[data-testid="summary"]');
      await until(popup, () => document.querySelectorAll('[data-testid="finding"]').length === 4, null, 'four findings listed (three errors, appeals.corrected\'s info)');
      const text = (id: string) => popup.evaluate((testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '', id);
      equal(await text('agency'), '测试区人民政府', 'agency');
      check((await text('count-errors')).startsWith('3'), 'error count');
      check((await text('group-appeals-error')).includes('四、政府信息公开行政复议、行政诉讼情况'), 'group heading');
      await popup.screenshot({ path: join(OUT, 'firefox-popup.png') });
    }],
    ['puts the error count on the toolbar badge, in red', async () => {
      const state = await poll(() => popup.evaluate(async (id) => {
        const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
        return { text: await api.browserAction.getBadgeText({ tabId: id }), color: await api.browserAction.getBadgeBackgroundColor({ tabId: id }) };
      }, reportTab), (b) => b.text !== '', 'badge');
      equal(state.text, '3', 'badge text');
      equal(state.color.slice(0, 3), [217, 48, 37], 'badge colour');
    }],
    ['scrolls the page to a finding\'s cell when it is clicked, and marks its relationship', async () => {
      await report.evaluate(() => window.scrollTo(0, 0));
      await popup.click('[data-rule="appeals.total"]');
      await report.bringToFront();
      await poll(() => report.evaluate(() => window.scrollY), (y) => y > 100, 'scroll');
      const marks = await poll(() => report.evaluate(readMarks), (m) => m.some((x) => x.related) && m.every((x) => x.cell), 'related cells');
      equal(marks.filter((m) => m.related).map((m) => m.cell).sort(),
        ['appeals/reconsideration/corrected', 'appeals/reconsideration/other', 'appeals/reconsideration/pending', 'appeals/reconsideration/upheld'], 'related');
      check(marks.some((m) => m.classes.includes('selected') && m.cell === 'appeals/reconsideration/total'), 'selected mark');
      // 10 + 1 with 总计 0: only raising the 总计 fits, so it is the named culprit.
      check(marks.some((m) => m.classes.includes('suspect') && m.cell === 'appeals/reconsideration/total'), 'suspect mark');
      await report.screenshot({ path: join(OUT, 'firefox-selected.png') });
    }],
    ['exports JSON, CSV (with BOM) and XLSX that read back from the download folder', async () => {
      await popup.bringToFront();
      await popup.click('[data-testid="export-json"]');
      checkJsonExport(readFileSync(await downloaded(EXPORT_NAMES.json), 'utf8'));
      await popup.click('[data-testid="export-csv"]');
      checkCellsCsv(readFileSync(await downloaded(EXPORT_NAMES.csv), 'utf8'));
      checkFindingsCsv(readFileSync(await downloaded(EXPORT_NAMES.findingsCsv), 'utf8'));
      await popup.click('[data-testid="export-xlsx"]');
      await checkXlsxExport(await downloaded(EXPORT_NAMES.xlsx));
    }],
    ['switches marks off and on from the popup', async () => {
      await popup.click('[data-testid="marks"]');
      await poll(() => report.evaluate(hostState), (s) => !s.present, 'marks removed');
      await popup.click('[data-testid="marks"]');
      await poll(() => report.evaluate(hostState), (s) => s.present, 'marks back');
    }],
    ['speaks English when asked', async () => {
      const text = (selector: string) => popup.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
      await popup.click('[data-testid="lang"]');
      await poll(() => text('[data-testid="count-errors"]'), (t) => t.includes('errors'), 'english');
      await poll(() => text('.finding-message'), (t) => /is not a number|should be/.test(t), 'english message');
      await popup.click('[data-testid="lang"]');
      await poll(() => text('[data-testid="count-errors"]'), (t) => t.includes('错误'), 'chinese again');
    }],
    ['does nothing on a gov.cn page that is not a report, and says so in the popup', async () => {
      const news = await browser.newPage();
      await news.goto(`${base}/news.html`);
      await sleep(1500); // nothing to wait for: give the content script time to (not) act
      equal((await news.evaluate(hostState)).present, false, 'no overlay');
      const tabId = await tabIdOf(popup, '*://*.gov.cn/news.html');
      const view = await browser.newPage();
      await openExtensionPage(view, `${POPUP}?tabId=${tabId}`, '[data-testid="no-report"]');
      await view.close();
      await news.close();
    }],
    ['keeps its marks visible and right on a page with hostile CSS', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${base}/hostile.html`);
      equal(await poll(() => cellsOf(page), (c) => c.length >= 3 && c.every(Boolean), 'marks', 20_000), WRONG_APPEALS_MARKS, 'marked cells');
      equal((await page.evaluate(hostState)).display, 'block', 'host display');
      await page.screenshot({ path: join(OUT, 'firefox-hostile.png') });
      await page.close();
    }],
    ['stays on top in a z-index war', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${base}/zwars.html`);
      await poll(() => cellsOf(page), (c) => c.length >= 3 && c.every(Boolean), 'marks', 20_000);
      await poll(() => page.evaluate(() => !!document.querySelector('html > .cover')), Boolean, 'the page\'s cover');
      await page.evaluate(() => document.querySelector('td[data-cell="appeals/reconsideration/total"]')?.scrollIntoView({ block: 'center' }));
      const hits = await poll(() => page.evaluate(topAtTags), (h) => h.length >= 2 && h.every((tag) => tag === 'nianbao-audit-marks'), 'marks on top');
      check(hits.length >= 2, `labels hit-tested: ${hits.length}`);
      await page.close();
    }],
    ['finds a report inside an iframe', async () => {
      const page = await browser.newPage();
      await page.goto(`${base}/frame.html`);
      const frame = await poll(async () => page.frames().find((f) => f.url().endsWith('/report.html')) ?? null, (f) => f !== null, 'iframe', 20_000);
      const cells = await poll(async () => (await frame!.evaluate(readMarks)).filter((m) => !m.related).map((m) => m.cell).sort(),
        (c) => c.length >= 3 && c.every(Boolean), 'iframe marks', 20_000);
      equal(cells, WRONG_APPEALS_MARKS, 'iframe cells');
      await page.close();
    }],
  ];
  const failed = await runCases('firefox', cases);
  await browser.close();
  await server.close();
  return failed;
}

runSuite('firefox', main);
