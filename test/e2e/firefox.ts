/**
 * End to end in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi) with the Firefox build:
 * the automatic run on a *.gov.cn report (resolved to 127.0.0.1), the marked cells, and the popup.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { hostState, readMarks } from './browser-page';
import { check, equal, poll, runCases } from './harness';
import { buildPages, WRONG_APPEALS_MARKS } from './pages';
import { serve } from './server';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-test.gov.cn';
const UUID = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a00';

async function main(): Promise<number> {
  const server = await serve(buildPages());
  const base = `http://${HOST}:${server.port}`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'nianbao-audit@example.invalid': UUID }),
      'network.dns.forceResolve': '127.0.0.1',
      'network.proxy.type': 0,
      'browser.fixup.alternate.enabled': false,
    },
  });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  let page: Page;

  const failed = await runCases('firefox', [
    ['runs by itself on a *.gov.cn report and marks exactly the wrong cells', async () => {
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${base}/report.html`);
      const cells = await poll(async () => (await page.evaluate(readMarks)).filter((m) => !m.related).map((m) => m.cell).sort(),
        (c) => c.length >= 3 && c.every(Boolean), 'marks', 20_000);
      equal(cells, WRONG_APPEALS_MARKS, 'marked cells');
      equal((await page.evaluate(hostState)).display, 'block', 'host shown');
      await page.evaluate(() => document.querySelector('td[data-cell="appeals/reconsideration/total"]')?.scrollIntoView({ block: 'center' }));
      await new Promise((r) => setTimeout(r, 300)); // let the marks repaint after the scroll
      await page.screenshot({ path: join(OUT, 'firefox-page-marked.png') });
    }],
    ['lists the findings in the popup', async () => {
      const popup = await browser.newPage();
      popup.goto(`moz-extension://${UUID}/popup.html`).catch(() => undefined);
      await popup.waitForFunction(() => location.protocol === 'moz-extension:' && !!document.querySelector('[data-testid="popup"]'), { timeout: 20_000 });
      const tabId = await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).browser;
        const [tab] = await api.tabs.query({ url: '*://*.gov.cn/report.html' });
        return tab?.id ?? -1;
      });
      check(tabId > 0, 'report tab found');
      popup.goto(`moz-extension://${UUID}/popup.html?tabId=${tabId}`).catch(() => undefined);
      await popup.waitForFunction(() => document.querySelectorAll('[data-testid="finding"]').length === 3, { timeout: 20_000 });
      const agency = await popup.evaluate(() => document.querySelector('[data-testid="agency"]')?.textContent);
      equal(agency, '测试区人民政府', 'agency');
      await popup.setViewport({ width: 420, height: 600 });
      await popup.screenshot({ path: join(OUT, 'firefox-popup.png') });
    }],
    ['does nothing on a gov.cn page that is not a report', async () => {
      const news = await browser.newPage();
      await news.goto(`${base}/news.html`);
      await new Promise((r) => setTimeout(r, 1500)); // nothing to wait for: give the content script time to (not) act
      equal((await news.evaluate(hostState)).present, false, 'no overlay');
    }],
  ]);
  await browser.close();
  await server.close();
  return failed;
}

main().then(
  (failed) => process.exit(failed ? 1 : 0),
  (error: unknown) => {
    console.error(error);
    console.log('firefox: 0 passed, 1 failed');
    process.exit(1);
  },
);
