/**
 * Issue 24's cases for the extension's pages in Chromium, each a small function the suites add to
 * their cases: the hostile corpus in the viewer (a message each, the tab alive), a document whose
 * class names would take the viewer's look, and the batch view's bound on a first list page of 305 links.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { renderHtml } from '../support/render';
import { cellDocx, deepFormPdf, heavyHtml, inflatingPdf, loopingDoc, lyingDocx, notPdf } from '../support/hostile';
import { check, equal, poll, type Case } from './harness';
import { type Page as Served } from './server';
import { viewerState } from './viewer-probe';
import { wrongTotalReport } from './viewer-pages';

const MB = 1024 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The hostile files the viewer is given (CI size: each just over its budget), and the page with hostile class names. */
export async function hostileViewerPages(): Promise<Map<string, Served>> {
  const report = renderHtml(wrongTotalReport().data, 'word')
    // A block that would sit fixed over the findings panel, and the report's tables under viewer class names.
    .replace('<body>', '<body><div class="side problem" data-testid="hostile-cover">覆盖</div>')
    .replaceAll('<table', '<table class="pages top exports"');
  return new Map<string, Served>([
    ['/hostile/bomb.pdf', { body: await inflatingPdf(40 * MB), type: 'application/pdf' }],
    ['/hostile/forms.pdf', { body: deepFormPdf(200), type: 'application/pdf' }],
    ['/hostile/not-a-pdf.pdf', { body: notPdf(), type: 'application/pdf' }],
    ['/hostile/cells.docx', { body: await cellDocx(60_000), type: DOCX }],
    ['/hostile/lying.docx', { body: await lyingDocx(80 * MB), type: DOCX }],
    ['/hostile/loop.doc', { body: loopingDoc(), type: 'application/msword' }],
    ['/hostile/cells.doc', { body: heavyHtml(1, 16_000), type: 'application/msword' }],
    ['/hostile/classes.doc', { body: report, type: 'application/msword' }],
  ]);
}

/** Each hostile file opened in the viewer: its own message, quickly, and the tab still answers. */
export function viewerHostileCase(openViewer: (src: string) => Promise<Page>, base: string): Case {
  return ['the hostile corpus: each file a message of its own, the viewer tab alive', async () => {
    const expected: [string, RegExp][] = [
      ['bomb.pdf', /PDF 内容解压后过大/], ['forms.pdf', /PDF 图形嵌套超过/], ['not-a-pdf.pdf', /^不是 PDF 文件$/],
      ['cells.docx', /表格单元格超过/], ['lying.docx', /解压后超过 64 MB/], ['loop.doc', /无法在浏览器中读取/], ['cells.doc', /网页表格单元格过多/],
    ];
    for (const [file, message] of expected) {
      const viewer = await openViewer(`${base}/hostile/${file}`);
      const state = await poll(() => viewer.evaluate(viewerState), (s) => s.phase === 'failed' || s.phase === 'ready', `${file} settled`, 30_000);
      equal(state.phase, 'failed', `${file} phase`);
      check(message.test(state.problem), `${file}: ${state.problem}`);
      equal(await viewer.evaluate(() => document.title.length >= 0), true, `${file}: the tab answers`);
      await viewer.close();
    }
  }];
}

/** A document whose elements carry the viewer's own class names: none of them takes the viewer's look. */
export function viewerClassesCase(openViewer: (src: string) => Promise<Page>, base: string): Case {
  return ['a document’s class names cannot restyle the viewer (class="side" is not fixed over the findings)', async () => {
    const viewer = await openViewer(`${base}/hostile/classes.doc`);
    await poll(() => viewer.evaluate(viewerState), (s) => s.phase === 'ready', 'classes.doc read', 30_000);
    const cover = viewer.getByText('覆盖', { exact: true });
    equal(await cover.evaluate((el) => [el.className, getComputedStyle(el).position]), ['', 'static'], 'the cover is plain text');
    // The middle of the findings panel is the panel's, not the document's.
    const hit = await viewer.evaluate(() => {
      const side = document.querySelector('[data-testid="viewer"] .side') ?? document.querySelector('.side');
      const box = side!.getBoundingClientRect();
      return Boolean(side!.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)));
    });
    check(hit, 'the findings panel is on top');
    check((await viewer.getByTestId('finding').count()) > 0, 'findings listed');
    await viewer.close();
  }];
}

/**
 * A first list page of 305 links (what the popup hands over): the batch view reads 300 and says of
 * the other five that the list was cut (it once read every link of the first page, unbounded).
 */
export function batchBoundCase(context: BrowserContext, extensionId: string, base: string): Case {
  return ['a first list page of 305 links: 300 read, 5 rows saying the list was cut', async () => {
    const view = await context.newPage();
    await view.goto(`chrome-extension://${extensionId}/batch.html`);
    await view.getByTestId('batch-empty').waitFor().catch(() => undefined);
    const links = Array.from({ length: 305 }, (_, i) => ({ url: `${base}/ndbg/gone-${i}.html`, text: `2023年度报告 ${i}`, listedAt: null }));
    await view.evaluate(async (request) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
      await api.storage.local.set({ batchRequest: request });
    }, { listUrl: `${base}/ndbg/index.html`, links, next: null, delayMs: 0 });
    await view.reload();
    await view.waitForSelector('[data-testid="batch"][data-state="done"]', { timeout: 120_000 });
    const rows = await view.evaluate(() => Array.from(document.querySelectorAll('[data-testid="batch-row"]')).map((row) => [row.getAttribute('data-status'), row.textContent ?? '']));
    equal(rows.length, 305, 'one row per link');
    const cut = rows.filter(([status]) => status === 'stopped');
    equal(cut.length, 5, 'five rows past the bound');
    check(cut.every(([, text]) => text?.includes('列表超过 300 个链接')), `cut rows say why: ${cut[0]?.[1]}`);
    equal(rows.filter(([status]) => status === 'fetch-failed').length, 300, 'the first 300 fetched');
    await view.getByTestId('clear').click();
    await view.close();
  }];
}
