/**
 * After the finding (issue 21), end to end in Chromium: a report audited and reviewed (kept as a
 * record on its own), its wrong cells captured as the page showed them (the toolbar click's
 * activeTab), then corrected and republished — at its address and at another — and audited again:
 * 已整改 1 / 未整改 2 / 新增 1 in the popup, the side panel and the memo, the note carried over,
 * report.changed where the page changed in place. The memo of a report with a blank 总计 column,
 * printed to A4 in both languages. The archive exported from this profile and imported into a
 * fresh one restores the records and reviews; a damaged archive is refused and nothing is lost.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { check, equal, poll, runCases, runSuite, type Case } from './harness';
import { clickToolbarButton, launchChromium, tabIdOf, type ChromiumExtension } from './launch';
import { pdfToPng } from './pdf-png';
import { serve } from './server';
import { MOVED_ADDRESS, REPORT_ADDRESS, reauditPages, workspacePages } from './workspace-pages';

const OUT = resolve('test/e2e/out');
mkdirSync(OUT, { recursive: true });
const HOST = 'www.nianbao-test.gov.cn';
const EXTENSION = resolve('.output/chrome-mv3');
const NOTE = '已电话告知，待更正';

function launch(profile?: string): Promise<ChromiumExtension> {
  return launchChromium({ extension: EXTENSION, hosts: [HOST], profile, acceptDownloads: true, args: ['--enable-unsafe-extension-debugging'] });
}

interface Counts { fixed: string | null; open: string | null; new: string | null }
const countsIn = async (page: Page): Promise<Counts> => {
  const el = page.getByTestId('reaudit-counts');
  return { fixed: await el.getAttribute('data-fixed'), open: await el.getAttribute('data-open'), new: await el.getAttribute('data-new') };
};
const ONE_TWO_ONE: Counts = { fixed: '1', open: '2', new: '1' };

async function popupFor(context: BrowserContext, worker: Worker, id: string, url: string, path = 'popup.html'): Promise<Page> {
  const tabId = await tabIdOf(worker, url);
  // Left at the context's viewport: the report's tab and the page standing in for the popup share a
  // window, and a viewport emulated for one would skew the other's screenshots (the evidence clips).
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/${path}?tabId=${tabId}`);
  await popup.getByTestId('summary').waitFor();
  return popup;
}

/** The report tab, loaded and audited (its marks drawn). */
async function openReport(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await poll(() => page.evaluate(() => document.querySelector('nianbao-audit-marks')?.shadowRoot?.querySelectorAll('.mark').length ?? 0), (n) => n > 0, `marks on ${url}`);
  return page;
}

async function main(): Promise<number> {
  const pages = workspacePages();
  const server = await serve(pages);
  const base = `http://${HOST}:${server.port}`;
  const reportUrl = `${base}${REPORT_ADDRESS}`;
  const movedUrl = `${base}${MOVED_ADDRESS}`;
  let { context, worker, id } = await launch();
  let report: Page;
  let archive = '';

  const cases: Case[] = [
    ['a reviewed finding keeps the report as a record of its own; its wrong cells are captured as the page shows them', async () => {
      report = await openReport(context, reportUrl);
      const popup = await popupFor(context, worker, id, reportUrl);
      equal(await popup.getByTestId('reaudit').count(), 0, 'no re-audit before any record');
      await popup.locator('[data-rule="appeals.total"]').filter({ hasText: '直接起诉' }).click();
      const item = popup.locator('li.item.active');
      await item.getByTestId('review-confirmed').click();
      await item.getByTestId('review-note').fill(NOTE);
      await item.getByTestId('review-note').press('Enter');
      await item.getByTestId('review-note').blur();
      await poll(() => popup.getByTestId('record-message').textContent().catch(() => ''), (t) => /已保存核查记录/.test(t ?? ''), 'record kept with the review');
      // The auditor's click on the toolbar button grants activeTab: the capture may read the tab.
      await clickToolbarButton(report, id);
      await popup.getByTestId('capture-clips').click();
      const said = await poll(() => popup.getByTestId('record-message').textContent(), (t) => /已截取|无法截取/.test(t ?? ''), 'clips taken', 30_000);
      equal(said, '已截取 3 处单元格的图像，存入核查记录', 'three wrong cells captured');
      const marks = await report.evaluate(() => document.querySelector('nianbao-audit-marks')?.shadowRoot?.querySelectorAll('.mark').length ?? 0);
      check(marks > 0, 'the marks are back after the capture');
      await popup.close();
    }],
    ['the memo of the first audit shows each cell as the page showed it, with the hash of what was read', async () => {
      const tabId = await tabIdOf(worker, reportUrl);
      const memo = await context.newPage();
      await memo.goto(`chrome-extension://${id}/memo.html?tabId=${tabId}&frameId=0&lang=zh`);
      await memo.getByTestId('memo').waitFor();
      equal(await memo.getByTestId('memo-clip').count(), 3, 'a clip per error');
      const sizes = await memo.getByTestId('memo-clip').evaluateAll((imgs) => imgs.map((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]));
      check(sizes.every(([w, h]) => w! > 40 && h! > 15), `clips drawn: ${JSON.stringify(sizes)}`);
      check(/^读取内容SHA-256 [0-9a-f]{64}（页面中报告区域的 HTML，\d{4}-\d\d-\d\d \d\d:\d\d）$/.test((await memo.getByTestId('memo-fact-hash').textContent()) ?? ''), 'hash and time');
      check(((await memo.getByTestId('memo-review').allTextContents()).join('')).includes(NOTE), 'the note in the memo');
      await memo.screenshot({ path: join(OUT, 'records-chromium-first-memo.png'), fullPage: true });
      await memo.close();
    }],
    ['republished at its address: 已整改 1 / 未整改 2 / 新增 1 in the popup, the note still on the finding, report.changed', async () => {
      pages.set(REPORT_ADDRESS, { body: reauditPages.republished() });
      await report.reload();
      const popup = await popupFor(context, worker, id, reportUrl);
      await popup.getByTestId('reaudit').waitFor();
      equal(await countsIn(popup), ONE_TWO_ONE, 'popup counts');
      check((await popup.getByTestId('reaudit').textContent())?.includes('已整改 1 · 未整改 2 · 新增 1'), 'the line says them');
      const changed = popup.locator('[data-rule="report.changed"]');
      check((await changed.textContent())?.includes('表格数据有改动') && (await changed.textContent())?.includes('2024-01-19'), 'report.changed states what and both dates');
      check((await popup.textContent('body'))?.includes(NOTE), 'the note carried with the finding that remains');
      await popup.screenshot({ path: join(OUT, 'records-chromium-reaudit-popup.png'), fullPage: true });
      await popup.close();
    }],
    ['the side panel and the memo say the same three counts', async () => {
      const panel = await popupFor(context, worker, id, reportUrl, 'sidepanel.html');
      await panel.getByTestId('reaudit').waitFor();
      equal(await countsIn(panel), ONE_TWO_ONE, 'side panel counts');
      await panel.close();
      const tabId = await tabIdOf(worker, reportUrl);
      const memo = await context.newPage();
      await memo.goto(`chrome-extension://${id}/memo.html?tabId=${tabId}&frameId=0&lang=zh`);
      await memo.getByTestId('memo').waitFor();
      equal(await memo.getByTestId('memo-conclusion').textContent(),
        `结论：存在 3 处数据错误；按期发布；与 ${new Date().toISOString().slice(0, 10)} 的核查相比，已整改 1 处、未整改 2 处、新增 1 处。`, 'memo conclusion');
      equal((await memo.getByTestId('memo-error').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).sort(), ['new', 'open', 'open'], 'each error 未整改 or 新增');
      check((await memo.getByTestId('memo-fixed').textContent())?.includes('行政复议'), 'what was fixed');
      const pdf = join(OUT, 'records-chromium-reaudit-memo.pdf');
      await memo.pdf({ path: pdf, format: 'A4', printBackground: true });
      pdfToPng(pdf, join(OUT, 'records-chromium-reaudit-memo'), 100);
      await memo.close();
    }],
    ['republished at another address (same agency, same year): the counts, the note carried over, no report.changed', async () => {
      const moved = await openReport(context, movedUrl);
      const popup = await popupFor(context, worker, id, movedUrl);
      await popup.getByTestId('reaudit').waitFor();
      equal(await countsIn(popup), ONE_TWO_ONE, 'counts at the new address');
      equal(await popup.locator('[data-rule="report.changed"]').count(), 0, 'not a change in place');
      await poll(() => popup.textContent('body'), (t) => (t ?? '').includes(NOTE), 'the note carried to the new address');
      await popup.close();
      await moved.close();
    }],
    ['a page whose 发布日期 alone moved gets report.changed saying so', async () => {
      pages.set(REPORT_ADDRESS, { body: reauditPages.redated() });
      await report.reload();
      const popup = await popupFor(context, worker, id, reportUrl);
      const changed = popup.locator('[data-rule="report.changed"]');
      await changed.waitFor();
      check((await changed.textContent())?.includes('仅发布日期有改动'), `date only: ${await changed.textContent()}`);
      await popup.close();
      pages.set(REPORT_ADDRESS, { body: reauditPages.republished() });
    }],
    ['the memo of a report with a blank 总计 column prints on one A4 page with one cause line and the clips, in Chinese and in English', async () => {
      const url = `${base}/blank-total-column.html`;
      const page = await openReport(context, url);
      const popup = await popupFor(context, worker, id, url);
      await clickToolbarButton(page, id);
      await popup.getByTestId('capture-clips').click();
      equal(await poll(() => popup.getByTestId('record-message').textContent(), (t) => /已截取|无法截取/.test(t ?? ''), 'clips', 60_000),
        '已截取 12 处单元格的图像，存入核查记录', 'twelve clips');
      await popup.close();
      const tabId = await tabIdOf(worker, url);
      for (const lang of ['zh', 'en'] as const) {
        const memo = await context.newPage();
        await memo.goto(`chrome-extension://${id}/memo.html?tabId=${tabId}&frameId=0&lang=${lang}`);
        await memo.getByTestId('memo').waitFor();
        equal(await memo.getByTestId('memo-cause').count(), 1, `${lang}: one cause line`);
        equal(await memo.getByTestId('memo-clip').count(), 12, `${lang}: a clip per error`);
        const pdf = join(OUT, `records-chromium-blank-total-memo-${lang}.pdf`);
        await memo.pdf({ path: pdf, format: 'A4', printBackground: true });
        const pagesPrinted = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
        equal(pagesPrinted, 1, `${lang}: one A4 page`);
        const pngs = pdfToPng(pdf, join(OUT, `records-chromium-blank-total-memo-${lang}`), 110);
        console.log(`    (${lang} memo: ${pngs.map((p) => p.split('/').pop()).join(', ')})`);
        await memo.close();
      }
      await page.close();
    }],
    ['the archive is exported from the records page', async () => {
      const records = await context.newPage();
      await records.goto(`chrome-extension://${id}/records.html`);
      await records.getByTestId('records-table').waitFor();
      const rows = await records.getByTestId('record-row').count();
      check(rows >= 2, `records kept: ${rows}`);
      const [download] = await Promise.all([records.waitForEvent('download'), records.getByTestId('export-archive').click()]);
      archive = join(mkdtempSync(join(tmpdir(), 'nianbao-archive-')), download.suggestedFilename());
      await download.saveAs(archive);
      const json = JSON.parse(readFileSync(archive, 'utf8'));
      equal(json.format, 'nianbao-audit-archive', 'an archive');
      equal(json.records.length, rows, 'every record in it');
      await records.close();
    }],
    ['imported into another profile, the archive restores the records and reviews; a damaged one is refused and nothing is lost', async () => {
      await context.close();
      ({ context, worker, id } = await launch());
      const records = await context.newPage();
      await records.goto(`chrome-extension://${id}/records.html`);
      await records.getByTestId('records-empty').waitFor();
      await records.getByTestId('import-archive').setInputFiles(archive);
      check((await records.getByTestId('records-message').textContent())?.startsWith('已导入'), 'imported');
      const kept = await records.getByTestId('record-row').count();
      const broken = join(tmpdir(), `nianbao-broken-${Date.now()}.json`);
      const text = readFileSync(archive, 'utf8');
      writeFileSync(broken, text.replace('"sha256": "', '"sha256": "x'));
      await records.getByTestId('import-archive').setInputFiles(broken);
      await poll(() => records.getByTestId('records-message').textContent(), (t) => (t ?? '').startsWith('档案未导入'), 'refused');
      equal(await records.getByTestId('record-row').count(), kept, 'nothing lost');
      const truncated = join(tmpdir(), `nianbao-truncated-${Date.now()}.json`);
      writeFileSync(truncated, text.slice(0, text.length / 2));
      await records.getByTestId('import-archive').setInputFiles(truncated);
      await poll(() => records.getByTestId('records-message').textContent(), (t) => (t ?? '').includes('不是有效的 JSON'), 'truncated refused');
      equal(await records.getByTestId('record-row').count(), kept, 'still nothing lost');
      await records.close();
      // The republished report, audited in the receiving browser: re-audited against the imported record, the note there.
      await openReport(context, reportUrl);
      const popup = await popupFor(context, worker, id, reportUrl);
      await popup.getByTestId('reaudit').waitFor();
      equal(await countsIn(popup), ONE_TWO_ONE, 'counts in the other profile');
      check((await popup.textContent('body'))?.includes(NOTE), 'the review restored');
      await popup.close();
    }],
  ];
  const failed = await runCases('chromium (records)', cases);
  await context.close();
  await server.close();
  return failed;
}

runSuite('chromium (records)', main);
