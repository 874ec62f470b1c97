/**
 * Untrusted document markup (a .docx converted by mammoth, a web page saved as .doc) rebuilt as
 * new DOM nodes from an allowlist: text stays text, no attribute but spans and the class names the
 * reader knows survives, no script, style, link, image or event handler can come through.
 */
import { CONTAINER_CLASSES, TITLE_CLASSES } from '../../lib/extract/html';

const KEEP = new Set(['p', 'div', 'br', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'strong', 'b', 'em', 'i', 'u', 'sup', 'sub', 'ul', 'ol', 'li', 'span', 'font', 'center', 'section', 'article', 'blockquote', 'pre']);
/** Dropped with everything inside them. */
const DROP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'link', 'meta',
  'img', 'video', 'audio', 'form', 'input', 'button', 'select', 'textarea', 'frame', 'frameset', 'canvas']);
/** Word's hidden text (mso-hide), as the page reader drops it. */
const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;
const MAX_DEPTH = 200;
/** The class names the page reader knows (lib/extract/html.ts); the viewer's stylesheet uses none of them for itself. */
export const READER_CLASSES: ReadonlySet<string> = new Set([...CONTAINER_CLASSES, ...TITLE_CLASSES]);
const MAX_NODES = 500_000;

function span(value: string | null): string | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? String(n) : null;
}

/** Copy `from`'s children into `to` (a node of `doc`), keeping only allowed elements and text. */
export function copySanitised(from: Node, to: Node, doc: Document, budget = { nodes: MAX_NODES }, depth = 0): void {
  for (const child of Array.from(from.childNodes)) {
    if (budget.nodes-- <= 0) return;
    if (child.nodeType === 3) {
      to.appendChild(doc.createTextNode(child.nodeValue ?? ''));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.localName.toLowerCase();
    if (DROP.has(tag) || element.hasAttribute('hidden') || HIDDEN.test(element.getAttribute('style') ?? '')) continue;
    if (depth >= MAX_DEPTH) {
      // Past the depth a document plausibly nests to, structure is dropped and the text kept.
      to.appendChild(doc.createTextNode(element.textContent ?? ''));
      continue;
    }
    if (!KEEP.has(tag)) {
      // Unknown wrappers (o:p, a, font …) keep their text, not themselves.
      copySanitised(element, to, doc, budget, depth + 1);
      continue;
    }
    const copy = doc.createElement(tag === 'font' || tag === 'center' ? 'span' : tag);
    // Only the class names the reader looks for (Word's and CMS containers, titles): any other could
    // take the viewer's own styles (a hostile `class="side"` is fixed over the findings panel).
    const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter((name) => READER_CLASSES.has(name)).slice(0, 8);
    if (classes.length) copy.setAttribute('class', classes.join(' '));
    if (tag === 'td' || tag === 'th') {
      const rows = span(element.getAttribute('rowspan'));
      const cols = span(element.getAttribute('colspan'));
      if (rows) copy.setAttribute('rowspan', rows);
      if (cols) copy.setAttribute('colspan', cols);
    }
    to.appendChild(copy);
    copySanitised(element, copy, doc, budget, depth + 1);
  }
}
