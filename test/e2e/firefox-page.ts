import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { poll } from './harness';

/**
 * Waiting in Firefox (WebDriver BiDi) without puppeteer's waitForFunction.
 *
 * Why: navigating a tab from about:blank (or one extension page) to a moz-extension: page moves it into
 * the extension's process and replaces its window. A waitForFunction task started before the switch
 * polls inside the old realm, and BiDi then fails it with an internal error (“right-hand side of 'in'
 * should be an object, got null” in script.sys.mjs) that puppeteer does not treat as a navigation, so
 * the wait ends as “Waiting failed” although the page loads a moment later. Seen on 2 of 60 opens with
 * both cores busy; it was the “Waiting failed while opening an extension page” of the flaky CI runs.
 *
 * Here every look is its own short evaluate: a look lost to a realm switch is simply taken again.
 */
export async function until<T>(page: Page, probe: (arg: T) => boolean, arg: T, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      if (await page.evaluate(probe as (arg: unknown) => boolean, arg)) return;
      lastError = '';
    } catch (error) {
      lastError = String((error as Error).message ?? error).split('\n')[0]!;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last look failed: ${lastError})` : ''}; page: ${await describe(page)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Where the page is and what it shows, for a failure message. */
async function describe(page: Page): Promise<string> {
  return page.evaluate(() => `${location.href} (${document.readyState}) ${document.body?.textContent?.slice(0, 300) ?? ''}`)
    .catch((error: unknown) => `unreadable: ${String(error).slice(0, 200)}`);
}

/**
 * Open an extension page in this tab and wait until THAT document shows `ready`: the app's own signal
 * that its data is loaded (a data-testid rendered from the loaded state, a data-state attribute). The
 * document left behind is marked first, and its address may differ, so a tab still showing the
 * previous document (even at the same address) never counts. Navigating to moz-extension: over BiDi
 * never reports load, so the navigation is fired and not awaited; when the tab has not left the old
 * document after `renavigateMs`, the navigation was dropped and is sent again.
 */
export async function openExtensionPage(page: Page, url: string, ready: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  const renavigateMs = 15_000;
  const stale = () => page.evaluate(() => { (window as unknown as { e2eLeft?: boolean }).e2eLeft = true; }).catch(() => undefined);
  const arrived = (target: string) => location.href === target && !(window as unknown as { e2eLeft?: boolean }).e2eLeft;
  await stale();
  for (;;) {
    page.goto(url).catch(() => undefined);
    try {
      await until(page, arrived, url, `${url} to load`, Math.max(0, Math.min(renavigateMs, end - Date.now())));
      break;
    } catch (error) {
      if (Date.now() >= end) throw error;
    }
  }
  await until(page, ([target, selector]: string[]) => location.href === target && !(window as unknown as { e2eLeft?: boolean }).e2eLeft && !!document.querySelector(selector!),
    [url, ready], `${url} showing ${ready}`, Math.max(1000, end - Date.now()));
}

/** A new tab showing an extension page (see openExtensionPage), at the given viewport size. */
export async function newExtensionPage(browser: Browser, url: string, ready: string, width = 1400, height = 900): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  await openExtensionPage(page, url, ready);
  return page;
}

/**
 * A file Firefox downloads into `folder` (launchFirefox's `downloads`), once it is whole: Firefox
 * writes a .part file first; the named file is complete once it exists and no .part is left.
 */
export async function downloadedIn(folder: string, name: string): Promise<string> {
  const path = join(folder, name);
  await poll(async () => existsSync(path) && !readdirSync(folder).some((f) => f.endsWith('.part')), Boolean, `download ${name}`, 20_000);
  return path;
}
