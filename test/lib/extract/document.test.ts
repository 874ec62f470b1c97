import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { auditExtracted } from '../../../lib/audit';
import { nodeReaderEnv } from '../../../lib/cli/reader-env';
import { BUDGETS } from '../../../lib/extract/budgets';
import { readDocument, sniffKind } from '../../../lib/extract/document';
import { extractFromTextAny, isSpaceAligned } from '../../../lib/extract/layout-text';
import { textQuality } from '../../../lib/extract/pdf/quality';
import { documentMessage } from '../../../lib/i18n/documents';
import { sharedPath } from '../../support/shared';

const REAL = sharedPath('fixtures', 'real');
const env = await nodeReaderEnv();

async function audit(bytes: Uint8Array, name: string) {
  const read = await readDocument(bytes, { name }, env);
  expect(read.error).toBeNull();
  return { read, audit: auditExtracted(read.extracted!, { source: name }) };
}

const file = (name: string) => new Uint8Array(readFileSync(`${REAL}/${name}`));
const findings = (result: { findings: { rule: string; severity: string; table: string | null; row: string | null; column: string | null }[] }) =>
  result.findings.map((f) => `${f.severity} ${f.rule} ${f.table}/${f.row}/${f.column}`);

describe('real PDFs give their MANIFEST findings', () => {
  it('洪泽区 2023: exactly the two appeals.total errors, nothing else', async () => {
    const { read, audit: a } = await audit(file('hongze-district-huaian-2023.pdf'), 'hongze-2023.pdf');
    expect(read.kind).toBe('pdf');
    expect(findings(a.result)).toEqual([
      'error appeals.total appeals/reconsideration/total',
      'error appeals.total appeals/litigation.after_reconsideration/total',
      // rules.md judges report.outdated-format per table: the single 2019 （六）其他处理 row of a 2023 report.
      'warning report.outdated-format applications/3.6/null',
      'info appeals.corrected appeals/null/corrected', // 行政复议 结果纠正 1
    ]);
    expect(a.result.year).toBe(2023);
    expect(a.result.tables.applications?.['1']?.total).toBe(21);
    expect(Object.values(a.result.tables.active!).some((row) => Object.values(row).includes(7730.28))).toBe(true);
  });

  it('洪泽区 2024 and 淮安市 2024: clean tables', async () => {
    for (const name of ['hongze-district-huaian-2024.pdf', 'huaian-city-2024.pdf']) {
      const { audit: a } = await audit(file(name), name);
      // 洪泽区 keeps the single 2019 （六）其他处理 row: report.outdated-format on that table (rules.md, per table).
      // Both state decisions corrected on review (1; 64 + 4 + 1); 淮安市's part 一 runs to 1290 characters;
      // 洪泽区's prose says “区政府办代表区政府受理政府信息公开申请17件” (over two printed lines) against 95.
      expect(findings(a.result), name).toEqual(name.startsWith('hongze')
        ? ['warning narrative.mismatch applications/1/total', 'warning report.outdated-format applications/3.6/null', 'info appeals.corrected appeals/null/corrected']
        : ['info appeals.corrected appeals/null/corrected', 'info report.summary-length null/null/null']);
      expect(a.result.format).toBe('2021');
    }
  });

  it('淮安市 2024: values by position, boxes on their pages, the title over two lines joined', async () => {
    const { read, audit: a } = await audit(file('huaian-city-2024.pdf'), 'huaian.pdf');
    expect(read.extracted!.title).toBe('淮安市人民政府2024 年政府信息公开工作年度报告');
    const apps = a.result.tables.applications!;
    expect(apps['1']).toMatchObject({ natural: 3001, commercial: 53, research: 0, social: 0, legal: 61, other: 4, total: 3119 });
    // （六）1、 wraps over three lines with its values on the middle one; （四） is split by the page break.
    expect(apps['3.6.1']?.total).toBe(71);
    expect(apps['3.4.2']?.total).toBe(11);
    expect(a.result.tables.appeals?.['litigation.after_reconsideration']?.total).toBe(20);
    const value = read.extracted!.tokens.find((token) => token.text === '3119');
    expect(value?.box).toMatchObject({ page: 4 });
    expect(value!.box!.x).toBeGreaterThan(490);
    expect(value!.box!.x).toBeLessThan(500);
    expect(read.pageSizes?.[0]).toEqual({ width: 595, height: 842 });
    // No page footer (“- 4 -”) among the tokens.
    expect(read.extracted!.tokens.some((token) => /^-\s*\d+\s*-$/.test(token.text))).toBe(false);
  });
});

describe('space-aligned text', () => {
  it('`pdftotext -layout` of 淮安市 2024 reads with no finding, like the PDF', () => {
    // test/fixtures/documents/huaian-city-2024.layout.txt = pdftotext -layout huaian-city-2024.pdf (poppler 22.02)
    const text = readFileSync('test/fixtures/documents/huaian-city-2024.layout.txt', 'utf8');
    expect(isSpaceAligned(text)).toBe(true);
    const a = auditExtracted(extractFromTextAny(text));
    // The text layer prints no publication date (the PDF has it in its metadata): that info only.
    expect(findings(a.result)).toEqual(['info appeals.corrected appeals/null/corrected', 'info report.date-missing null/null/null', 'info report.summary-length null/null/null']);
    expect(a.result.tables.applications?.['3.5.5']?.total).toBe(1);
    expect(a.result.tables.appeals?.['reconsideration']?.total).toBe(351);
  });

  it('the seeds\' layouts still go to the seeds\' reader', () => {
    const seed = readFileSync(sharedPath('seeds', '002_0c9827e6b67986f5.txt'), 'utf8');
    expect(isSpaceAligned(seed)).toBe(false);
  });
});

describe('Word documents', () => {
  it('the blank 2021 template .docx: tables read, all blank', async () => {
    const { read, audit: a } = await audit(file('template-2021-blank-word.docx'), 'template.docx');
    expect(read.kind).toBe('docx');
    expect(a.result.findings.filter((f) => f.rule === 'report.table-blank')).toHaveLength(3);
    expect(read.elements!.length).toBeGreaterThan(100);
  });

  it('HTML saved under a .doc name is read as HTML', async () => {
    const html = '<html><body><p>某局2020年政府信息公开工作年度报告</p><table><tr><td>本年新收政府信息公开申请数量</td><td>3</td></tr><tr><td>予以公开</td><td>3</td></tr></table></body></html>';
    const read = await readDocument(new TextEncoder().encode(html), { name: 'report.doc' }, env);
    expect(read.kind).toBe('html');
    expect(read.extracted!.title).toContain('年度报告');
  });

  it('a .docx’s media are never inflated (no reader looks at images): a part that would inflate past the budget costs nothing', async () => {
    const zip = await JSZip.loadAsync(readFileSync(sharedPath('fixtures', 'real', 'template-2021-blank-word.docx')));
    zip.file('word/media/bomb.png', new Uint8Array(BUDGETS.docxInflatedBytes + 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const read = await readDocument(bytes, { name: 'images.docx' }, env);
    expect(read.error).toBeNull();
    expect(read.extracted!.tokens.length).toBeGreaterThan(100);
  });

  it('an old .doc without a reader (the browser) gets its own message', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const read = await readDocument(bytes, { name: 'x.doc' }, { pdfjs: env.pdfjs, parseHtml: env.parseHtml });
    expect(read).toMatchObject({ kind: 'doc', error: 'doc-unsupported', extracted: null });
    expect(documentMessage('zh', 'doc-unsupported')).toContain('.doc');
  });
});

describe('bad input', () => {
  it('sniffs magic bytes, not names', () => {
    expect(sniffKind(new TextEncoder().encode('%PDF-1.7\n'), { name: 'a.html' })).toBe('pdf');
    expect(sniffKind(new Uint8Array([0x50, 0x4b, 3, 4]), { name: 'a.pdf' })).toBe('docx');
    expect(sniffKind(new TextEncoder().encode('<!DOCTYPE html><html>'), { name: 'a.docx' })).toBe('html');
    expect(sniffKind(new TextEncoder().encode('一、总体情况'), { name: 'a.txt' })).toBe('text');
  });

  it('a PDF with pages but no text is a scan; a broken one is unreadable; neither throws', async () => {
    const scan = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    expect((await readDocument(scan, { name: 'scan.pdf' }, env)).error).toBe('scanned');
    const broken = new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n'), ...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)]);
    expect((await readDocument(broken, { name: 'broken.pdf' }, env)).error).toBe('unreadable');
    expect((await readDocument(new Uint8Array(), { name: 'empty.pdf' }, env)).error).toBe('empty');
    expect(documentMessage('zh', 'scanned')).toContain('扫描件，无文字层');
  });

  it('an encrypted PDF (LibreOffice, open password) gets its own error', async () => {
    // test/fixtures/documents/encrypted.writer.pdf: soffice --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":…,"DocumentOpenPassword":…}'
    const read = await readDocument(new Uint8Array(readFileSync('test/fixtures/documents/encrypted.writer.pdf')), { name: 'x.pdf' }, env);
    expect(read).toMatchObject({ kind: 'pdf', error: 'encrypted', extracted: null });
    expect(documentMessage('en', 'encrypted')).toMatch(/encrypted/);
  });

  it('text quality: no text is a scan, glyph soup is garbled, Chinese is fine', () => {
    expect(textQuality('', 3)).toBe('scanned');
    expect(textQuality('\u0001\u0002\u0003\ue001\ue002\ue003'.repeat(20), 1)).toBe('garbled');
    expect(textQuality('一、总体情况 本年新收政府信息公开申请数量 21 件'.repeat(3), 1)).toBeNull();
  });
});
