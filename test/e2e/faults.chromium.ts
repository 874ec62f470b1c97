/**
 * Small faults seen on real pages (issue 23, item 6), in the built Chromium extension: with the side
 * panel's width taken from the window, a wide table in a sideways-scrolling box keeps its marks and
 * their labels inside what the page shows; a selected 误报's tooltip is opaque over the marks below;
 * the viewer's label says 应为 and leaves the marked number readable. Screenshots in test/e2e/out/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { DOCX, faultPages, marksWithinView, NARROWED, PDF, scrollBoxes, selectedTip, viewerLabel } from './faults';
import { launchChromium, tabIdOf } from './launch';
import { serve } from './server';
import { readTags } from './workspace-page';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-faults.gov.cn';

async function main(): Promise<number> {
  const server = await serve(faultPages());
  const base = `http://${HOST}:${server.port}`;
  const { context, worker, id } = await launchChromium({ extension: resolve('.output/chrome-mv3'), hosts: [HOST], viewport: NARROWED });
  let page: Page;

  const cases: Case[] = [
    ['a wide table scrolling sideways in a window the side panel narrowed: marks and labels stay inside what the page shows', async () => {
      page = await context.newPage();
      await page.goto(`${base}/wide.html`);
      await poll(() => page.evaluate(readTags), (tags) => tags.length > 0, 'marks');
      check((await page.evaluate(scrollBoxes, false)) > 0, 'the tables scroll sideways');
      await page.locator('td[data-cell="applications/1/total"]').evaluate((cell) => cell.scrollIntoView({ block: 'center', inline: 'nearest' }));
      await page.evaluate(scrollBoxes, false);
      const start = await poll(() => page.evaluate(marksWithinView), (r) => r.outside.length === 0, 'marks inside the boxes, scrolled to the start', 3000)
        .catch(async () => page.evaluate(marksWithinView));
      check(start.outside.length === 0, `at the start: ${start.outside.slice(0, 4).join('; ')}`);
      await page.screenshot({ path: join(OUT, 'faults-chromium-wide-start.png') });
      await page.evaluate(scrollBoxes, true);
      // The 总计 column, at the boxes' right edge now: its 22 marks drawn, their labels inside the corner.
      const end = await poll(() => page.evaluate(marksWithinView), (r) => r.marks >= 20, 'the 总计 marks once scrolled to them');
      check(end.outside.length === 0, `at the end: ${end.outside.slice(0, 4).join('; ')}`);
      check(end.labelsRight <= end.windowRight, `labels inside the window: ${end.labelsRight} > ${end.windowRight}`);
      await page.screenshot({ path: join(OUT, 'faults-chromium-wide-end.png') });
    }],
    ['a selected 误报: its tooltip is opaque over the marks below', async () => {
      const tabId = await tabIdOf(worker, `${base}/wide.html`);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 420, height: 700 });
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
      const finding = popup.locator('[data-testid="finding"][data-place="applications|1|total"]');
      await finding.first().waitFor({ state: 'attached' });
      // Its cause's group (「总计」列整列空白) is folded: open it.
      await finding.first().evaluate((button) => { const group = button.closest('details'); if (group) group.open = true; });
      await finding.first().click();
      await popup.locator('li.item.active [data-testid="review-false-positive"]').click();
      const tip = await poll(() => page.evaluate(selectedTip), (t) => t?.review === 'false-positive', 'the selected mark reviewed as 误报');
      equal(tip!.opacity, 1, `the tooltip's opacity (${tip!.text.slice(0, 40)})`);
      check(/^rgb\(/.test(tip!.background), `an opaque background: ${tip!.background}`);
      await page.bringToFront();
      await page.screenshot({ path: join(OUT, 'faults-chromium-false-positive-tip.png') });
      await popup.close();
    }],
    ['the viewer: the label of a wrong number says 应为 and covers none of it (Word and PDF)', async () => {
      for (const file of [DOCX, PDF]) {
        const viewer = await context.newPage();
        await viewer.setViewportSize({ width: 1400, height: 900 });
        await viewer.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`${base}/files/${file}`)}`);
        await viewer.waitForSelector('[data-testid="finding"]', { timeout: 60_000 });
        await viewer.locator('[data-testid="finding"]', { hasText: '应为' }).first().click();
        const label = await poll(() => viewer.evaluate(viewerLabel), (l) => l !== null && l.text !== '', `${file}: the selected mark over its number`, 20_000);
        check(/^应为 \d/.test(label!.tag), `${file}: the label says 应为: “${label!.tag}”`);
        equal(label!.covered, [], `${file}: text under the label (marked “${label!.text}”)`);
        await viewer.screenshot({ path: join(OUT, `faults-chromium-viewer-${file.endsWith('.pdf') ? 'pdf' : 'docx'}.png`) });
        await viewer.close();
      }
    }],
  ];
  const failed = await runCases('faults seen on real pages (Chromium)', cases);
  await context.close();
  await server.close();
  return failed;
}

runSuite('faults seen on real pages (Chromium)', main);
