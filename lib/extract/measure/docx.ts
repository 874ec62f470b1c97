/**
 * A .docx's costs measured while inflating it, before mammoth reads it (lib/extract/budgets.ts): the
 * bytes its XML parts really inflate to (a zip's headers may say anything: one that claimed a few
 * hundred bytes per part inflated to 2 GB), and, in the body, table cells and element nesting.
 */
import type JSZip from 'jszip';
import { BUDGETS, OverBudget, type Budgets } from '../budgets';

type DocxBudgets = Pick<Budgets, 'docxInflatedBytes' | 'docxCells' | 'docxDepth'>;

/** The parts mammoth parses (XML and relationships); media are never inflated (the reader skips images). */
const PARSED = /\.(?:xml|rels)$/i;
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

/**
 * Elements and table cells of XML, counted byte by byte as chunks arrive: a tag's name is read after
 * `<`, `</…>` closes, `…/>` closes itself, quoted attribute values and `<?…>`/`<!…>` are skipped.
 */
export class XmlShape {
  depth = 0;
  deepest = 0;
  cells = 0;
  private state: 'text' | 'start' | 'name' | 'tag' | 'quote' | 'skip' = 'text';
  private name = '';
  private closing = false;
  private quote = 0;
  private slash = false;

  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i]!;
      switch (this.state) {
        case 'text':
          if (byte === LT) this.state = 'start';
          break;
        case 'start':
          this.closing = byte === SLASH;
          this.name = this.closing ? '' : String.fromCharCode(byte);
          this.state = byte === 0x3f || byte === 0x21 ? 'skip' : 'name';
          break;
        case 'name':
          if (byte === GT || byte === SLASH || byte <= 0x20) {
            this.opened();
            this.slash = byte === SLASH;
            this.state = byte === GT ? 'text' : 'tag';
          } else if (this.name.length < 32) this.name += String.fromCharCode(byte);
          break;
        case 'tag':
          if (byte === 0x22 || byte === 0x27) {
            this.quote = byte;
            this.state = 'quote';
          } else if (byte === GT) {
            if (this.slash && !this.closing) this.depth -= 1;
            this.state = 'text';
          }
          this.slash = byte === SLASH;
          break;
        case 'quote':
          if (byte === this.quote) this.state = 'tag';
          break;
        case 'skip':
          if (byte === GT) this.state = 'text';
          break;
      }
    }
  }

  private opened(): void {
    if (this.closing) {
      this.depth -= 1;
      return;
    }
    this.depth += 1;
    if (this.depth > this.deepest) this.deepest = this.depth;
    if (this.name === 'w:tc' || this.name.endsWith(':tc') || this.name === 'tc') this.cells += 1;
  }
}

/** One part inflated chunk by chunk (jszip's stream), each chunk shown to `see`; stops when `see` says so. */
function inflatePart(file: JSZip.JSZipObject, see: (chunk: Uint8Array) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const helper = (file as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    helper.on('data', (chunk: Uint8Array) => {
      if (!see(chunk)) {
        helper.pause();
        resolve();
      }
    }).on('error', reject).on('end', () => resolve()).resume();
  });
}

interface StreamHelper {
  on(event: 'data', callback: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', callback: (error: Error) => void): StreamHelper;
  on(event: 'end', callback: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/**
 * The first budget a .docx is over, or null: its XML parts inflated and counted (never trusting the
 * sizes its headers state), its main document's cells and nesting counted on the way. A part that
 * fails to inflate is left to mammoth, which then fails on it (the file is damaged, not costly).
 */
export async function docxOverBudget(zip: JSZip, main = 'word/document.xml', budgets: DocxBudgets = BUDGETS): Promise<OverBudget | null> {
  let total = 0;
  let over: OverBudget | null = null;
  for (const file of Object.values(zip.files)) {
    if (file.dir || !PARSED.test(file.name)) continue;
    const shape = file.name === main ? new XmlShape() : null;
    await inflatePart(file, (chunk) => {
      total += chunk.byteLength;
      if (total > budgets.docxInflatedBytes) over = new OverBudget('docxInflatedBytes', total);
      if (shape) {
        shape.feed(chunk);
        if (shape.cells > budgets.docxCells) over = new OverBudget('docxCells', shape.cells);
        else if (shape.deepest > budgets.docxDepth) over = new OverBudget('docxDepth', shape.deepest);
      }
      return over === null;
    }).catch(() => undefined);
    if (over) return over;
  }
  return null;
}
