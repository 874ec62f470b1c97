/**
 * `npm run bench [-- --quick]`, second part: PDF audit time in Node (read + match + rules) per report
 * and per page, the same in headless Chromium as the viewer reads (pdf.js's normal build and its
 * worker, the reader bundled into a page served from 127.0.0.1), the table reader alone (layout/,
 * without pdf.js), against pdfplumber's table
 * extraction and `pdftotext -layout` on the same files.
 * Writes bench/documents.json. pdfplumber runs under PDFPLUMBER_PYTHON (default: the python3 on
 * PATH; `pip install pdfplumber`); either comparison is skipped with a note when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { auditExtracted } from '../lib/audit';
import { loadPdfjs, nodeReaderEnv } from '../lib/cli/reader-env';
import { readDocument } from '../lib/extract/document';
import { PDF_SETTINGS, readLayout, type Chunk, type Segment } from '../lib/extract/layout/index';
import { itemsToChunks, type PdfTextItem } from '../lib/extract/pdf/items';
import { pageRulings } from '../lib/extract/pdf/rulings';
import { serve, type Page as Served } from '../test/e2e/server';
import { sharedPath } from '../test/support/shared';

const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 3 : 10;
const REAL = sharedPath('fixtures', 'real');
const FIXTURES = resolve('test/fixtures/documents');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function files(): string[] {
  const real = readdirSync(REAL).filter((f) => f.endsWith('.pdf')).map((f) => `${REAL}/${f}`);
  return [...real, ...readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf') && !f.startsWith('encrypted')).map((f) => `${FIXTURES}/${f}`)];
}

/**
 * The table reader alone (lib/extract/layout/), without pdf.js: a document's text items and drawn
 * rules read once, then laid out RUNS times. The part of the audit this project's own code decides.
 */
async function layoutOnly(path: string): Promise<number> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
  const chunks: Chunk[] = [];
  const rules: Segment[] = [];
  const sizes: { width: number; height: number }[] = [];
  for (let p = 1; p <= doc.numPages; p += 1) {
    const page = await doc.getPage(p);
    const viewport = page.getViewport({ scale: 1 });
    sizes.push({ width: viewport.width, height: viewport.height });
    const content = await page.getTextContent();
    const vertical = (font: string | undefined) => Boolean(font && (content.styles[font] as { vertical?: boolean } | undefined)?.vertical);
    chunks.push(...itemsToChunks(content.items.filter((item) => 'str' in item) as PdfTextItem[], p, viewport.transform, vertical, PDF_SETTINGS));
    const list = await page.getOperatorList();
    rules.push(...pageRulings(list.fnArray, list.argsArray, pdfjs.OPS!, p, viewport.transform, PDF_SETTINGS));
  }
  await doc.destroy();
  const samples: number[] = [];
  for (let i = 0; i < RUNS * 3 + 1; i += 1) {
    const started = performance.now();
    readLayout(chunks.map((chunk) => ({ ...chunk })), PDF_SETTINGS, { rules, pageHeight: (p) => sizes[p - 1]?.height ?? null, pageWidth: (p) => sizes[p - 1]?.width ?? null });
    if (i > 0) samples.push(performance.now() - started);
  }
  return median(samples);
}

async function ours(paths: string[]): Promise<Record<string, { pages: number; ms: number; layoutMs: number }>> {
  const env = await nodeReaderEnv();
  const out: Record<string, { pages: number; ms: number; layoutMs: number }> = {};
  for (const path of paths) {
    const bytes = new Uint8Array(readFileSync(path));
    const samples: number[] = [];
    let pages = 0;
    for (let i = 0; i < RUNS + 1; i += 1) {
      const started = performance.now();
      const read = await readDocument(bytes, { name: path }, env);
      if (read.extracted) auditExtracted(read.extracted);
      pages = read.pages ?? 0;
      if (i > 0) samples.push(performance.now() - started);
    }
    out[path] = { pages, ms: median(samples), layoutMs: await layoutOnly(path) };
  }
  return out;
}

/**
 * The viewer's reading in headless Chromium: the reader and the audit bundled with pdf.js (normal
 * build) into a page on 127.0.0.1, with pdf.js's worker, character maps and fonts served beside it.
 * Null, with a note, when Chromium cannot be started.
 */
async function viewer(paths: string[]): Promise<Record<string, { ms: number; findings: number }> | null> {
  const script = (await build({
    entryPoints: [resolve('bench/pdf-browser-entry.ts')], bundle: true, format: 'esm', write: false, minify: true,
    target: 'chrome120', logLevel: 'silent',
  })).outputFiles[0]!.text;
  const pdfjsDir = resolve('node_modules/pdfjs-dist');
  const pages = new Map<string, Served>([
    ['/', { body: '<!DOCTYPE html><html><head><meta charset="utf-8"><script type="module" src="/bench.js"></script></head><body></body></html>' }],
    ['/bench.js', { body: script, type: 'text/javascript' }],
    ['/pdf.worker.min.mjs', { body: readFileSync(join(pdfjsDir, 'build/pdf.worker.min.mjs')), type: 'text/javascript' }],
  ]);
  for (const dir of ['cmaps', 'standard_fonts']) {
    for (const file of readdirSync(join(pdfjsDir, dir))) pages.set(`/${dir}/${file}`, { body: readFileSync(join(pdfjsDir, dir, file)), type: 'application/octet-stream' });
  }
  paths.forEach((path, i) => pages.set(`/doc-${i}.pdf`, { body: readFileSync(path), type: 'application/pdf' }));
  const server = await serve(pages);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  } catch (error) {
    console.error(`viewer timing skipped: ${(error as Error).message.split('\n')[0]}`);
    await server.close();
    return null;
  }
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => '__pdfBench' in globalThis);
    const out: Record<string, { ms: number; findings: number }> = {};
    for (let i = 0; i < paths.length; i += 1) {
      out[paths[i]!] = await page.evaluate(([url, runs]) => (globalThis as unknown as { __pdfBench: { time(u: string, r: number): Promise<{ ms: number; findings: number }> } }).__pdfBench.time(url, runs), [`/doc-${i}.pdf`, RUNS] as const);
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

function pdfplumber(paths: string[]): { version: string; files: Record<string, { seconds: number; tables: number }> } | null {
  const python = process.env.PDFPLUMBER_PYTHON ?? 'python3';
  try {
    const text = execFileSync(python, [resolve('bench/pdfplumber_tables.py'), String(Math.max(1, Math.ceil(RUNS / 3))), ...paths], { encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const parsed = JSON.parse(text) as { pdfplumber: string; files: Record<string, { seconds: number; tables: number }> };
    return { version: parsed.pdfplumber, files: parsed.files };
  } catch (error) {
    console.error(`pdfplumber comparison skipped: ${(error as Error).message.split('\n')[0]} (pip install pdfplumber)`);
    return null;
  }
}

function pdftotext(paths: string[]): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const path of paths) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const run = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      if (run.error) {
        console.error(`pdftotext comparison skipped: ${run.error.message} (apt-get install poppler-utils)`);
        return null;
      }
      samples.push(performance.now() - started);
    }
    out[path] = median(samples);
  }
  return out;
}

async function main(): Promise<void> {
  const paths = files();
  const node = await ours(paths);
  const browser = await viewer(paths);
  const plumber = pdfplumber(paths);
  const poppler = pdftotext(paths);
  const rows = paths.map((path) => {
    const { pages, ms, layoutMs } = node[path]!;
    const plumberMs = plumber ? plumber.files[path]!.seconds * 1000 : null;
    const popplerMs = poppler ? poppler[path]! : null;
    const viewerMs = browser ? browser[path]!.ms : null;
    return {
      file: path.replace(/^.*\//, ''), pages, auditMs: round(ms), auditMsPerPage: round(ms / Math.max(pages, 1)), layoutMs: round(layoutMs, 2),
      viewerMs: viewerMs === null ? null : round(viewerMs), viewerFindings: browser ? browser[path]!.findings : null,
      pdfplumberMs: plumberMs === null ? null : round(plumberMs), pdftotextMs: popplerMs === null ? null : round(popplerMs),
      pdfplumberOverOurs: plumberMs === null ? null : round(plumberMs / ms, 2), pdftotextOverOurs: popplerMs === null ? null : round(popplerMs / ms, 2),
    };
  });
  const total = (key: 'auditMs' | 'layoutMs' | 'viewerMs' | 'pdfplumberMs' | 'pdftotextMs') => rows.reduce((sum, row) => sum + (row[key] ?? 0), 0);
  const pages = rows.reduce((sum, row) => sum + row.pages, 0);
  const headline = {
    reports: rows.length, pages, auditMsPerReport: round(total('auditMs') / rows.length), auditMsPerPage: round(total('auditMs') / pages), layoutMsPerPage: round(total('layoutMs') / pages, 2),
    viewerMsPerReport: browser ? round(total('viewerMs') / rows.length) : null, viewerMsPerPage: browser ? round(total('viewerMs') / pages) : null,
    pdfplumberMsPerPage: plumber ? round(total('pdfplumberMs') / pages) : null, pdftotextMsPerPage: poppler ? round(total('pdftotextMs') / pages) : null,
    pdfplumberOverOurs: plumber ? round(total('pdfplumberMs') / total('auditMs'), 2) : null,
    pdftotextOverOurs: poppler ? round(total('pdftotextMs') / total('auditMs'), 2) : null,
  };
  writeFileSync(resolve('bench/documents.json'), `${JSON.stringify({ date: new Date().toISOString(), quick: QUICK, runs: RUNS, node: process.version, pdfplumber: plumber?.version ?? null, headline, rows }, null, 2)}\n`);
  const width = Math.max(...rows.map((row) => row.file.length));
  for (const row of rows) {
    console.log(`${row.file.padEnd(width)}  ${String(row.pages).padStart(2)} p  audit ${row.auditMs} ms (${row.auditMsPerPage}/page, table reader ${row.layoutMs})  viewer ${row.viewerMs ?? '-'} ms  pdfplumber ${row.pdfplumberMs ?? '-'} ms  pdftotext -layout ${row.pdftotextMs ?? '-'} ms`);
  }
  console.log(`bench documents${QUICK ? ' (quick)' : ''}: ${rows.length} PDFs, ${pages} pages · audit ${headline.auditMsPerReport} ms/report, ${headline.auditMsPerPage} ms/page (table reader alone ${headline.layoutMsPerPage} ms/page) · viewer (Chromium) ${headline.viewerMsPerReport ?? 'n/a'} ms/report, ${headline.viewerMsPerPage ?? 'n/a'} ms/page · pdfplumber tables ${headline.pdfplumberMsPerPage ?? 'n/a'} ms/page (${headline.pdfplumberOverOurs ?? 'n/a'}× ours) · pdftotext -layout ${headline.pdftotextMsPerPage ?? 'n/a'} ms/page (${headline.pdftotextOverOurs ?? 'n/a'}× ours)`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
