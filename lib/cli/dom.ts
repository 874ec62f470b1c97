/**
 * HTML → the node interface extraction reads (`lib/extract/dom.ts`), parsed by parse5: the WHATWG
 * parsing algorithm browsers implement (and jsdom uses), so the command line sees the tree a browser
 * builds — attribute names lower-cased (`<SPAN STYLE=…>`), misnested tags repaired, text fostered out
 * of tables — with one object per node and nothing more.
 */
import { defaultTreeAdapter, parse, type Token, type TreeAdapter, type TreeAdapterTypeMap } from 'parse5';
import { ELEMENT_NODE, findElements, TEXT_NODE, type DocumentLike, type ElementLike, type NodeLike } from '../extract/dom';

type Parent = LiteParent;

/** Fields parse5's default tree adapter reads and writes (`childNodes`, `parentNode`, …), plus DOM navigation. */
abstract class LiteNode implements NodeLike {
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;
  parentNode: Parent | null = null;
  /** Set once the tree is built (`link`). */
  next: LiteNode | null = null;

  get firstChild(): LiteNode | null {
    return null;
  }

  get nextSibling(): LiteNode | null {
    return this.next;
  }

  get textContent(): string | null {
    return null;
  }
}

abstract class LiteParent extends LiteNode {
  childNodes: LiteNode[] = [];

  override get firstChild(): LiteNode | null {
    return this.childNodes[0] ?? null;
  }

  /** Kept once read: the tree no longer changes after parsing, and a table's text is asked for more than once. */
  private text: string | undefined;

  /** The text nodes' values in document order, gathered through the child arrays with a stack of its own. */
  override get textContent(): string {
    if (this.text !== undefined) return this.text;
    let text = '';
    const openNodes: LiteNode[][] = [];
    const openAt: number[] = [];
    let nodes = this.childNodes;
    let i = 0;
    for (;;) {
      if (i < nodes.length) {
        const node = nodes[i]!;
        i += 1;
        if (node.nodeType === TEXT_NODE) text += (node as LiteText).value;
        else if (node instanceof LiteParent && node.childNodes.length > 0) {
          openNodes.push(nodes);
          openAt.push(i);
          nodes = node.childNodes;
          i = 0;
        }
        continue;
      }
      const outer = openNodes.pop();
      if (!outer) break;
      nodes = outer;
      i = openAt.pop()!;
    }
    this.text = text;
    return text;
  }

  getElementsByTagName(name: string): LiteElement[] {
    const tag = name.toLowerCase();
    return findElements(this, (element) => element.tagName === tag) as LiteElement[];
  }
}

export class LiteText extends LiteNode {
  readonly nodeType = TEXT_NODE;
  readonly nodeName = '#text';
  constructor(public value: string) {
    super();
  }

  get data(): string {
    return this.value;
  }

  override get textContent(): string {
    return this.value;
  }
}

class LiteComment extends LiteNode {
  readonly nodeType = 8;
  readonly nodeName = '#comment';
  constructor(public data: string) {
    super();
  }
}

export class LiteElement extends LiteParent implements ElementLike {
  readonly nodeType = ELEMENT_NODE;
  /** Lower case (parse5's form); extraction compares tags case-blind. */
  readonly tagName: string;
  readonly localName: string;
  readonly nodeName: string;
  content?: LiteFragment;
  constructor(tagName: string, public namespaceURI: string, public attrs: Token.Attribute[]) {
    super();
    this.tagName = tagName;
    this.localName = tagName;
    this.nodeName = tagName;
  }

  getAttribute(name: string): string | null {
    for (const attr of this.attrs) if (attr.name === name) return attr.value;
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }
}

class LiteFragment extends LiteParent {
  readonly nodeType = 11;
  readonly nodeName = '#document-fragment';
}

export class LiteDocument extends LiteParent implements DocumentLike {
  readonly nodeType = 9;
  readonly nodeName = '#document';
  mode = 'no-quirks';

  get documentElement(): LiteElement | null {
    return (this.childNodes.find((node) => node instanceof LiteElement) as LiteElement | undefined) ?? null;
  }

  private byTag: Map<string, LiteElement[]> | null = null;

  /**
   * Elements by tag from one walk on first use, not a walk per call: extraction asks the document
   * for its tables, metas and title, and the tree no longer changes once parsed.
   */
  override getElementsByTagName(name: string): LiteElement[] {
    if (!this.byTag) {
      const byTag = new Map<string, LiteElement[]>();
      for (const element of findElements(this, () => true) as LiteElement[]) {
        const list = byTag.get(element.tagName);
        if (list) list.push(element);
        else byTag.set(element.tagName, [element]);
      }
      this.byTag = byTag;
    }
    return [...(this.byTag.get(name.toLowerCase()) ?? [])];
  }

  get body(): LiteElement | null {
    const html = this.documentElement;
    return (html?.childNodes.find((node) => node instanceof LiteElement && (node.tagName === 'body' || node.tagName === 'frameset')) as LiteElement | undefined) ?? null;
  }

  /** As `document.title`: the first `<title>`'s text, whitespace collapsed. */
  get title(): string {
    const title = this.getElementsByTagName('title')[0];
    return (title?.textContent ?? '').replace(/[ \t\n\f\r]+/g, ' ').trim();
  }
}

class LiteDoctype extends LiteNode {
  readonly nodeType = 10;
  readonly nodeName = '#documentType';
  constructor(public name: string, public publicId: string, public systemId: string) {
    super();
  }
}

type LiteMap = TreeAdapterTypeMap<LiteNode, LiteParent, LiteNode, LiteDocument, LiteFragment, LiteElement, LiteComment, LiteText, LiteElement, LiteDoctype>;

/**
 * parse5's default adapter works on `childNodes`, `parentNode`, `attrs`, `value`: our nodes carry
 * those fields, so only node creation is ours.
 */
const adapter = {
  ...(defaultTreeAdapter as unknown as TreeAdapter<LiteMap>),
  createDocument: () => new LiteDocument(),
  createDocumentFragment: () => new LiteFragment(),
  createElement: (tagName: string, namespaceURI: string, attrs: Token.Attribute[]) => new LiteElement(tagName, namespaceURI, attrs),
  createCommentNode: (data: string) => new LiteComment(data),
  createTextNode: (value: string) => new LiteText(value),
  setTemplateContent: (template: LiteElement, content: LiteFragment) => void (template.content = content),
  getTemplateContent: (template: LiteElement) => template.content!,
  isElementNode: (node: LiteNode): node is LiteElement => node instanceof LiteElement,
  // The default adapter's own text methods create its plain text nodes: these create ours.
  insertText(parent: LiteParent, text: string) {
    const last = parent.childNodes[parent.childNodes.length - 1];
    if (last instanceof LiteText) last.value += text;
    else adapter.appendChild(parent, new LiteText(text));
  },
  insertTextBefore(parent: LiteParent, text: string, reference: LiteNode) {
    const { childNodes } = parent;
    const at = childNodes[childNodes.length - 1] === reference ? childNodes.length - 1 : childNodes.indexOf(reference);
    const before = childNodes[at - 1];
    if (before instanceof LiteText) before.value += text;
    else adapter.insertBefore(parent, new LiteText(text), reference);
  },
  setDocumentType(document: LiteDocument, name: string, publicId: string, systemId: string) {
    const doctype = document.childNodes.find((node): node is LiteDoctype => node instanceof LiteDoctype);
    if (doctype) Object.assign(doctype, { name, publicId, systemId });
    else adapter.appendChild(document, new LiteDoctype(name, publicId, systemId));
  },
} as TreeAdapter<LiteMap>;

/** Give every node its next sibling, once the parser has stopped moving nodes around. */
function link(root: LiteParent): void {
  const stack: LiteParent[] = [root];
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    const children = parent.childNodes;
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i]!;
      child.next = children[i + 1] ?? null;
      if (child instanceof LiteParent) stack.push(child);
    }
  }
}

export function parseDocument(html: string): LiteDocument {
  const document = parse<LiteMap>(html, { treeAdapter: adapter });
  link(document);
  return document;
}
