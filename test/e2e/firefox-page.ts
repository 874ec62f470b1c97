import type { Page } from 'puppeteer-core';

/**
 * Open an extension page in Firefox: navigating to moz-extension: over BiDi never reports load, so
 * wait for the app instead. Under load the wait can lose its realm to the navigation it waits for
 * ("Waiting failed"), or the page stay blank: navigate up to twice more before failing, and say what the page shows.
 */
export async function openExtensionPage(page: Page, url: string, ready: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    page.goto(url).catch(() => undefined);
    try {
      await page.waitForFunction((selector) => location.protocol === 'moz-extension:' && !!document.querySelector(selector), { timeout: 20_000 }, ready);
      return;
    } catch (error) {
      if (attempt >= 3) throw new Error(`${url}: ${(error as Error).message}; page shows: ${await page.evaluate(() => document.body?.innerText.slice(0, 200)).catch(() => '?')}`);
    }
  }
}
