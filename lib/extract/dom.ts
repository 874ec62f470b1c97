/**
 * The small part of the DOM that extraction reads. Browser nodes have it as they are; the command
 * line builds nodes with the same members from a parse5 tree (`lib/cli/dom.ts`), so one extraction
 * code runs on both. Walks here are loops, never recursion: a page decides how deep its tree is.
 */

export interface NodeLike {
  readonly nodeType: number;
  readonly firstChild: NodeLike | null;
  readonly nextSibling: NodeLike | null;
  readonly parentNode: NodeLike | null;
  readonly textContent: string | null;
  /** Text nodes only. */
  readonly data?: string;
}

export interface ElementLike extends NodeLike {
  /** Upper case for HTML elements in browsers, lower case from parse5; compare through `tagOf`. */
  readonly tagName: string;
  /** Lower case for HTML elements, in browsers and from parse5. */
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  getElementsByTagName(name: string): ArrayLike<ElementLike>;
  /** Browsers' native search; where it is missing, the same elements are found by walking. */
  querySelector?(selectors: string): unknown;
}

export interface DocumentLike {
  readonly documentElement: ElementLike | null;
  readonly body: ElementLike | null;
  readonly title: string;
  getElementsByTagName(name: string): ArrayLike<ElementLike>;
  /** Browsers' native search; where it is missing, the same elements are found by walking. */
  querySelectorAll?(selectors: string): ArrayLike<ElementLike>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const DOCUMENT_NODE = 9;

export function isElement(node: NodeLike | null): node is ElementLike {
  return node !== null && node.nodeType === ELEMENT_NODE;
}

/** The tag name in lower case (`localName`, which needs no case folding on every call). */
export function tagOf(element: ElementLike): string {
  return element.localName;
}

/** The element children of a node, in order. */
export function childElements(node: NodeLike): ElementLike[] {
  const out: ElementLike[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (isElement(child)) out.push(child);
  return out;
}

/** The next node after `node` in document order that is not inside it, staying within `root`. */
function nextOutside(node: NodeLike, root: NodeLike): NodeLike | null {
  for (let at: NodeLike | null = node; at && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/**
 * Elements under `root` in document order for which `test` holds, at most `limit` of them.
 * `test` returning 'skip' leaves the element and everything inside it out.
 */
export function findElements(root: NodeLike, test: (element: ElementLike) => boolean | 'skip', limit = Infinity): ElementLike[] {
  const out: ElementLike[] = [];
  let node: NodeLike | null = root.firstChild;
  while (node && out.length < limit) {
    if (isElement(node)) {
      const verdict = test(node);
      if (verdict === true) out.push(node);
      if (verdict !== 'skip' && node.firstChild) {
        node = node.firstChild;
        continue;
      }
    }
    node = nextOutside(node, root);
  }
  return out;
}

/** Whether `root` holds an element with this tag (stops at the first; natively in browsers). */
export function hasDescendant(root: ElementLike, tag: string): boolean {
  if (root.querySelector) return root.querySelector(tag) !== null;
  return findElements(root, (element) => tagOf(element) === tag, 1).length > 0;
}

/** Whether `inner` lies inside `outer`, found by climbing from `inner`. */
export function isInside(inner: NodeLike, outer: NodeLike): boolean {
  for (let at = inner.parentNode; at; at = at.parentNode) if (at === outer) return true;
  return false;
}

/** The element itself or its nearest ancestor for which `test` holds. */
export function closestElement(element: ElementLike, test: (element: ElementLike) => boolean): ElementLike | null {
  for (let at: NodeLike | null = element; at; at = at.parentNode) {
    if (isElement(at) && test(at)) return at;
  }
  return null;
}

/** Whether the element's class attribute lists one of these names. */
export function hasClass(element: ElementLike, names: ReadonlySet<string>): boolean {
  const value = element.getAttribute('class');
  if (!value) return false;
  // Most elements' classes (MsoNormal …) contain none of the names at all: no list to split then.
  let mentioned = false;
  for (const name of names) if (value.includes(name)) mentioned = true;
  if (!mentioned) return false;
  for (const name of value.split(/[ \t\n\f\r]+/)) if (names.has(name)) return true;
  return false;
}
