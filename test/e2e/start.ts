/**
 * `npm start`: a browser with the built extension on a bundled sample report (errors included),
 * served from 127.0.0.1 under a *.gov.cn name so the automatic path runs. Needs a display.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildPages } from './pages';
import { serve } from './server';

const HOST = 'sample.nianbao-demo.gov.cn';

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
    args: ['--no-first-run', '--disable-background-networking', `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://${HOST}:${server.port}/report.html`);
  console.log(`Sample report: http://${HOST}:${server.port}/report.html — close the browser to stop.`);
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
}

void main();
