/**
 * Documents for the viewer's browser tests: a report page that holds only a title and a link to
 * its PDF (as a real county 公安局 page does), the PDF itself printed by Chromium from one of the
 * project's HTML fixtures with one wrong total injected, a web page saved as .doc, and bad input.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DOCUMENT_CASES } from '../fixtures/documents/cases';
import { sharedPath } from '../support/shared';
import { renderHtml, esc } from '../support/render';
import { consistentReport, getCell, setCell } from '../support/report-data';
import { SITE_FOOTER, SITE_NAV } from './pages';
import type { Page } from './server';

export const PDF_TITLE = '测试县公安局2023年政府信息公开工作年度报告';

/** A consistent 2021-format report whose 行政复议 总计 is off by 500: the one wrong cell. */
export function wrongTotalReport() {
  const data = consistentReport('2021', 26);
  data.title = PDF_TITLE;
  const right = Number(getCell(data, 'appeals', 'reconsideration', 'total'));
  const wrong = right + 500;
  setCell(data, 'appeals', 'reconsideration', 'total', wrong);
  return { data, right, wrong };
}

/** Print an HTML page to PDF with Chromium (what "print to PDF" gives a user). */
export async function printPdf(html: string, extraPages = 0): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const filler = Array.from({ length: extraPages }, (_, i) => `<div style="page-break-before:always"><p>附录第 ${i + 1} 页：本页为长文档的填充内容，用于测试逐页绘制。</p></div>`).join('');
    await page.setContent(html.replace('</body>', `${filler}</body>`), { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' } }));
  } finally {
    await browser.close();
  }
}

/** Append an incremental update holding one incompressible stream, so a valid PDF grows to `bytes`. */
export function padPdf(pdf: Uint8Array, bytes: number): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text.slice(text.lastIndexOf('trailer')))?.[1];
  if (!startxref || !size || !root) throw new Error('padPdf: no classic trailer in the PDF');
  const length = bytes - pdf.length - 400;
  const head = Buffer.from(`\n${size} 0 obj\n<< /Length ${length} >>\nstream\n`, 'latin1');
  const filler = Buffer.alloc(length);
  for (let i = 0; i < length; i += 4) filler.writeUInt32LE((Math.imul(i, 2654435761) ^ (i >>> 7)) >>> 0, Math.min(i, length - 4));
  const objectAt = pdf.length + 1;
  const tail = `\nendstream\nendobj\n`;
  const xrefAt = pdf.length + head.length + length + tail.length;
  const xref = `xref\n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, head, filler, Buffer.from(tail + xref, 'latin1')]);
}

/**
 * The same PDF behind a password: an incremental update adds a standard security handler (RC4,
 * revision 2) whose /O and /U fit no empty password, so a reader must ask for one.
 */
export function encryptPdf(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  if (!startxref || !size || !root) throw new Error('encryptPdf: no classic trailer in the PDF');
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 97) & 0xff).toString(16).padStart(2, '0')).join('');
  const object = `\n${size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(7)}> /U <${hex(11)}> >>\nendobj\n`;
  const xrefAt = pdf.length + object.length;
  const id = hex(3).slice(0, 32);
  const xref = `xref\n${size} 1\n${String(pdf.length + 1).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Prev ${startxref} /Encrypt ${size} 0 R /ID [<${id}><${id}>] >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(object + xref, 'latin1')]);
}

/** A .docx whose document.xml inflates to 120 MB of zeros: refused before Word reading starts. */
export async function zipBomb(): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', new Uint8Array(120 * 1024 * 1024));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export interface ViewerFixtures {
  pages: Map<string, Page>;
  wrong: number;
  right: number;
  /** The .docx made by LibreOffice Writer from a fixture page (test/fixtures/documents): its injected row total. */
  docx: { wrong: number; right: number };
}

const DOCX_CASE = 'blanks-error-2021-word';

/** 3.1's 总计 in that case, and the sum of its columns (blank cells read as 0). */
function docxTotals(): { wrong: number; right: number } {
  const data = DOCUMENT_CASES.find((c) => c.name === DOCX_CASE)!.data;
  const row = data.applications['3.1']!;
  return { wrong: Number(row[6]), right: row.slice(0, 6).reduce<number>((sum, value) => sum + (Number(value) || 0), 0) };
}

/** The report alone, without the site's navigation and footer, as an agency exports it to PDF. */
function reportOnly(html: string): string {
  return html.replace(/<body>[\s\S]*?(<div class="WordSection1">)/, '<body>$1').replace(/<div class="footer">.*?<\/div>/, '');
}

const REAL = ['hongze-district-huaian-2023.pdf', 'hongze-district-huaian-2024.pdf', 'huaian-city-2024.pdf'];

export async function buildViewerPages(): Promise<ViewerFixtures> {
  const { data, right, wrong } = wrongTotalReport();
  const html = renderHtml(data, 'word');
  const pdf = await printPdf(reportOnly(html));
  const long = await printPdf(html, 299);
  const pages = new Map<string, Page>();
  const pdfType = 'application/pdf';
  // The county page: title, date and a download link, no tables, among the site's navigation and
  // footer links (ordinary links with queries: Firefox once lost the offer on those, issue 18).
  pages.set('/nb2020.html', {
    body: `<!doctype html><html><head><meta charset="utf-8"><title>${esc(PDF_TITLE)}</title></head><body>${SITE_NAV}
<h1>${esc(PDF_TITLE)}</h1><p>发布日期：2021-01-25</p><p>附件：<a href="/files/nb2020.pdf">${esc(PDF_TITLE)}.pdf</a></p>${SITE_FOOTER}</body></html>`,
  });
  pages.set('/files/nb2020.pdf', { body: pdf, type: pdfType });
  pages.set('/files/long.pdf', { body: long, type: pdfType });
  pages.set('/files/big.pdf', { body: padPdf(pdf, 50_000_000), type: pdfType });
  pages.set('/files/broken-xref.pdf', { body: Buffer.from(Buffer.from(pdf).toString('latin1').replace(/startxref\s+\d+/, 'startxref\n99999999'), 'latin1'), type: pdfType });
  pages.set('/files/encrypted.pdf', { body: encryptPdf(pdf), type: pdfType });
  pages.set('/files/truncated.pdf', { body: pdf.slice(0, 2000), type: pdfType });
  pages.set('/files/not-a-pdf.pdf', { body: 'this is not a PDF at all', type: pdfType });
  pages.set('/files/bomb.docx', { body: await zipBomb(), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  pages.set('/files/saved-page.doc', { body: html, type: 'application/msword' });
  pages.set('/files/blanks-error.docx', {
    body: readFileSync(`test/fixtures/documents/${DOCX_CASE}.writer.docx`),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  for (const file of REAL) pages.set(`/real/${file}`, { body: readFileSync(sharedPath('fixtures', 'real', file)), type: pdfType });
  return { pages, wrong, right, docx: docxTotals() };
}
