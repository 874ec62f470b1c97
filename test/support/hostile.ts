/**
 * The hostile corpus of issue 24, made by generators (no binary blobs): each input that once threw a
 * batch away, killed Node or cost gigabytes, at a size given by the caller (CI size in the unit suite,
 * the issue's size in `npm run test:long`).
 */
import { readFileSync } from 'node:fs';
import { createDeflate, createDeflateRaw, crc32 as zlibCrc32, deflateRawSync, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { sharedPath } from './shared';

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** Deflate `size` bytes of one repeated filler (zlib or raw), streamed so that no gigabyte is ever held. */
async function deflateFiller(size: number, filler: Buffer, raw: boolean): Promise<{ data: Buffer; crc: number }> {
  const deflate = raw ? createDeflateRaw({ level: 9 }) : createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const block = Buffer.alloc(1 << 20, filler);
  let crc = 0;
  for (let left = size; left > 0; left -= block.length) {
    const part = left >= block.length ? block : block.subarray(0, left);
    crc = zlibCrc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc };
}

/** A PDF from its numbered objects (1 is the catalog), with a correct cross-reference table. */
export function pdfOf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const part = Buffer.concat([ascii(`${i + 1} 0 obj\n`), typeof body === 'string' ? ascii(body) : body, ascii('\nendobj\n')]);
    parts.push(part);
    at += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(ascii(`${xref}trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const stream = (dict: string, data: Buffer) => Buffer.concat([ascii(`<<${dict}/Length ${data.length}>>\nstream\n`), data, ascii('\nendstream')]);
const FONT = '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>';
/** Each generated page's one line of text, as its content stream holds it. */
export const PAGE_TEXT = 'BT /F1 12 Tf 72 720 Td (Annual report 2024) Tj ET\n';
const TEXT = PAGE_TEXT;

/**
 * A PDF of `pages` pages, each one short line of text and a content stream that inflates to
 * `inflated` bytes of spaces (1–3 MB of file for 1–3 GB): pdf.js held it all, then called the file a scan.
 */
export async function inflatingPdf(inflated: number, pages = 1): Promise<Buffer> {
  const bomb = await deflateFiller(inflated, Buffer.from(' '), false);
  const text = deflateSync(Buffer.from(TEXT));
  const objects: (string | Buffer)[] = ['<</Type/Catalog/Pages 2 0 R>>', '', FONT];
  const kids: string[] = [];
  for (let p = 0; p < pages; p += 1) {
    const page = objects.length + 1;
    kids.push(`${page} 0 R`);
    objects.push(`<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>/Contents[${page + 1} 0 R ${page + 2} 0 R]>>`);
    objects.push(stream('/Filter/FlateDecode', text), stream('/Filter/FlateDecode', bomb.data));
  }
  objects[1] = `<</Type/Pages/Kids[${kids.join(' ')}]/Count ${pages}>>`;
  return pdfOf(objects);
}

/**
 * A page that draws a form that draws a form … `depth` deep (the last one draws the text). pdf.js
 * recursed until its stack overflowed, printed each overflow and found no text: “a scan”.
 */
export function deepFormPdf(depth: number): Buffer {
  const first = 6;
  const objects: (string | Buffer)[] = [
    '<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    `<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>/XObject<</X ${first} 0 R>>>>/Contents 4 0 R>>`,
    stream('', ascii(`${TEXT}/X Do\n`)), FONT,
  ];
  for (let k = 0; k < depth; k += 1) {
    const last = k === depth - 1;
    const resources = last ? '/Font<</F1 5 0 R>>' : `/XObject<</X ${first + k + 1} 0 R>>`;
    objects.push(stream(`/Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources<<${resources}>>`, ascii(last ? TEXT : '/X Do\n')));
  }
  return pdfOf(objects);
}

/**
 * A real report PDF with two bytes changed (`hongze-district-huaian-2023.pdf`, at the catalog's
 * reference to its page tree: `/Pages 2 0 R` → `/Pages 99 R`): pdf.js opens it and finds no pages.
 * Issue 24's damaged PDF left a promise rejecting inside pdf.js after the reader had answered; the
 * worker's guard (lib/cli/worker.ts) catches whatever a reader leaves behind.
 */
export function damagedPdf(positions: readonly number[] = DAMAGED_AT, value = 0x39): Buffer {
  const bytes = Buffer.from(readFileSync(sharedPath('fixtures', 'real', 'hongze-district-huaian-2023.pdf')));
  for (const at of positions) bytes[at] = value;
  return bytes;
}
export const DAMAGED_AT: readonly number[] = [293, 294];

/** A `.pdf` whose first bytes are not `%PDF`: the header damaged (`%PDX`). */
export function notPdf(): Buffer {
  const bytes = Buffer.from(readFileSync(sharedPath('fixtures', 'real', 'hongze-district-huaian-2023.pdf')));
  bytes.write('%PDX', 0, 'latin1');
  return bytes;
}

/**
 * An old Word file (a compound file, 512-byte sectors) whose WordDocument stream's sector chain
 * loops: 2 → 3 → 2. 2 KB; word-extractor followed the chain until Node died (1.95 GB).
 */
export function loopingDoc(): Buffer {
  const sector = 512;
  const file = Buffer.alloc(sector * 5, 0);
  file.write('d0cf11e0a1b11ae1', 0, 'hex');
  file.writeUInt16LE(0x3e, 24);
  file.writeUInt16LE(3, 26);
  file.writeUInt16LE(0xfffe, 28);
  file.writeUInt16LE(9, 30);
  file.writeUInt16LE(6, 32);
  file.writeInt32LE(1, 44); // one FAT sector
  file.writeInt32LE(1, 48); // the directory starts at sector 1
  file.writeInt32LE(4096, 56);
  file.writeInt32LE(-2, 60); // no mini FAT
  file.writeInt32LE(-2, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i += 1) file.writeInt32LE(i === 0 ? 0 : -1, 76 + i * 4);
  const fat = sector; // sector 0 sits after the header
  const table = [-3, -2, 3, 2];
  for (let i = 0; i < sector / 4; i += 1) file.writeInt32LE(table[i] ?? -1, fat + i * 4);
  const dir = sector * 2;
  const entry = (index: number, name: string, type: number, child: number, start: number, size: number) => {
    const at = dir + index * 128;
    file.write(name, at, 'utf16le');
    file.writeUInt16LE((name.length + 1) * 2, at + 64);
    file.writeUInt8(type, at + 66);
    file.writeUInt8(1, at + 67);
    file.writeInt32LE(-1, at + 68);
    file.writeInt32LE(-1, at + 72);
    file.writeInt32LE(child, at + 76);
    file.writeInt32LE(start, at + 116);
    file.writeInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 1, -2, 0);
  entry(1, 'WordDocument', 2, -1, 2, 8192);
  for (let i = 2; i < 4; i += 1) entry(i, '', 0, -1, -1, 0);
  return file;
}

/** The official template's .docx with its body replaced: the Word parts a real file has. */
async function docxWithBody(body: string | Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(sharedPath('fixtures', 'real', 'template-2021-blank-word.docx')));
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  zip.file('word/document.xml', Buffer.concat([Buffer.from(head), Buffer.from(body), Buffer.from('</w:body></w:document>')]));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A .docx holding one table of `cells` cells (ten a row): 656 KB for 1,000,000; mammoth took 4.3 GB and Node died. */
export function cellDocx(cells: number): Promise<Buffer> {
  const cell = '<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>';
  const row = `<w:tr>${cell.repeat(10)}</w:tr>`;
  const rows = Math.ceil(cells / 10);
  return docxWithBody(Buffer.concat([Buffer.from('<w:tbl>'), Buffer.from(row.repeat(rows)), Buffer.from('</w:tbl>')]));
}

/** A .docx whose tables nest `depth` deep (a cell holding a table holding a cell …): called “damaged”. */
export function deepDocx(depth: number): Promise<Buffer> {
  const open = '<w:tbl><w:tr><w:tc>';
  const close = '<w:p/></w:tc></w:tr></w:tbl>';
  return docxWithBody(`${open.repeat(depth)}<w:p><w:r><w:t>深</w:t></w:r></w:p>${close.repeat(depth)}`);
}

/**
 * A .docx whose zip headers (local and central) say each part holds a few hundred bytes, while its
 * body inflates to `inflated` bytes: it passed the zip-bomb check, which read the headers (2.16 GB).
 */
export async function lyingDocx(inflated: number): Promise<Buffer> {
  const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  // The body: one letter over and over, as far as the stream goes.
  const filler = await deflateFiller(inflated, Buffer.from('a'), true);
  const entries = [
    { name: '[Content_Types].xml', data: deflateRawOf(types), crc: zlibCrc32(Buffer.from(types)) },
    { name: '_rels/.rels', data: deflateRawOf(rels), crc: zlibCrc32(Buffer.from(rels)) },
    { name: 'word/document.xml', data: filler.data, crc: filler.crc },
  ];
  return zipOf(entries, 300);
}

const deflateRawOf = (text: string) => deflateRawSync(Buffer.from(text), { level: 9 });

/** A zip whose headers all claim `claimed` bytes uncompressed, whatever the parts hold. */
function zipOf(entries: { name: string; data: Buffer; crc: number }[], claimed: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(claimed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** About `bytes` of HTML made almost only of empty table cells (26–49 MB took 3.0–4.2 GB and 77 s). */
export function cellHtml(bytes: number): Buffer {
  const head = Buffer.from('<!doctype html><html><head><meta charset="utf-8"><title>2024年政府信息公开工作年度报告</title></head><body><table>');
  const row = Buffer.from(`<tr>${'<td>1</td>'.repeat(20)}</tr>`);
  const rows = Math.max(1, Math.floor((bytes - head.length) / row.length));
  const out = Buffer.alloc(head.length + rows * row.length + 8);
  head.copy(out, 0);
  for (let i = 0; i < rows; i += 1) row.copy(out, head.length + i * row.length);
  out.write('</table>', head.length + rows * row.length);
  return out;
}

/**
 * A page under the HTML budgets but heavy to read: `tables` tables of `rows` rows of 20 cells (12 of
 * 1,000 rows: 240,000 cells, 2.5 MB, about 200 MB and several seconds to parse and read).
 */
export function heavyHtml(tables: number, rows: number): Buffer {
  const table = `<table>${`<tr>${'<td>1</td>'.repeat(20)}</tr>`.repeat(rows)}</table>`;
  return Buffer.from(`<!doctype html><html><head><meta charset="utf-8"></head><body>${table.repeat(tables)}</body></html>`);
}
