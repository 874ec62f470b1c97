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

interface Open {
  element: ElementLike;
  parent: NodeLike;
  block: boolean;
}

/**
 * Walk the visible text of a node as a reader sees it: `<br>` breaks lines, block elements open and
 * close blocks. A loop with its own stack: any depth of nesting is read, none overflows the call stack.
 */
export function walkText(root: NodeLike, visitor: TextVisitor): void {
  const open: Open[] = [];
  let parent: NodeLike = root;
  let node: NodeLike | null = root.firstChild;
  for (;;) {
    if (node === null) {
      const done = open.pop();
      if (!done) return;
      if (done.block) visitor.leaveBlock?.(done.element, done.parent);
      parent = done.parent;
      node = done.element.nextSibling;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      visitor.text((node.data ?? '').replace(/[ \t\r\n]+/g, ' '));
    } else if (isElement(node)) {
      const element = node;
      const tag = tagOf(element);
      const shown = !SKIP.has(tag) && !isHidden(element) && !visitor.skip?.(element);
      if (shown && tag === 'br') visitor.lineBreak();
      else if (shown) {
        const block = BLOCK.has(tag);
        if (block) visitor.enterBlock?.(element);
        open.push({ element, parent, block });
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
  if (textOnly(element)) return tidyText((element.textContent ?? '').replace(/[ \t\r\n]+/g, ' '));
  const parts: string[] = [];
  const lineBreak = () => void parts.push('\n');
  walkText(element, { text: (data) => void parts.push(data), lineBreak, enterBlock: lineBreak, leaveBlock: lineBreak });
  return tidyText(parts.join(''));
}
