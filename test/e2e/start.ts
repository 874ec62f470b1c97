/**
 * `npm start`: a browser with the built extension on a bundled sample report (errors included),
 * served from 127.0.0.1 under a *.gov.cn name so the automatic path runs. Needs a display.
 * `--check` (CI, under xvfb-run): the same visible browser, then exit once the marks are on the page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { readMarks } from './browser-page';
import { poll } from './harness';
import { buildPages, WRONG_APPEALS_MARKS } from './pages';
import { serve } from './server';

const HOST = 'sample.nianbao-demo.gov.cn';
const CHECK = process.argv.includes('--check');
// Chromium refuses to run as root (CI containers) with its sandbox on.
const ROOT_ARGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

async function main(): Promise<void> {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('npm start needs a display (X11 or Wayland). Without one, load .output/chrome-mv3 by hand (see README).');
    process.exitCode = 1;
    return;
  }
  const server = await serve(buildPages());
  const extension = resolve('.output/chrome-mv3');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'nianbao-start-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: null,
    args: [...ROOT_ARGS, '--no-first-run', '--disable-background-networking', `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://${HOST}:${server.port}/report.html`);
  if (CHECK) return check(page, async () => {
    await context.close();
    await server.close();
  });
  void showFirstMark(page).catch(() => undefined);
  console.log(`Sample report: http://${HOST}:${server.port}/report.html — close the browser to stop.`);
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
}

/** Bring the first marked cell into view once the marks are drawn, so the newcomer sees them at once. */
async function showFirstMark(page: import('playwright-core').Page): Promise<void> {
  await poll(async () => (await page.evaluate(readMarks)).length, (n) => n > 0, 'marks', 20_000);
  await page.locator(`td[data-cell="${WRONG_APPEALS_MARKS[0]}"]`).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300); // the marks repaint on the next frame after the scroll
}

/** The newcomer's first sight, verified: the sample's three wrong cells marked in a visible browser. */
async function check(page: import('playwright-core').Page, close: () => Promise<void>): Promise<void> {
  try {
    const cells = await poll(async () => (await page.evaluate(readMarks)).filter((m) => !m.related).map((m) => m.cell).sort(),
      (c) => c.length >= 3 && c.every(Boolean), 'marks on the sample report', 20_000);
    if (JSON.stringify(cells) !== JSON.stringify(WRONG_APPEALS_MARKS)) throw new Error(`marked ${JSON.stringify(cells)}`);
    await showFirstMark(page);
    await page.screenshot({ path: resolve('test/e2e/out/start-headful.png') });
    console.log('npm start: 1 passed, 0 failed (the sample report is marked in a visible Chromium)');
  } catch (error) {
    console.log(`npm start: 0 passed, 1 failed\n    ${String(error)}`);
    process.exitCode = 1;
  } finally {
    await close();
  }
}

void main();
