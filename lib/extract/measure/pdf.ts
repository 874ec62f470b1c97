/**
 * A PDF's costs measured on its bytes before pdf.js reads it (lib/extract/budgets.ts): what its Flate
 * streams inflate to (each page's content, and all of them), and how deep its forms draw forms.
 * pdf.js keeps every stream it inflates whole and recurses once per form level, so a 1 MB file whose
 * page content inflated to 1 GB held 1 GB, and a 10,000-deep chain of forms overflowed its stack.
 *
 * Not a PDF parser: objects are found by their `N G obj` headers (those inside object streams too),
 * dictionaries read as text. A file too damaged for that is measured as far as it goes; pdf.js
 * then reads it or calls it unreadable. Images are not inflated: pdf.js decodes an image only up to
 * the size its dictionary declares.
 */
import { BUDGETS, OverBudget, type Budgets } from '../budgets';
import { webInflate, type Inflate } from './inflate';

interface PdfObject {
  /** The dictionary (a stream's) or the whole body, as Latin-1 text, cut at MAX_BODY. */
  body: string;
  stream?: { start: number; end: number };
}

/** Characters of one object's dictionary read: a real one is under 2 KB. */
const MAX_BODY = 64 * 1024;
/** An object stream's objects are read when it inflates to at most this. */
const MAX_OBJECT_STREAM = 16 * 1024 * 1024;

const latin1 = (bytes: Uint8Array, from: number, to: number): string => {
  let text = '';
  for (let at = from; at < to; at += 8192) text += String.fromCharCode(...bytes.subarray(at, Math.min(to, at + 8192)));
  return text;
};

function find(bytes: Uint8Array, word: string, from: number): number {
  const first = word.charCodeAt(0);
  outer: for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1)) {
    for (let k = 1; k < word.length; k += 1) if (bytes[at + k] !== word.charCodeAt(k)) continue outer;
    return at;
  }
  return -1;
}

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** The object number of an `obj` keyword at `at` (`12 0 obj`), or null when the keyword is not an object header. */
function headerAt(bytes: Uint8Array, at: number): number | null {
  let k = at - 1;
  if (!isSpace(bytes[k])) return null;
  while (isSpace(bytes[k])) k -= 1;
  if (!isDigit(bytes[k])) return null;
  while (isDigit(bytes[k])) k -= 1;
  if (!isSpace(bytes[k])) return null;
  while (isSpace(bytes[k])) k -= 1;
  const end = k + 1;
  while (isDigit(bytes[k])) k -= 1;
  if (end === k + 1 || end - k > 11) return null;
  return Number(latin1(bytes, k + 1, end));
}

/** Every `N G obj` of the file, a later definition of a number replacing an earlier one (incremental updates). */
function topLevelObjects(bytes: Uint8Array): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  let at = find(bytes, 'obj', 0);
  while (at >= 0) {
    const number = headerAt(bytes, at);
    if (number === null) {
      at = find(bytes, 'obj', at + 3);
      continue;
    }
    const end = find(bytes, 'endobj', at + 3);
    // The dictionary comes first and is short: `stream` is looked for within it only (else a search per object runs to the file's end).
    const window = bytes.subarray(0, Math.min(end < 0 ? bytes.length : end, at + 3 + MAX_BODY));
    const stream = find(window, 'stream', at + 3);
    if (stream >= 0) {
      const body = latin1(bytes, at + 3, Math.min(stream, at + 3 + MAX_BODY));
      let start = stream + 6;
      if (bytes[start] === 0x0d) start += 1;
      if (bytes[start] === 0x0a) start += 1;
      const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(body);
      let stop = declared ? start + Number(declared[1]) : -1;
      let after = stop;
      while (after >= 0 && isSpace(bytes[after])) after += 1;
      if (stop < 0 || stop > bytes.length || find(bytes.subarray(after, after + 9), 'endstream', 0) !== 0) {
        stop = find(bytes, 'endstream', start);
        if (stop < 0) stop = bytes.length;
      }
      objects.set(number, { body, stream: { start, end: stop } });
      at = find(bytes, 'obj', stop);
    } else {
      objects.set(number, { body: latin1(bytes, at + 3, Math.min(end < 0 ? bytes.length : end, at + 3 + MAX_BODY)) });
      at = find(bytes, 'obj', end < 0 ? at + 3 : end + 6);
    }
  }
  return objects;
}

const flate = (dict: string) => /\/Filter\s*(?:\[\s*)?\/(?:FlateDecode|Fl)(?![A-Za-z])/.test(dict);
const isImage = (dict: string) => /\/Subtype\s*\/Image(?![A-Za-z])/.test(dict);
const isForm = (dict: string) => /\/Subtype\s*\/Form(?![A-Za-z])/.test(dict);
const refs = (text: string) => [...text.matchAll(/(\d+)\s+\d+\s+R(?![A-Za-z])/g)].map((m) => Number(m[1]));

/** The objects an object stream holds: `/N` pairs of number and offset, then the objects from `/First`. */
function objectStreamObjects(dict: string, data: string): [number, string][] {
  const count = Number(/\/N\s+(\d+)/.exec(dict)?.[1] ?? 0);
  const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1] ?? 0);
  const numbers = data.slice(0, first).trim().split(/\s+/).map(Number);
  const out: [number, string][] = [];
  for (let i = 0; i < count && 2 * i + 1 < numbers.length; i += 1) {
    const from = first + numbers[2 * i + 1]!;
    const to = 2 * i + 3 < numbers.length ? first + numbers[2 * i + 3]! : data.length;
    if (Number.isFinite(from) && Number.isFinite(to) && from <= to) out.push([numbers[2 * i]!, data.slice(from, Math.min(to, from + MAX_BODY))]);
  }
  return out;
}

/** XObject names a content stream paints (`/Fm1 Do`), read chunk by chunk. */
class PaintedNames {
  readonly names = new Set<string>();
  private tail = '';

  feed(chunk: Uint8Array): void {
    const text = this.tail + latin1(chunk, 0, chunk.length);
    for (const match of text.matchAll(/\/([^\s/[\]()<>{}%]{1,127})\s+Do(?![A-Za-z])/g)) this.names.add(match[1]!);
    this.tail = text.slice(-160);
  }
}

/** The form's named XObjects (`/XObject << /Fm1 12 0 R >>`, directly or through referenced dictionaries). */
function xobjectsOf(dict: string, objects: Map<number, PdfObject>): Map<string, number> {
  const resources = /\/Resources\s*(\d+)\s+\d+\s+R/.exec(dict);
  const text = resources ? (objects.get(Number(resources[1]))?.body ?? '') : dict;
  const named = /\/XObject\s*(\d+)\s+\d+\s+R/.exec(text);
  const list = named ? (objects.get(Number(named[1]))?.body ?? '') : (/\/XObject\s*<<([^>]*)>>/.exec(text)?.[1] ?? '');
  return new Map([...list.matchAll(/\/([^\s/[\]()<>{}%]+)\s*(\d+)\s+\d+\s+R/g)].map((m) => [m[1]!, Number(m[2])]));
}

/** The longest chain of forms painting forms; Infinity when a form paints itself, however indirectly. */
function formDepth(edges: Map<number, number[]>): number {
  const depth = new Map<number, number>();
  const onPath = new Set<number>();
  let deepest = 0;
  for (const root of edges.keys()) {
    if (depth.has(root)) continue;
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    onPath.add(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const children = edges.get(top.node) ?? [];
      if (top.next < children.length) {
        const child = children[top.next++]!;
        if (onPath.has(child)) return Infinity;
        if (!depth.has(child) && edges.has(child)) {
          onPath.add(child);
          stack.push({ node: child, next: 0 });
        }
        continue;
      }
      const own = 1 + children.reduce((most, child) => Math.max(most, depth.get(child) ?? 0), 0);
      depth.set(top.node, own);
      deepest = Math.max(deepest, own);
      onPath.delete(top.node);
      stack.pop();
    }
  }
  return deepest;
}

type PdfBudgets = Pick<Budgets, 'pdfPageContentBytes' | 'pdfDocumentInflatedBytes' | 'pdfFormDepth'>;

/** The first budget (lib/extract/budgets.ts) the PDF's bytes are over, or null. */
export async function pdfOverBudget(bytes: Uint8Array, inflate: Inflate = webInflate, budgets: PdfBudgets = BUDGETS): Promise<OverBudget | null> {
  const objects = topLevelObjects(bytes);
  // An encrypted file's streams are ciphertext: nothing to measure, and pdf.js asks for the password first.
  if ([...objects.values()].some((object) => /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(object.body)) || /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(latin1(bytes, Math.max(0, bytes.length - 4096), bytes.length))) return null;
  const sizes = new Map<number, number>();
  const painted = new Map<number, PaintedNames>();
  let total = 0;
  for (const [number, object] of objects) {
    if (!object.stream) continue;
    const { start, end } = object.stream;
    const dict = object.body;
    const form = isForm(dict) ? new PaintedNames() : null;
    if (form) painted.set(number, form);
    if (!flate(dict)) {
      form?.feed(bytes.subarray(start, end));
      sizes.set(number, end - start);
      continue;
    }
    if (isImage(dict)) continue;
    const objectStream = /\/Type\s*\/ObjStm/.test(dict);
    // One stream past a page's budget is over it wherever it is drawn: the inflating stops there.
    const cap = Math.min(budgets.pdfDocumentInflatedBytes - total, budgets.pdfPageContentBytes);
    const inflated = await inflate(bytes.subarray(start, end), cap, Boolean(form) || objectStream);
    total += inflated.size;
    if (total > budgets.pdfDocumentInflatedBytes) return new OverBudget('pdfDocumentInflatedBytes', total);
    if (inflated.size > budgets.pdfPageContentBytes) return new OverBudget('pdfPageContentBytes', inflated.size);
    sizes.set(number, inflated.size);
    if (inflated.bytes) form?.feed(inflated.bytes);
    if (objectStream && inflated.bytes && inflated.size <= MAX_OBJECT_STREAM) {
      for (const [inner, body] of objectStreamObjects(dict, latin1(inflated.bytes, 0, inflated.size))) if (!objects.has(inner)) objects.set(inner, { body });
    }
  }
  for (const object of objects.values()) {
    if (!/\/Type\s*\/Page(?![A-Za-z])/.test(object.body)) continue;
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+)\s+\d+\s+R)/.exec(object.body);
    if (!contents) continue;
    let streams = contents[1] !== undefined ? refs(contents[1]) : [Number(contents[2])];
    // An indirect array of content streams.
    if (streams.length === 1 && !objects.get(streams[0]!)?.stream) streams = refs(objects.get(streams[0]!)?.body ?? '');
    const content = streams.reduce((sum, ref) => sum + (sizes.get(ref) ?? 0), 0);
    if (content > budgets.pdfPageContentBytes) return new OverBudget('pdfPageContentBytes', content);
  }
  const edges = new Map<number, number[]>();
  for (const [number, names] of painted) {
    const xobjects = xobjectsOf(objects.get(number)!.body, objects);
    edges.set(number, [...names.names].map((name) => xobjects.get(name)).filter((ref): ref is number => ref !== undefined && painted.has(ref)));
  }
  const depth = formDepth(edges);
  if (depth > budgets.pdfFormDepth) return new OverBudget('pdfFormDepth', Number.isFinite(depth) ? depth : null);
  return null;
}
