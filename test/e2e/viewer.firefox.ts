/**
 * The document viewer end to end in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi): a
 * report page that only links its PDF → popup → 审核附件 → the viewer marks the wrong cell; a PDF
 * shown by Firefox's own reader → popup → open in the viewer; a web page saved as .doc; bad input.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Page } from 'puppeteer-core';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { serve } from './server';
import { buildViewerPages, PDF_TITLE } from './viewer-pages';
import { readViewerMarks, settledSelectedMark, viewerState } from './viewer-probe';
import { launchFirefox } from './launch';
import { newExtensionPage as extensionPage } from './firefox-page';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-test.gov.cn';
const UUID = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a00';
const ORIGIN = `moz-extension://${UUID}`;

type ExtensionApi = { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };

async function tabIdOf(extensionPage: Page, pattern: string): Promise<number> {
  return extensionPage.evaluate(async (match) => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const [tab] = await api.tabs.query({ url: match });
    return tab?.id ?? -1;
  }, pattern);
}

async function settled(viewer: Page, timeoutMs = 30_000) {
  return poll(() => viewer.evaluate(viewerState), (s) => s.phase === 'ready' || s.phase === 'failed', 'viewer settled', timeoutMs);
}

/**
 * The viewer tab the popup opened, found through the extension API (BiDi does not report the URL of
 * a tab an extension opens), then shown in a page this test drives at the same address.
 */
async function viewerTab(browser: Browser, home: Page, src: string): Promise<Page> {
  const url = `${ORIGIN}/viewer.html?src=${encodeURIComponent(src)}`;
  const id = await poll(() => tabIdOf(home, `${ORIGIN}/viewer.html*`), (n) => n > 0, 'viewer tab opened by the popup', 20_000);
  const opened = await home.evaluate(async (tabId) => {
    const api = (globalThis as unknown as { browser: { tabs: { get(id: number): Promise<{ url: string }>; remove(id: number): Promise<void> } } }).browser;
    const tab = await api.tabs.get(tabId);
    await api.tabs.remove(tabId);
    return tab.url;
  }, id);
  // A report page that states its 发布日期 hands it on with the file (lib/facts/published.ts: the site's date wins).
  equal(opened.replace(/&date=\d{4}-\d{2}-\d{2}&dateSource=[a-z-]+$/, ''), url, 'viewer tab address');
  return extensionPage(browser, opened, '[data-testid="viewer"]');
}

/**
 * Select the finding about the wrong total in the list: the viewer scrolls to its cell, whose mark
 * must sit on the text-layer span of the wrong value, with 应为/实为 in its tooltip.
 */
async function checkWrongCell(viewer: Page, wrong: number, right: number, shot: string): Promise<void> {
  equal((await viewer.evaluate(viewerState)).phase, 'ready', 'viewer ready');
  const index = await viewer.evaluate((text) => Array.from(document.querySelectorAll('[data-testid="finding"]')).findIndex((f) => f.textContent?.includes(text)), `实为 ${wrong}`);
  check(index >= 0, 'the finding about the wrong total is listed');
  await selectFinding(viewer, index);
  const marks = await poll(() => viewer.evaluate(readViewerMarks), // The marks follow the scroll on the next frame: wait for them to settle on the cell (or time out with what they cover).
    (m) => m.some((x) => x.classes.includes('selected') && x.text === String(wrong)), 'selected mark over the wrong value', 20_000);
  const selected = marks.filter((m) => m.classes.includes('selected'));
  equal(selected.map((m) => [m.severity, m.text]), [['error', String(wrong)]], 'the selected mark covers the wrong value');
  check(new RegExp(`应为[^，]*? ${right}，实为 ${wrong}`).test(selected[0]!.tip), `tooltip: ${selected[0]!.tip}`);
  check(marks.filter((m) => m.related && m.page === selected[0]!.page).length >= 2, 'related cells outlined');
  await viewer.screenshot({ path: join(OUT, shot) });
}

async function selectFinding(viewer: Page, index: number): Promise<void> {
  const items = await viewer.$$('[data-testid="finding"]');
  await items[index]!.click();
}

/** Error marks of a real PDF, each with the text under it, once every marked page is drawn. */
async function errorMarks(viewer: Page): Promise<{ text: string; tip: string }[]> {
  const errors = await viewer.evaluate(() => Array.from(document.querySelectorAll('[data-testid="finding"]'))
    .map((item, i) => (item.querySelector('[data-testid="badge-error"]') ? i : -1)).filter((i) => i >= 0));
  const out: { text: string; tip: string }[] = [];
  for (const index of errors) {
    await selectFinding(viewer, index);
    const mark = await settledSelectedMark(() => viewer.evaluate(readViewerMarks), `mark of finding ${index}`);
    out.push({ text: mark.text, tip: mark.tip });
  }
  return out;
}

async function main(): Promise<number> {
  const fixtures = await buildViewerPages();
  const server = await serve(fixtures.pages);
  const base = `http://${HOST}:${server.port}`;
  const browser = await launchFirefox({ uuid: UUID, prefs: { 'pdfjs.disabled': false } });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  // An extension page to ask the extension API from (not a viewer: viewer tabs are looked up and closed).
  const home = await extensionPage(browser, `${ORIGIN}/popup.html`, '[data-testid="popup"]');
  const openViewer = (src: string) => extensionPage(browser, `${ORIGIN}/viewer.html?src=${encodeURIComponent(src)}`, '[data-testid="viewer"]');

  const cases: Case[] = [
    ['offers 审核附件 on a report page that links its PDF among the site\'s navigation and footer links, and the viewer marks the wrong cell', async () => {
      const page = await browser.newPage();
      await page.goto(`${base}/nb2020.html`);
      const tabId = await poll(() => tabIdOf(home, '*://*.gov.cn/nb2020.html'), (n) => n > 0, 'report tab');
      const popup = await extensionPage(browser, `${ORIGIN}/popup.html?tabId=${tabId}`, '[data-testid="attachment-offer"]', 420, 600);
      const text = await popup.evaluate(() => document.querySelector('[data-testid="attachment-offer"]')?.textContent ?? '');
      check(text.includes('报告在附件中'), `offer: ${text}`);
      equal(await popup.evaluate(() => Array.from(document.querySelectorAll('[data-testid="audit-attachment"]')).map((b) => b.getAttribute('data-url'))),
        [`${base}/files/nb2020.pdf`], 'the PDF offered, not the site\'s links');
      await popup.screenshot({ path: join(OUT, 'firefox-popup-attachment.png') });
      await popup.click('[data-testid="audit-attachment"]');
      const viewer = await viewerTab(browser, home, `${base}/files/nb2020.pdf`);
      const state = await settled(viewer);
      equal(state.problem, '', 'no problem');
      equal(await viewer.evaluate(() => document.querySelector('[data-testid="title"]')?.textContent?.normalize('NFKC')), PDF_TITLE, 'title read from the PDF');
      await checkWrongCell(viewer, fixtures.wrong, fixtures.right, 'firefox-viewer.png');
      await viewer.close();
      await page.close();
    }],
    ['offers to open a PDF shown by Firefox\'s own reader in the viewer', async () => {
      const page = await browser.newPage();
      page.goto(`${base}/files/nb2020.pdf`).catch(() => undefined); // the built-in reader may never report load over BiDi
      const tabId = await poll(() => tabIdOf(home, '*://*.gov.cn/files/nb2020.pdf'), (n) => n > 0, 'pdf tab', 20_000);
      const popup = await extensionPage(browser, `${ORIGIN}/popup.html?tabId=${tabId}`, '[data-testid="open-in-viewer"]', 420, 600);
      await popup.click('[data-testid="open-in-viewer"]');
      const viewer = await viewerTab(browser, home, `${base}/files/nb2020.pdf`);
      await settled(viewer);
      await checkWrongCell(viewer, fixtures.wrong, fixtures.right, 'firefox-viewer-direct.png');
      await viewer.close();
      await page.close().catch(() => undefined);
    }],
    ['reads a web page saved under a .doc name and marks its cell', async () => {
      const viewer = await openViewer(`${base}/files/saved-page.doc`);
      await settled(viewer);
      equal(await viewer.evaluate(() => document.querySelector('[data-testid="doc-kind"]')?.textContent), 'HTML', 'sniffed as HTML');
      await checkWrongCell(viewer, fixtures.wrong, fixtures.right, 'firefox-viewer-doc.png');
      await viewer.close();
    }],
    ['reads a .docx made by LibreOffice Writer and marks its injected row total', async () => {
      const viewer = await openViewer(`${base}/files/blanks-error.docx`);
      await settled(viewer);
      await checkWrongCell(viewer, fixtures.docx.wrong, fixtures.docx.right, 'firefox-viewer-docx.png');
      await viewer.close();
    }],
    ['marks exactly the findings of the three real PDFs (MANIFEST.md)', async () => {
      const hongze = await openViewer(`${base}/real/hongze-district-huaian-2023.pdf`);
      equal((await settled(hongze)).phase, 'ready', 'hongze 2023');
      equal(await hongze.evaluate(() => document.querySelectorAll('[data-testid="finding"][data-rule="appeals.total"]').length), 2, 'two appeals.total findings');
      const marks = await errorMarks(hongze);
      equal(marks.map((m) => m.text), ['0', '0'], 'the two wrong totals read 0 under their marks');
      check(marks.some((m) => m.tip.includes('应为 11，实为 0')) && marks.some((m) => m.tip.includes('应为 5，实为 0')), `tooltips ${JSON.stringify(marks)}`);
      await hongze.screenshot({ path: join(OUT, 'firefox-viewer-hongze-2023.png') });
      await hongze.close();
      for (const file of ['hongze-district-huaian-2024.pdf', 'huaian-city-2024.pdf']) {
        const viewer = await openViewer(`${base}/real/${file}`);
        equal((await settled(viewer)).phase, 'ready', file);
        const ms = await viewer.evaluate(() => document.querySelector('[data-testid="pages"]')?.getAttribute('data-audit-ms'));
        console.log(`    (${file}: opened, read, audited and marked in ${ms} ms)`);
        equal(await viewer.evaluate(() => document.querySelectorAll('[data-testid="finding"] [data-testid="badge-error"]').length), 0, `${file}: no errors`);
        await viewer.close();
      }
    }],
    ['draws only the pages near the viewport of a 300-page PDF', async () => {
      const viewer = await openViewer(`${base}/files/long.pdf`);
      const state = await settled(viewer, 90_000);
      equal(state.phase, 'ready', `long PDF: ${state.problem}`);
      await viewer.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
      const drawn = await poll(() => viewer.evaluate(viewerState), (s) => s.drawn > 0, 'pages drawn mid-document');
      check(drawn.drawn <= 6, `pages holding a canvas: ${drawn.drawn}`);
      console.log(`    (${drawn.pages} pages laid out, ${drawn.drawn} holding a canvas mid-document)`);
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
  ];
  const failed = await runCases('firefox viewer', cases);
  await browser.close();
  await server.close();
  return failed;
}

runSuite('firefox viewer', main);
