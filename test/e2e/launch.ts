/**
 * Starting the two browsers with the built extension, shared by every end-to-end suite: Debian's
 * Chromium through playwright-core (a persistent context, since extensions need one) and Firefox ESR
 * through puppeteer-core over WebDriver BiDi. Host names the suites serve (*.gov.cn) resolve to 127.0.0.1.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';

export interface ChromiumOptions {
  /** The unpacked build, e.g. `.output/chrome-mv3`. */
  extension: string;
  /** Host names mapped to 127.0.0.1. */
  hosts?: string[];
  /** A profile folder to reuse (a relaunch on it is a browser restart with storage kept); a new one by default. */
  profile?: string;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Extra command-line switches (e.g. a remote debugging port). */
  args?: string[];
}

export interface ChromiumExtension {
  context: BrowserContext;
  /** The extension's service worker (background), for chrome.* calls from the test. */
  worker: Worker;
  /** The extension's id, the host of its chrome-extension:// pages. */
  id: string;
}

export async function launchChromium(options: ChromiumOptions): Promise<ChromiumExtension> {
  const { extension, hosts = [] } = options;
  const context = await chromium.launchPersistentContext(options.profile ?? mkdtempSync(join(tmpdir(), 'nianbao-e2e-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: options.acceptDownloads,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      ...(hosts.length > 0 ? [`--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`] : []),
      ...(options.args ?? [])],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, id: new URL(worker.url()).host };
}

/** The extension API as seen from its service worker (evaluated there, not here). */
declare const chrome: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };

/** The id of the tab showing `url`, asked of the extension's service worker. */
export function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === target);
    if (!tab?.id) throw new Error(`no tab at ${target} among ${tabs.map((t) => t.url).join(', ')}`);
    return tab.id;
  }, url);
}

export interface FirefoxOptions {
  /** The extension's internal UUID, fixed so that its moz-extension:// pages have a known address. */
  uuid: string;
  /** A folder downloads go to with no dialog. */
  downloads?: string;
  /** More preferences (e.g. `pdfjs.disabled`). */
  prefs?: Record<string, unknown>;
}

/** The Firefox build's add-on id (wxt.config.ts, browser_specific_settings.gecko.id). */
const ADDON_ID = 'nianbao-audit@example.invalid';

/** Firefox with every host resolved to 127.0.0.1; install the build with `browser.installExtension(dir)`. */
export function launchFirefox(options: FirefoxOptions): Promise<Browser> {
  const downloads = options.downloads
    ? {
        'browser.download.folderList': 2,
        'browser.download.dir': options.downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.start_downloads_in_tmp_dir': false,
      }
    : {};
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: options.uuid }),
      'network.dns.forceResolve': '127.0.0.1',
      'network.proxy.type': 0,
      'browser.fixup.alternate.enabled': false,
      ...downloads,
      ...options.prefs,
    },
  });
}

/**
 * What the auditor's click on the toolbar button does (activeTab granted for the tab, the action
 * run), done through Chromium's own test hook (CDP `Extensions.triggerAction`, which needs
 * `--enable-unsafe-extension-debugging`): a test cannot click the browser's toolbar. The tab is
 * brought to the front first, as it is when a person clicks (the grant is for the tab shown).
 */
export async function clickToolbarButton(page: Page, extensionId: string): Promise<void> {
  await page.bringToFront();
  const session = await page.context().browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as { targetInfos: { type: string; url: string; targetId: string }[] };
    const tab = targetInfos.find((target) => target.type === 'tab' && target.url === page.url());
    if (!tab) throw new Error(`no tab at ${page.url()}`);
    await session.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
  } finally {
    await session.detach().catch(() => undefined);
  }
}
