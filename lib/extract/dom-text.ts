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

export function isBlock(element: Element): boolean {
  return BLOCK.has(element.tagName.toLowerCase());
}

/** Text of a cell as a reader sees it: `<br>` and block children become line breaks, hidden text is dropped. */
export function cellText(element: Element): string {
  const parts: string[] = [];
  collect(element, parts, 0);
  return tidyText(parts.join(''));
}

function collect(node: Node, parts: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      parts.push((child as Text).data.replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName.toLowerCase();
    if (SKIP.has(tag) || isHidden(element)) continue;
    if (tag === 'br') {
      parts.push('\n');
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    collect(element, parts, depth + 1);
    if (block) parts.push('\n');
  }
}

export { SKIP as SKIPPED_TAGS };
