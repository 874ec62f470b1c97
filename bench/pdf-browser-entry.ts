/**
 * What bench/documents.ts runs inside headless Chromium: the viewer's reading of a PDF (pdf.js's
 * normal build with its worker, as the extension's viewer page sets it up) plus the audit, timed.
 */
import * as pdfjs from 'pdfjs-dist';
import { auditExtracted } from '../lib/audit';
import { readDocument, type ReaderEnv } from '../lib/extract/document';
import type { PdfjsModule } from '../lib/extract/pdf/index';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.min.mjs';

/** One worker for every run, as the viewer keeps one for its page: the runs time reading, not the worker's start. */
const worker = new pdfjs.PDFWorker();

/** pdf.js with the character maps and standard fonts served next to the page, as loadPdf in the viewer. */
const host: PdfjsModule = {
  getDocument: ((params: Record<string, unknown>) => pdfjs.getDocument({
    ...params, worker, cMapUrl: '/cmaps/', cMapPacked: true, standardFontDataUrl: '/standard_fonts/',
  })) as unknown as PdfjsModule['getDocument'],
  OPS: pdfjs.OPS,
};

const env: ReaderEnv = { pdfjs: host, parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html') };

/** Median ms of `runs` reads + audits of the PDF at `url`, after one warm-up; the PDF is fetched once, untimed. */
async function time(url: string, runs: number): Promise<{ ms: number; pages: number; findings: number }> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const samples: number[] = [];
  let pages = 0;
  let findings = 0;
  for (let i = 0; i < runs + 1; i += 1) {
    const started = performance.now();
    const read = await readDocument(bytes, { name: url }, env);
    const result = read.extracted ? auditExtracted(read.extracted).result : null;
    if (i > 0) samples.push(performance.now() - started);
    pages = read.pages ?? 0;
    findings = result?.findings.length ?? -1;
  }
  samples.sort((a, b) => a - b);
  const mid = Math.floor(samples.length / 2);
  return { ms: samples.length % 2 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2, pages, findings };
}

(globalThis as unknown as { __pdfBench: unknown }).__pdfBench = { time };
