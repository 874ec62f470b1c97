/**
 * The document viewer end to end in Debian's Chromium: a report page that only links its PDF →
 * popup → 审核附件 → the viewer marks the wrong cell on the PDF page; a PDF opened directly in a
 * tab → popup → open in the viewer; a web page saved as .doc; and bad input (broken, truncated,
 * not a PDF, 50 MB, 300 pages, a zip bomb, issue 24's hostile corpus) each ending in a read or a clear message.
 */
import { mkdirSync } from 'node:fs';

import { join, resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { serve } from './server';
import { buildViewerPages, PDF_TITLE } from './viewer-pages';
import { hostileViewerPages, viewerClassesCase, viewerHostileCase } from './hostile-cases';
import { readViewerMarks, settledSelectedMark, viewerState } from './viewer-probe';
import { launchChromium, tabIdOf } from './launch';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-test.gov.cn';

async function settled(viewer: Page, timeoutMs = 30_000) {
  return poll(() => viewer.evaluate(viewerState), (s) => s.phase === 'ready' || s.phase === 'failed', 'viewer settled', timeoutMs);
}

/**
 * Select the finding about the wrong total in the list: the viewer scrolls to its cell, whose mark
 * must sit on the text-layer span of the wrong value, with 应为/实为 in its tooltip and the other
 * cells of the relationship outlined.
 */
async function checkWrongCell(viewer: Page, wrong: number, right: number, shot: string): Promise<void> {
  equal((await viewer.evaluate(viewerState)).phase, 'ready', 'viewer ready');
  const finding = viewer.getByTestId('finding').filter({ hasText: `实为 ${wrong}` });
  equal(await finding.count(), 1, 'one finding about the wrong total');
  await finding.click();
  const marks = await poll(() => viewer.evaluate(readViewerMarks), // The marks follow the scroll on the next frame: wait for them to settle on the cell (or time out with what they cover).
    (m) => m.some((x) => x.classes.includes('selected') && x.text === String(wrong)), 'selected mark over the wrong value', 20_000);
  const selected = marks.filter((m) => m.classes.includes('selected'));
  equal(selected.map((m) => [m.severity, m.text]), [['error', String(wrong)]], 'the selected mark covers the wrong value');
  check(new RegExp(`应为[^，]*? ${right}，实为 ${wrong}`).test(selected[0]!.tip), `tooltip: ${selected[0]!.tip}`);
  const related = marks.filter((m) => m.related && m.page === selected[0]!.page).map((m) => m.text);
  check(related.length >= 2 && related.every((t) => /^\d+$/.test(t)), `related cells outlined: ${JSON.stringify(related)}`);
  await viewer.screenshot({ path: join(OUT, shot) });
}

/** Error marks of a real PDF, each with the text under it, once every marked page is drawn. */
async function errorMarks(viewer: Page): Promise<{ text: string; tip: string }[]> {
  const rules = await viewer.locator('[data-testid="finding"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-rule')));
  const out: { text: string; tip: string }[] = [];
  for (let i = 0; i < rules.length; i += 1) {
    const item = viewer.getByTestId('finding').nth(i);
    if ((await item.locator('[data-testid="badge-error"]').count()) === 0) continue;
    await item.click();
    const mark = await settledSelectedMark(() => viewer.evaluate(readViewerMarks), `mark of finding ${i}`);
    out.push({ text: mark.text, tip: mark.tip });
  }
  return out;
}

async function main(): Promise<number> {
  const fixtures = await buildViewerPages();
  for (const [path, page] of await hostileViewerPages()) fixtures.pages.set(path, page);
  const server = await serve(fixtures.pages);
  const base = `http://${HOST}:${server.port}`;
  const { context, worker, id } = await launchChromium({ extension: resolve('.output/chrome-mv3'), hosts: [HOST], viewport: { width: 1400, height: 900 } });
  const viewerAt = (src: string) => `chrome-extension://${id}/viewer.html?src=${encodeURIComponent(src)}`;
  const openViewer = async (src: string) => {
    const page = await context.newPage();
    await page.goto(viewerAt(src));
    return page;
  };

  const cases: Case[] = [
    ['offers 审核附件 on a report page that links its PDF among the site\'s navigation and footer links, and the viewer marks the wrong cell', async () => {
      const page = await context.newPage();
      await page.goto(`${base}/nb2020.html`);
      const tabId = await tabIdOf(worker, `${base}/nb2020.html`);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 420, height: 600 });
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
      await popup.getByTestId('attachment-offer').waitFor({ timeout: 15_000 });
      check((await popup.getByTestId('attachment-offer').textContent())?.includes('报告在附件中'), 'says the report is in the attachment');
      equal(await popup.getByTestId('audit-attachment').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-url'))), [`${base}/files/nb2020.pdf`], 'the PDF offered, not the site\'s links');
      await popup.screenshot({ path: join(OUT, 'chromium-popup-attachment.png') });
      const [viewer] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('audit-attachment').click()]);
      await viewer.waitForURL(/viewer\.html/);
      const state = await settled(viewer);
      equal(state.problem, '', 'no problem');
      equal((await viewer.getByTestId('title').textContent())?.normalize('NFKC'), PDF_TITLE, 'title read from the PDF');
      await checkWrongCell(viewer, fixtures.wrong, fixtures.right, 'chromium-viewer.png');
      await viewer.close();
    }],
    ['offers to open a PDF shown in the tab itself in the viewer', async () => {
      const page = await context.newPage();
      await page.goto(`${base}/files/nb2020.pdf`).catch(() => undefined); // the browser's PDF reader may never report load
      const tabId = await poll(() => tabIdOf(worker, `${base}/files/nb2020.pdf`).catch(() => -1), (n) => n > 0, 'pdf tab');
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
      await popup.getByTestId('open-in-viewer').waitFor({ timeout: 15_000 });
      const [viewer] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('open-in-viewer').click()]);
      await viewer.waitForURL(/viewer\.html/);
      await settled(viewer);
      await checkWrongCell(viewer, fixtures.wrong, fixtures.right, 'chromium-viewer-direct.png');
      await viewer.close();
      await page.close();
    }],
    ['reads a web page saved under a .doc name and marks its cell', async () => {
      const viewer = await openViewer(`${base}/files/saved-page.doc`);
      await settled(viewer);
      equal(await viewer.getByTestId('doc-kind').textContent(), 'HTML', 'sniffed as HTML');
      await checkWrongCell(viewer, fixtures.wrong, fixtures.right, 'chromium-viewer-doc.png');
      await viewer.close();
    }],
    ['reads a .docx made by LibreOffice Writer and marks its injected row total', async () => {
      const viewer = await openViewer(`${base}/files/blanks-error.docx`);
      await settled(viewer);
      await checkWrongCell(viewer, fixtures.docx.wrong, fixtures.docx.right, 'chromium-viewer-docx.png');
      await viewer.close();
    }],
    ['marks exactly the findings of the three real PDFs (MANIFEST.md)', async () => {
      const hongze = await openViewer(`${base}/real/hongze-district-huaian-2023.pdf`);
      equal((await settled(hongze)).phase, 'ready', 'hongze 2023');
      equal(await hongze.locator('[data-testid="finding"][data-rule="appeals.total"]').count(), 2, 'two appeals.total findings');
      const marks = await errorMarks(hongze);
      equal(marks.map((m) => m.text), ['0', '0'], 'the two wrong totals read 0 under their marks');
      check(marks.some((m) => m.tip.includes('应为 11，实为 0')) && marks.some((m) => m.tip.includes('应为 5，实为 0')), `tooltips ${JSON.stringify(marks)}`);
      await hongze.screenshot({ path: join(OUT, 'chromium-viewer-hongze-2023.png') });
      await hongze.close();
      for (const file of ['hongze-district-huaian-2024.pdf', 'huaian-city-2024.pdf']) {
        const viewer = await openViewer(`${base}/real/${file}`);
        equal((await settled(viewer)).phase, 'ready', file);
        const ms = await viewer.evaluate(() => document.querySelector('[data-testid="pages"]')?.getAttribute('data-audit-ms'));
        console.log(`    (${file}: opened, read, audited and marked in ${ms} ms)`);
        equal(await viewer.locator('[data-testid="finding"] [data-testid="badge-error"]').count(), 0, `${file}: no errors`);
        await viewer.close();
      }
    }],
    ['draws only the pages near the viewport of a 300-page PDF', async () => {
      const viewer = await openViewer(`${base}/files/long.pdf`);
      const state = await settled(viewer, 60_000);
      equal(state.phase, 'ready', `long PDF: ${state.problem}`);
      equal(state.pages, 306, 'page placeholders');
      await viewer.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
      const drawn = await poll(() => viewer.evaluate(viewerState), (s) => s.drawn > 0, 'pages drawn mid-document');
      check(drawn.drawn <= 6, `pages holding a canvas: ${drawn.drawn}`);
      console.log(`    (${drawn.pages} pages laid out, ${drawn.drawn} holding a canvas mid-document)`);
      // Still responsive: a round trip to the page is quick while pages are being drawn.
      const started = Date.now();
      await viewer.evaluate(() => document.title);
      check(Date.now() - started < 1000, 'page responsive');
      await viewer.close();
    }],
    ['reads a 50 MB PDF', async () => {
      const viewer = await openViewer(`${base}/files/big.pdf`);
      const state = await settled(viewer, 90_000);
      equal(state.phase, 'ready', `big PDF: ${state.problem}`);
      check(state.findings >= 1, 'findings listed');
      await viewer.close();
    }],
    ['recovers a PDF whose cross-reference offset is broken', async () => {
      const viewer = await openViewer(`${base}/files/broken-xref.pdf`);
      const state = await settled(viewer);
      equal(state.phase, 'ready', `broken xref: ${state.problem}`);
      await viewer.close();
    }],
    ['says clearly when a PDF is encrypted or truncated, or a .docx a zip bomb', async () => {
      for (const [file, words] of [['encrypted.pdf', /已加密/], ['truncated.pdf', /损坏|无法/], ['bomb.docx', /压缩炸弹/]] as const) {
        const viewer = await openViewer(`${base}/files/${file}`);
        const state = await settled(viewer);
        equal(state.phase, 'failed', `${file} phase`);
        check(words.test(state.problem), `${file}: ${state.problem}`);
        await viewer.close();
      }
    }],
    ['says a .pdf whose bytes are no PDF at all is not a PDF (never a text dump of its bytes)', async () => {
      const viewer = await openViewer(`${base}/files/not-a-pdf.pdf`);
      const state = await settled(viewer);
      equal([state.phase, state.problem], ['failed', '不是 PDF 文件'], 'not a PDF');
      await viewer.close();
    }],
    viewerHostileCase(openViewer, base),
    viewerClassesCase(openViewer, base),
    ['asks for access at a click before reading a file on another host', async () => {
      const viewer = await openViewer(`http://127.0.0.1:${server.port}/files/nb2020.pdf`);
      await viewer.getByTestId('grant').waitFor();
      check((await viewer.getByTestId('grant').textContent())?.includes('127.0.0.1'), 'names the host');
      await viewer.close();
    }],
  ];
  const failed = await runCases('chromium viewer', cases);
  await context.close();
  await server.close();
  return failed;
}

runSuite('chromium viewer', main);
