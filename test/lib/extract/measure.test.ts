/**
 * The measurers behind the budgets (lib/extract/measure/), fuzzed at small budgets against what they
 * measure: a budget fires exactly when the document is over it, however the bytes arrive. Runs
 * FUZZ_RUNS cases each (40 here, 10,000 in `npm run test:long`).
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { parseDocument } from '../../../lib/cli/dom';
import { nodeInflate, nodeReaderEnv } from '../../../lib/cli/reader-env';
import { BUDGETS } from '../../../lib/extract/budgets';
import { readDocument } from '../../../lib/extract/document';
import { compoundFileFault } from '../../../lib/extract/measure/cfb';
import { docxOverBudget, XmlShape } from '../../../lib/extract/measure/docx';
import { htmlOverBudget } from '../../../lib/extract/measure/html';
import { webInflate } from '../../../lib/extract/measure/inflate';
import { pdfOverBudget } from '../../../lib/extract/measure/pdf';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cellDocx, deepDocx, deepFormPdf, inflatingPdf, loopingDoc, PAGE_TEXT, pdfOf } from '../../support/hostile';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const heavy = { numRuns: Math.max(5, Math.round(RUNS / 20)) };

/** An XML element tree: its serialisation, its depth and its `w:tc` count. */
interface Tree { xml: string; depth: number; cells: number }
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom('w:p', 'w:tc', 'x'), fc.constantFrom('', ' a="1>2/"')).map(([name, attribute]): Tree => ({ xml: `<${name}${attribute}/>`, depth: 1, cells: name === 'w:tc' ? 1 : 0 })),
    fc.tuple(fc.constantFrom('w:p', 'w:tc', 'w:tbl', 'w:tcPr', 'w:t', 'x'), fc.array(tie('node'), { maxLength: 3 }), fc.constantFrom('', ' a="1>2/"', " b='/>'", ' c="x"'))
      .map(([name, children, attribute]): Tree => ({
        xml: `<${name}${attribute}>${children.map((c) => c.xml).join('text')}</${name}>`,
        depth: 1 + children.reduce((most, c) => Math.max(most, c.depth), 0),
        cells: (name === 'w:tc' ? 1 : 0) + children.reduce((sum, c) => sum + c.cells, 0),
      }))),
})).node;

describe('XmlShape: cells and nesting of XML counted as chunks arrive', () => {
  it('equals the tree’s own depth and cell count, wherever the chunks break', () => {
    fc.assert(fc.property(tree, fc.array(fc.nat(), { maxLength: 8 }), (t, cuts) => {
      const bytes = new TextEncoder().encode(`<?xml version="1.0"?><!-- a > b -->${t.xml}`);
      const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const shape = new XmlShape();
      let from = 0;
      for (const to of [...at, bytes.length]) {
        shape.feed(bytes.subarray(from, to));
        from = to;
      }
      expect([shape.deepest, shape.cells, shape.depth]).toEqual([t.depth, t.cells, 0]);
    }), { numRuns: RUNS });
  });
});

describe('a .docx over its budgets, measured while inflating', () => {
  it('cells: over exactly when the table has more cells than the budget', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), async (cells, budget) => {
      const zip = await JSZip.loadAsync(await cellDocx(cells));
      const over = await docxOverBudget(zip, 'word/document.xml', { ...BUDGETS, docxCells: budget });
      // cellDocx fills rows of ten.
      expect(over?.budget ?? null).toBe(Math.ceil(cells / 10) * 10 > budget ? 'docxCells' : null);
    }), heavy);
  });

  it('nesting: over exactly when the body nests deeper than the budget', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 8, max: 200 }), async (tables, budget) => {
      const zip = await JSZip.loadAsync(await deepDocx(tables));
      const over = await docxOverBudget(zip, 'word/document.xml', { ...BUDGETS, docxDepth: budget, docxCells: Infinity });
      // document > body > (tbl > tr > tc) × tables > p > r > t
      const depth = 2 + 3 * tables + 3;
      expect(over?.budget ?? null).toBe(depth > budget ? 'docxDepth' : null);
    }), heavy);
  });
});

describe('an old .doc’s sector chains, walked with a visited set', () => {
  /** loopingDoc with its FAT's entries for sectors 2 and 3 replaced. */
  const withChain = (two: number, three: number) => {
    const file = loopingDoc();
    file.writeInt32LE(two, 512 + 2 * 4);
    file.writeInt32LE(three, 512 + 3 * 4);
    return file;
  };

  it('a chain that comes back on itself is a fault; one that ends, or runs off the table, is not', () => {
    fc.assert(fc.property(fc.integer({ min: -4, max: 200 }), fc.integer({ min: -4, max: 200 }), (two, three) => {
      // Sectors 0–3 are in the file; the WordDocument stream starts at 2.
      const next = (id: number) => (id === 2 ? two : id === 3 ? three : id === 0 ? -3 : -2);
      const seen = new Set<number>();
      let loops = false;
      for (let id = 2; id >= 0 && id < 4; id = next(id)) {
        if (seen.has(id)) {
          loops = true;
          break;
        }
        seen.add(id);
      }
      expect(compoundFileFault(withChain(two, three))).toBe(loops ? 'loop' : null);
    }), { numRuns: RUNS });
  });

  it('word-extractor reads a file whose chains end (it fails on the missing Word parts, quickly, as damage)', async () => {
    const env = await nodeReaderEnv();
    const read = await readDocument(withChain(3, -2), { name: 'ok.doc' }, env);
    expect(read.error).toBe('unreadable');
    expect((await readDocument(loopingDoc(), { name: 'loop.doc' }, env)).error).toBe('doc-chain');
  });
});

describe('a PDF over its budgets, measured on its bytes', () => {
  it('form nesting: over exactly when the chain of forms is deeper than the budget', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 60 }), async (depth, budget) => {
      const over = await pdfOverBudget(deepFormPdf(depth), nodeInflate, { ...BUDGETS, pdfFormDepth: budget });
      expect(over?.budget ?? null).toBe(depth > budget ? 'pdfFormDepth' : null);
    }), heavy);
  });

  it('a form that paints itself (through another) is over, whatever the budget', async () => {
    const form = (next: number) => `<</Type/XObject/Subtype/Form/BBox[0 0 10 10]/Resources<</XObject<</X ${next} 0 R>>>>/Length 6>>\nstream\n/X Do\nendstream`;
    const pdf = pdfOf(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>',
      '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</X 5 0 R>>>>/Contents 4 0 R>>', '<</Length 6>>\nstream\n/X Do\nendstream', form(6), form(5)]);
    const over = await pdfOverBudget(pdf, nodeInflate);
    expect(over?.budget).toBe('pdfFormDepth');
    expect(over?.found).toBeNull();
  });

  it('page content and the whole document: over exactly when past each budget', async () => {
    const budgets = { ...BUDGETS, pdfPageContentBytes: 32 * 1024, pdfDocumentInflatedBytes: 96 * 1024 };
    /** What the budgets say of `pages` pages of text and filler, streams measured in file order, each capped where it passes one. */
    const expected = (pages: number, filler: number) => {
      let total = 0;
      for (let p = 0; p < pages; p += 1) {
        for (const size of [PAGE_TEXT.length, filler]) {
          const cap = Math.min(budgets.pdfDocumentInflatedBytes - total, budgets.pdfPageContentBytes);
          const measured = size > cap ? cap + 1 : size;
          total += measured;
          if (total > budgets.pdfDocumentInflatedBytes) return 'pdfDocumentInflatedBytes';
          if (measured > budgets.pdfPageContentBytes) return 'pdfPageContentBytes';
        }
      }
      return PAGE_TEXT.length + filler > budgets.pdfPageContentBytes ? 'pdfPageContentBytes' : null;
    };
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 64 * 1024 }), async (pages, filler) => {
      const over = await pdfOverBudget(await inflatingPdf(filler, pages), nodeInflate, budgets);
      expect(over?.budget ?? null).toBe(expected(pages, filler));
    }), heavy);
  });

  it('Node’s zlib and the web’s DecompressionStream measure the same, whole, capped or cut short', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 8192 }), fc.nat(), async (seed, repeat, cap, cut) => {
      const data = deflateSync(Buffer.concat(Array.from({ length: repeat }, () => Buffer.from(seed))));
      const cutData = data.subarray(0, data.length - (cut % Math.max(1, data.length - 2)));
      for (const bytes of [data, cutData]) {
        const [node, web] = [await nodeInflate(bytes, cap, true), await webInflate(bytes, cap, true)];
        expect(Math.min(node.size, cap + 1)).toBe(Math.min(web.size, cap + 1));
        if (node.size <= cap) expect(Buffer.from(node.bytes!)).toEqual(Buffer.from(web.bytes!));
      }
    }), { numRuns: RUNS });
  });
});

describe('HTML cells counted before parsing', () => {
  /** A table (cells may hold tables): its markup, its own cells, every table's own cells, all cells. */
  interface Table { html: string; own: number[]; cells: number }
  const table = fc.letrec<{ t: Table }>((tie) => ({
    t: fc.array(fc.array(fc.option(tie('t'), { freq: 4, depthSize: 'small' }), { maxLength: 4 }), { maxLength: 4 }).map((rows): Table => {
      const inner = rows.flat().filter((cell): cell is Table => cell !== null);
      const own = rows.reduce((sum, cells) => sum + cells.length + 1, 0);
      return {
        html: `<table>${rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell ? cell.html : '1'}</td>`).join('')}<th>h</th></tr>`).join('')}</table>`,
        own: [own, ...inner.flatMap((t) => t.own)],
        cells: own + inner.reduce((sum, t) => sum + t.cells, 0),
      };
    }),
  })).t;

  it('over exactly when the page or one table has more cells than its budget (and the count is the parser’s)', () => {
    fc.assert(fc.property(fc.array(table, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }), (tables, page, perTable) => {
      const html = `<html><body>${tables.map((t) => t.html).join('<p>x</p>')}</body></html>`;
      const cells = tables.reduce((sum, t) => sum + t.cells, 0);
      const doc = parseDocument(html);
      expect(doc.getElementsByTagName('td').length + doc.getElementsByTagName('th').length).toBe(cells);
      const over = htmlOverBudget(html, { htmlCellsPerPage: page, htmlCellsPerTable: perTable });
      expect(over !== null).toBe(cells > page || tables.some((t) => t.own.some((n) => n > perTable)));
    }), { numRuns: RUNS });
  });
});
