/**
 * One answer in both browsers (issue 18): Chromium and Firefox ESR, each with its own build, open the
 * same e2e pages and must show the same findings, marks and offers — including a real-shaped report
 * page holding iframes (a share widget from the same site, a video player from 127.0.0.1 the extension
 * may not script, an empty frame), where the popup and the side panel are opened, closed and opened
 * again with the auditor's marks and state still on the page afterwards, and a report page that links
 * its PDF among the site's navigation and footer links (审核附件 in both browsers).
 *
 * The popup and the side panel are opened as extension pages in a tab for the report's tab
 * (`?tabId=`), as in the other suites: they ask the background for the tab's frames exactly as when
 * the toolbar opens them (the background injects the auditor where it is missing, then they talk to
 * the frame holding the report).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame as PwFrame, Page as PwPage } from 'playwright-core';
import type { Browser as PpBrowser, Frame as PpFrame, Page as PpPage } from 'puppeteer-core';
import { batchSite } from '../support/batch-site';
import { readMarks, type MarkInfo } from './browser-page';
import { newExtensionPage, until } from './firefox-page';
import { check, closingLine, equal, poll, runCases, runSuite, type Case, type Tally } from './harness';
import { launchChromium, launchFirefox, tabIdOf as chromiumTabId } from './launch';
import { ATTACHMENT_PAGE, ATTACHMENT_PDF, buildPages, portPages, WRONG_APPEALS_MARKS } from './pages';
import { popupSettled, readPopup, type PopupReading } from './popup-probe';
import { serve, type Page as Served } from './server';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-test.gov.cn';
const UUID = '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a03';

/** A tab, whichever browser drives it. */
interface Tab {
  evaluate<A, T>(probe: (arg: A) => T, arg: A): Promise<T>;
  /** The probe in every frame of the tab that can be read, by the frame's path. */
  inFrames<T>(probe: () => T): Promise<{ path: string; value: T }[]>;
  screenshot(path: string): Promise<void>;
  front(): Promise<void>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

interface Driver {
  name: 'chromium' | 'firefox';
  open(url: string): Promise<Tab>;
  /** An extension page (path and query), once its app has settled on what it shows. */
  extension(path: string, width: number, height: number): Promise<Tab>;
  tabId(url: string): Promise<number>;
  close(): Promise<void>;
}

const pathOf = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.host.startsWith('127.0.0.1') ? '127.0.0.1' : ''}${u.pathname}`;
  } catch {
    return url;
  }
};

async function framesOf<F extends { url(): string; evaluate<T>(probe: () => T): Promise<T> }>(frames: F[], probe: () => unknown) {
  const out: { path: string; value: unknown }[] = [];
  for (const frame of frames) {
    const value = await frame.evaluate(probe).catch(() => undefined);
    if (value !== undefined) out.push({ path: pathOf(frame.url()), value });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

async function chromiumDriver(): Promise<Driver> {
  const { context, worker, id } = await launchChromium({ extension: resolve('.output/chrome-mv3'), hosts: [HOST] });
  const tab = (page: PwPage): Tab => ({
    evaluate: (probe, arg) => page.evaluate(probe as never, arg) as never,
    inFrames: (probe) => framesOf(page.frames() as PwFrame[], probe) as never,
    screenshot: async (path) => void (await page.screenshot({ path })),
    front: () => page.bringToFront(),
    click: (selector) => page.locator(selector).first().click(),
    close: () => page.close(),
  });
  return {
    name: 'chromium',
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return tab(page);
    },
    async extension(path, width, height) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`chrome-extension://${id}/${path}`);
      await page.waitForFunction(popupSettled, undefined, { timeout: 30_000 });
      return tab(page);
    },
    tabId: (url) => chromiumTabId(worker, url),
    close: () => context.close(),
  };
}

async function firefoxDriver(): Promise<Driver> {
  const browser: PpBrowser = await launchFirefox({ uuid: UUID });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  const origin = `moz-extension://${UUID}`;
  // An extension page to ask the extension API from.
  const home = await newExtensionPage(browser, `${origin}/popup.html`, '[data-testid="popup"]');
  const tab = (page: PpPage): Tab => ({
    evaluate: (probe, arg) => page.evaluate(probe as never, arg) as never,
    inFrames: (probe) => framesOf(page.frames() as PpFrame[], probe) as never,
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    front: async () => void (await page.bringToFront()),
    click: (selector) => page.click(selector),
    close: () => page.close(),
  });
  return {
    name: 'firefox',
    async open(url) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(url);
      return tab(page);
    },
    async extension(path, width, height) {
      const page = await newExtensionPage(browser, `${origin}/${path}`, '[data-testid="popup"]', width, height);
      await until(page, popupSettled, null, `${path} settled`);
      return tab(page);
    },
    async tabId(url) {
      const id = await home.evaluate(async (target) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }).browser;
        return (await api.tabs.query({})).find((t) => t.url === target)?.id ?? -1;
      }, url);
      check(id > 0, `tab at ${url}`);
      return id;
    },
    close: () => browser.close(),
  };
}

/** What a browser shows for one page: the popup's reading, and the marks in each frame. */
interface Shown {
  popup: PopupReading;
  marks: { path: string; value: (string | null)[] }[];
}

/** The cells marked as findings (not the related ones), from readMarks' output. */
const own = (marks: MarkInfo[]) => marks.filter((m) => !m.related).map((m) => m.cell).sort();
const ownInFrames = async (tab: Tab) => (await tab.inFrames(readMarks)).map(({ path, value }) => ({ path, value: own(value as MarkInfo[]) }));

async function show(driver: Driver, url: string): Promise<Shown> {
  const page = await driver.open(url);
  const tabId = await driver.tabId(url);
  const popup = await driver.extension(`popup.html?tabId=${tabId}`, 420, 600);
  const reading = await popup.evaluate(readPopup, null);
  await popup.close();
  // The popup has run the auditor where it was missing; the marks are drawn by the frame's auditor.
  const marks = reading.view === 'report'
    ? await poll(() => ownInFrames(page), (frames) => frames.some((f) => f.value.length > 0) || !/^[1-9]/.test(reading.counts), `marks on ${url}`)
    : await ownInFrames(page);
  await page.close();
  return { popup: reading, marks: marks.filter((f) => f.value.length > 0) };
}

/**
 * Popup, then side panel, twice over, on the page with iframes: each opens on the report with its
 * three findings, the finding clicked in the first popup is still the active one, and the marks
 * (with the selection) stay on the page throughout.
 */
async function survives(driver: Driver, base: string): Promise<void> {
  const url = `${base}/iframes.html`;
  const page = await driver.open(url);
  const mainMarks = async () => own(await page.evaluate(readMarks, null));
  equal(await poll(mainMarks, (c) => c.length >= 3 && c.every(Boolean), 'marks before any popup', 20_000), WRONG_APPEALS_MARKS, 'marks before');
  const tabId = await driver.tabId(url);
  let clicked: string | null = null;
  for (const round of [1, 2]) {
    for (const kind of ['popup', 'sidepanel'] as const) {
      const view = await driver.extension(`${kind}.html?tabId=${tabId}&round=${round}`, kind === 'popup' ? 420 : 360, 600);
      const reading = await view.evaluate(readPopup, null);
      equal(reading.view, 'report', `${kind} (round ${round}) shows the report`);
      // The three wrong totals and appeals.corrected's info (结果纠正 1 in 行政复议).
      equal(reading.findings.length, 4, `${kind} (round ${round}) findings`);
      if (clicked === null) {
        await view.click('[data-testid="finding"][data-rule="appeals.total"]');
        clicked = await poll(() => view.evaluate(readPopup, null).then((r) => r.active), (a) => a !== null, 'the clicked finding active');
      } else {
        equal(reading.active, clicked, `${kind} (round ${round}) opens on the finding clicked before: the auditor kept its state`);
      }
      if (round === 2) await view.screenshot(join(OUT, `same-${driver.name}-iframes-${kind}.png`));
      await view.close();
      equal(await mainMarks(), WRONG_APPEALS_MARKS, `marks after the ${kind} closed (round ${round})`);
      const selected = (await page.evaluate(readMarks, null)).filter((m) => m.classes.includes('selected')).map((m) => m.cell);
      equal(selected, ['appeals/reconsideration/total'], `the selection is still on the page after the ${kind} (round ${round})`);
    }
  }
  // The frames that hold no report kept no marks and no error: the share widget and the video.
  const frames = await ownInFrames(page);
  equal(frames.filter((f) => f.value.length > 0).map((f) => f.path), ['/iframes.html'], 'marks only in the report frame');
  await page.front();
  await page.evaluate(() => document.querySelector('td[data-cell="appeals/reconsideration/total"]')?.scrollIntoView({ block: 'center' }), null);
  await new Promise((r) => setTimeout(r, 300)); // the marks repaint on the next frame after the scroll
  await page.screenshot(join(OUT, `same-${driver.name}-iframes.png`));
  await page.close();
}

const PAGES = ['/report.html', '/clean.html', '/news.html', '/extra.html', '/hostile.html', '/frame.html', '/iframes.html', ATTACHMENT_PAGE, '/ndbg/index.html'];

async function main(): Promise<number> {
  const pages = new Map<string, Served>([...buildPages(), ...batchSite()]);
  const server = await serve(pages);
  for (const [path, page] of portPages(server.port)) pages.set(path, page);
  const base = `http://${HOST}:${server.port}`;
  const shown: Record<string, Record<string, Shown>> = {};
  const tally: Tally = { passed: 0, failed: 0 };

  for (const make of [chromiumDriver, firefoxDriver]) {
    const driver = await make();
    const seen: Record<string, Shown> = {};
    shown[driver.name] = seen;
    await runCases(`one answer (${driver.name})`, [
      ...PAGES.map((path): Case => [`${path}: what the popup shows and what is marked`, async () => {
        seen[path] = await show(driver, `${base}${path}`);
      }]),
      ['a page with iframes: popup and side panel opened, closed and opened again, the marks and the auditor\'s state kept', () => survives(driver, base)],
    ], tally);
    await driver.close();
  }

  const cases: Case[] = [
    ['Chromium and Firefox show the same on every page', async () => {
      const missing = PAGES.filter((path) => !shown.chromium?.[path] || !shown.firefox?.[path]);
      check(missing.length === 0, `pages not read in both browsers: ${missing.join(', ')}`);
      const differ = PAGES.filter((path) => JSON.stringify(shown.chromium?.[path]) !== JSON.stringify(shown.firefox?.[path]));
      for (const path of differ) equal(shown.firefox?.[path], shown.chromium?.[path], `${path}: Firefox (actual) against Chromium (expected)`);
    }],
    ['and what they show is right', async () => {
      for (const name of ['chromium', 'firefox']) {
        const at = (path: string) => shown[name]?.[path];
        for (const path of ['/report.html', '/hostile.html', '/iframes.html']) {
          equal(at(path)?.popup.findings.length, 4, `${name} ${path}: findings (three errors, appeals.corrected's info)`);
          equal(at(path)?.marks, [{ path, value: WRONG_APPEALS_MARKS }], `${name} ${path}: marks`);
        }
        equal(at('/frame.html')?.marks, [{ path: '/report.html', value: WRONG_APPEALS_MARKS }], `${name} /frame.html: marks in the frame`);
        equal(at('/news.html')?.popup.view, 'no-report', `${name} news`);
        equal(at(ATTACHMENT_PAGE)?.popup.attachments, [`${base}${ATTACHMENT_PDF}`], `${name}: 审核附件 offers the PDF among the site's links`);
        equal(at('/ndbg/index.html')?.popup.batch, '审核本页列出的全部年报（3）', `${name}: the batch offer`);
      }
    }],
  ];
  await runCases('one answer (both)', cases, tally);
  await server.close();
  closingLine('one answer', tally);
  return tally.failed;
}

runSuite('one answer', main);
