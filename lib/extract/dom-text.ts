import { tidyText } from './normalize';

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'head', 'select', 'button']);
const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer',
  'blockquote', 'pre', 'tr', 'table', 'dl', 'dt', 'dd', 'form', 'center', 'main', 'nav', 'aside', 'figure', 'figcaption', 'address', 'hr']);
const MAX_DEPTH = 256;

export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i.test(style);
}

export interface TextVisitor {
  text(data: string): void;
  lineBreak(): void;
  /** Return true to leave an element out (after acting on it, if need be). */
  skip?(element: Element): boolean;
  enterBlock?(element: Element): void;
  leaveBlock?(element: Element, parent: Node): void;
}

/** Walk the visible text of a node as a reader sees it: `<br>` breaks lines, block elements open and close blocks. */
export function walkText(node: Node, visitor: TextVisitor, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      visitor.text((child as Text).data.replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName.toLowerCase();
    if (SKIP.has(tag) || isHidden(element) || visitor.skip?.(element)) continue;
    if (tag === 'br') {
      visitor.lineBreak();
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) visitor.enterBlock?.(element);
    walkText(element, visitor, depth + 1);
    if (block) visitor.leaveBlock?.(element, node);
  }
}

/** Text of a cell as a reader sees it: `<br>` and block children become line breaks, hidden text is dropped. */
export function cellText(element: Element): string {
  const parts: string[] = [];
  const lineBreak = () => void parts.push('\n');
  walkText(element, { text: (data) => void parts.push(data), lineBreak, enterBlock: lineBreak, leaveBlock: lineBreak });
  return tidyText(parts.join(''));
}
