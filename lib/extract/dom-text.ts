import { isElement, tagOf, TEXT_NODE, type ElementLike, type NodeLike } from './dom';
import { tidyText } from './normalize';

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'head', 'select', 'button']);
const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer',
  'blockquote', 'pre', 'tr', 'table', 'dl', 'dt', 'dd', 'form', 'center', 'main', 'nav', 'aside', 'figure', 'figcaption', 'address', 'hr']);
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;

/** Hidden by its own attributes (browsers and parse5 lower-case attribute names, so `STYLE=` counts too). */
export function isHidden(element: ElementLike): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

export interface TextVisitor {
  text(data: string): void;
  lineBreak(): void;
  /** Return true to leave an element out (after acting on it, if need be). */
  skip?(element: ElementLike): boolean;
  enterBlock?(element: ElementLike): void;
  leaveBlock?(element: ElementLike, parent: NodeLike): void;
}

/** Runs of the whitespace HTML collapses (not U+00A0 or U+3000, which a reader sees as space). */
const HTML_SPACES = /[ \t\r\n]+/g;
const HAS_HTML_SPACE = /[ \t\r\n]/;

/** A text node's data with each run of HTML whitespace made one space (most cells' text has none). */
export function collapseSpaces(data: string): string {
  return HAS_HTML_SPACE.test(data) ? data.replace(HTML_SPACES, ' ') : data;
}

/**
 * Walk the visible text of a node as a reader sees it: `<br>` breaks lines, block elements open and
 * close blocks. A loop with its own stack: any depth of nesting is read, none overflows the call stack.
 * The stack is three arrays, not an object per element: a page's cells are walked one by one.
 */
export function walkText(root: NodeLike, visitor: TextVisitor): void {
  const openElements: ElementLike[] = [];
  const openParents: NodeLike[] = [];
  const openBlocks: boolean[] = [];
  let parent: NodeLike = root;
  let node: NodeLike | null = root.firstChild;
  for (;;) {
    if (node === null) {
      const done = openElements.pop();
      if (!done) return;
      const doneParent = openParents.pop()!;
      if (openBlocks.pop()) visitor.leaveBlock?.(done, doneParent);
      parent = doneParent;
      node = done.nextSibling;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      visitor.text(collapseSpaces(node.data ?? ''));
    } else if (isElement(node)) {
      const element = node;
      const tag = tagOf(element);
      const shown = !SKIP.has(tag) && !isHidden(element) && !visitor.skip?.(element);
      if (shown && tag === 'br') visitor.lineBreak();
      else if (shown) {
        const block = BLOCK.has(tag);
        if (block) visitor.enterBlock?.(element);
        openElements.push(element);
        openParents.push(parent);
        openBlocks.push(block);
        parent = element;
        node = element.firstChild;
        continue;
      }
    }
    node = node.nextSibling;
  }
}

/** Whether the node has text children only (most value cells): its text is then its `textContent`. */
function textOnly(node: NodeLike): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) if (isElement(child)) return false;
  return true;
}

/** Text of a cell as a reader sees it: `<br>` and block children become line breaks, hidden text is dropped. */
export function cellText(element: ElementLike): string {
  if (textOnly(element)) return tidyText(collapseSpaces(element.textContent ?? ''));
  let text = '';
  const lineBreak = () => void (text += '\n');
  walkText(element, { text: (data) => void (text += data), lineBreak, enterBlock: lineBreak, leaveBlock: lineBreak });
  return tidyText(text);
}
