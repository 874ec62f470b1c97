import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { auditExtracted } from '../../../lib/audit';
import { nodeReaderEnv } from '../../../lib/cli/reader-env';
import { readDocument } from '../../../lib/extract/document';
import { extractFromTextAny } from '../../../lib/extract/layout-text';
import { PDF_SETTINGS, readLayout, type Chunk } from '../../../lib/extract/layout/index';
import { itemsToChunks, type PdfTextItem } from '../../../lib/extract/pdf/items';
import type { Extracted } from '../../../lib/extract/types';
import { sharedPath } from '../../support/shared';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const env = await nodeReaderEnv();

/** The text chunks of a real report, read once: the mutations below start from them. */
async function realChunks(path: string): Promise<{ chunks: Chunk[]; heights: number[] }> {
  const doc = await (typeof env.pdfjs === 'function' ? await env.pdfjs() : env.pdfjs).getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise;
  const chunks: Chunk[] = [];
  const heights: number[] = [];
  for (let p = 1; p <= doc.numPages; p += 1) {
    const page = await doc.getPage(p);
    const viewport = page.getViewport({ scale: 1 });
    heights.push(viewport.height);
    const content = await page.getTextContent();
    chunks.push(...itemsToChunks(content.items.filter((item) => 'str' in item) as PdfTextItem[], p, viewport.transform, () => false, PDF_SETTINGS));
  }
  await doc.destroy();
  return { chunks, heights };
}

const huaian = await realChunks(sharedPath('fixtures', 'real', 'huaian-city-2024.pdf'));
const read = (chunks: Chunk[]) => readLayout(chunks, PDF_SETTINGS, { pageHeight: (p) => huaian.heights[p - 1] ?? null });
const extracted = (chunks: Chunk[]): Extracted => ({ ...read(chunks), title: '淮安市人民政府2024年政府信息公开工作年度报告', dates: [{ date: '2025-01-20', source: 'site' }], anomalies: [] });
const findings = (chunks: Chunk[]) => auditExtracted(extracted(chunks)).result.findings.map((f) => `${f.rule} ${f.table}/${f.row}/${f.column}`);
/** The real report's findings, read in order: clean tables, 64 + 4 + 1 结果纠正 and a part 一 of 1290 characters (infos). */
const BASELINE = ['appeals.corrected appeals/null/corrected', 'report.summary-length null/null/null'];

describe('PDF layout reading under mutation', () => {
  it('the order of the text items does not matter (pdf.js gives content-stream order, not reading order)', () => {
    const baseline = findings(huaian.chunks);
    expect(baseline).toEqual(BASELINE);
    fc.assert(fc.property(fc.array(fc.nat(), { minLength: huaian.chunks.length, maxLength: huaian.chunks.length }), (keys) => {
      const shuffled = huaian.chunks.map((chunk, i) => ({ chunk, key: keys[i]! })).sort((a, b) => a.key - b.key).map(({ chunk }) => ({ ...chunk }));
      expect(findings(shuffled)).toEqual(baseline);
    }), { numRuns: Math.max(5, RUNS / 4) });
  });

  it('small shifts of each item (a tenth of a character) change nothing', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: huaian.chunks.length * 2, maxLength: huaian.chunks.length * 2 }), (shifts) => {
      const moved = huaian.chunks.map((chunk, i) => {
        const dx = shifts[2 * i]! * chunk.size;
        const dy = shifts[2 * i + 1]! * chunk.size;
        return { ...chunk, x0: chunk.x0 + dx, x1: chunk.x1 + dx, top: chunk.top + dy, bottom: chunk.bottom + dy };
      });
      expect(findings(moved)).toEqual(BASELINE);
    }), { numRuns: Math.max(5, RUNS / 4) });
  });

  it('dropped, duplicated and garbage items never break the reader', () => {
    const garbage = fc.record({
      text: fc.string({ maxLength: 12 }), page: fc.integer({ min: 1, max: 7 }), x0: fc.double({ min: -100, max: 700, noNaN: true }),
      width: fc.double({ min: 0, max: 300, noNaN: true }), top: fc.double({ min: -100, max: 900, noNaN: true }), size: fc.double({ min: 0.1, max: 40, noNaN: true }),
    }).map(({ text, page, x0, width, top, size }): Chunk => ({ text, page, x0, x1: x0 + width, top, bottom: top + size, size }));
    fc.assert(fc.property(fc.array(fc.boolean(), { minLength: huaian.chunks.length, maxLength: huaian.chunks.length }), fc.array(garbage, { maxLength: 40 }), (keep, extra) => {
      const chunks = [...huaian.chunks.filter((_, i) => keep[i]).map((c) => ({ ...c })), ...extra];
      const result = read(chunks);
      expect(result.tokens.length).toBeLessThanOrEqual(chunks.length * 20 + 100);
      for (const token of result.tokens) expect(Number.isFinite(token.pos?.colSpan ?? 1)).toBe(true);
      auditExtracted(extracted(chunks));
    }), { numRuns: RUNS });
  });
});

describe('other readers under mutation', () => {
  it('a .docx whose document.xml lost random parts reads or fails cleanly', async () => {
    const zip = await JSZip.loadAsync(readFileSync(sharedPath('fixtures', 'real', 'template-2021-blank-word.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    await fc.assert(fc.asyncProperty(fc.nat(xml.length), fc.nat(2000), async (at, cut) => {
      zip.file('word/document.xml', xml.slice(0, at) + xml.slice(at + cut));
      const bytes = await zip.generateAsync({ type: 'uint8array' });
      const result = await readDocument(bytes, { name: 'x.docx' }, env);
      expect(result.extracted !== null || result.error !== null).toBe(true);
    }), { numRuns: Math.max(3, RUNS / 8) });
  });

  it('any text, space-aligned or not, reads without throwing', () => {
    const line = fc.array(fc.oneof(fc.constantFrom('  ', '    ', '\t', ' '), fc.constantFrom('一、本年新收', '（三）不予公开', '1.属于国家秘密', '3119', '0', '-4-', '总计', '\f'), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.array(line, { maxLength: 80 }), (lines) => {
      auditExtracted(extractFromTextAny(lines.join('\n')));
    }), { numRuns: RUNS });
  });

  it('random bytes behind a %PDF header end in an error, not a throw or a hang', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4000 }), async (tail) => {
      const bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...tail]);
      const result = await readDocument(bytes, { name: 'x.pdf' }, env);
      expect(result.kind).toBe('pdf');
      expect(result.error).not.toBeNull();
    }), { numRuns: Math.max(5, RUNS / 4) });
  });
});
