/**
 * Small faults seen on real pages (issue 23, item 6) in Firefox ESR, the counterpart of
 * faults.chromium.ts: a wide table in a sideways-scrolling box, in a window the sidebar narrowed,
 * keeps its marks and labels inside what the page shows; a selected 误报's tooltip is opaque; the
 * viewer's label says 应为 and leaves the marked number readable. Screenshots in test/e2e/out/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Page } from 'puppeteer-core';
import { DOCX, faultPages, marksWithinView, NARROWED, PDF, scrollBoxes, selectedTip, viewerLabel } from './faults';
import { openExtensionPage } from './firefox-page';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { launchFirefox } from './launch';
import { serve } from './server';
import { readTags } from './workspace-page';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-faults.gov.cn';
const UUID = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
const ORIGIN = `moz-extension://${UUID}`;

type ExtensionApi = { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };

async function main(): Promise<number> {
  const server = await serve(faultPages());
  const base = `http://${HOST}:${server.port}`;
  const browser = await launchFirefox({ uuid: UUID });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  let page: Page;

  const cases: Case[] = [
    ['a wide table scrolling sideways in a window the sidebar narrowed: marks and labels stay inside what the page shows', async () => {
      page = await browser.newPage();
      await page.setViewport(NARROWED);
      await page.goto(`${base}/wide.html`);
      await poll(() => page.evaluate(readTags), (tags) => tags.length > 0, 'marks', 30_000);
      check((await page.evaluate(scrollBoxes, false)) > 0, 'the tables scroll sideways');
      await page.evaluate(() => document.querySelector('td[data-cell="applications/1/total"]')?.scrollIntoView({ block: 'center', inline: 'nearest' }));
      await page.evaluate(scrollBoxes, false);
      const start = await poll(() => page.evaluate(marksWithinView), (r) => r.outside.length === 0, 'marks inside the boxes, scrolled to the start', 3000)
        .catch(async () => page.evaluate(marksWithinView));
      check(start.outside.length === 0, `at the start: ${start.outside.slice(0, 4).join('; ')}`);
      await page.screenshot({ path: join(OUT, 'faults-firefox-wide-start.png') });
      await page.evaluate(scrollBoxes, true);
      const end = await poll(() => page.evaluate(marksWithinView), (r) => r.marks >= 20, 'the 总计 marks once scrolled to them');
      check(end.outside.length === 0, `at the end: ${end.outside.slice(0, 4).join('; ')}`);
      check(end.labelsRight <= end.windowRight, `labels inside the window: ${end.labelsRight} > ${end.windowRight}`);
      await page.screenshot({ path: join(OUT, 'faults-firefox-wide-end.png') });
    }],
    ['a selected 误报: its tooltip is opaque over the marks below', async () => {
      const panel = await browser.newPage();
      await panel.setViewport({ width: 360, height: 900 });
      await openExtensionPage(panel, `${ORIGIN}/popup.html`, '[data-testid="popup"]');
      const tabId = await panel.evaluate(async () => {
        const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
        return (await api.tabs.query({ url: '*://*.gov.cn/wide.html' }))[0]?.id ?? -1;
      });
      check(tabId > 0, 'the report tab');
      await openExtensionPage(panel, `${ORIGIN}/sidepanel.html?tabId=${tabId}`, '[data-testid="finding"][data-place="applications|1|total"]');
      const clicked = await panel.evaluate(() => {
        const button = document.querySelector<HTMLElement>('[data-testid="finding"][data-place="applications|1|total"]');
        // Its cause's group (「总计」列整列空白) is folded: open it.
        const group = button?.closest('details');
        if (group) group.open = true;
        button?.click();
        return !!button;
      });
      check(clicked, 'the finding on row 一’s 总计');
      await poll(() => panel.evaluate(() => !!document.querySelector('li.item.active [data-testid="review-false-positive"]')), Boolean, 'its review buttons');
      await panel.click('li.item.active [data-testid="review-false-positive"]');
      const tip = await poll(() => page.evaluate(selectedTip), (t) => t?.review === 'false-positive', 'the selected mark reviewed as 误报', 20_000);
      equal(tip!.opacity, 1, `the tooltip's opacity (${tip!.text.slice(0, 40)})`);
      check(/^rgb\(/.test(tip!.background), `an opaque background: ${tip!.background}`);
      await page.bringToFront();
      await page.screenshot({ path: join(OUT, 'faults-firefox-false-positive-tip.png') });
      await panel.close();
    }],
    ['the viewer: the label of a wrong number says 应为 and covers none of it (Word and PDF)', async () => {
      for (const file of [DOCX, PDF]) {
        const viewer = await browser.newPage();
        await viewer.setViewport({ width: 1400, height: 900 });
        await openExtensionPage(viewer, `${ORIGIN}/viewer.html?src=${encodeURIComponent(`${base}/files/${file}`)}`, '[data-testid="finding"]', 90_000);
        const clicked = await viewer.evaluate(() => {
          const finding = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="finding"]')).find((f) => f.textContent?.includes('应为'));
          finding?.click();
          return !!finding;
        });
        check(clicked, `${file}: a finding with 应为`);
        const label = await poll(() => viewer.evaluate(viewerLabel), (l) => l !== null && l.text !== '', `${file}: the selected mark over its number`, 20_000);
        check(/^应为 \d/.test(label!.tag), `${file}: the label says 应为: “${label!.tag}”`);
        equal(label!.covered, [], `${file}: text under the label (marked “${label!.text}”)`);
        await viewer.screenshot({ path: join(OUT, `faults-firefox-viewer-${file.endsWith('.pdf') ? 'pdf' : 'docx'}.png`) });
        await viewer.close();
      }
    }],
  ];
  const failed = await runCases('faults seen on real pages (Firefox)', cases);
  await browser.close();
  await server.close();
  return failed;
}

runSuite('faults seen on real pages (Firefox)', main);
