/**
 * Bytes of a document → shown in the viewer, audited, with an element per marked source: the
 * same audit as on web pages (lib/audit.ts), on what the readers extract.
 */
import { auditDocument, auditExtracted, type Audit } from '../../lib/audit';
import type { Lang } from '../../lib/i18n/render';
import { sniffKind, type DocumentKind } from './kind';
import { loadPdf, PdfPages } from './pdf-view';
import { readExtraction } from './read';
import { decodeHtml, docxToHtml, sanitisedDocument } from './word-view';

export interface Opened {
  kind: DocumentKind;
  audit: Audit;
  /** `src` of findings indexes this array; empty where the document cannot be marked. */
  elements: Element[];
  pages: number | null;
  pdf: PdfPages | null;
}

export interface Source {
  bytes: Uint8Array;
  name: string;
  contentType: string | null;
  /** The URL (or file name) the result names as its source. */
  source: string;
}

export class UnsupportedError extends Error {}

async function openPdf(input: Source, container: HTMLElement, lang: Lang, progress: (done: number, total: number) => void): Promise<Opened> {
  const pdf = await loadPdf(input.bytes);
  const pages = new PdfPages(container, pdf);
  await pages.layout((done) => progress(done, pages.count));
  const extracted = await readExtraction(input.bytes, input.name, input.contentType);
  const audit = auditExtracted(extracted, { source: input.source, lang });
  const elements: Element[] = [];
  for (const token of extracted.tokens) {
    if (token.src === null || !token.box || elements[token.src]) continue;
    const anchor = pages.anchor(token.box);
    if (anchor) elements[token.src] = anchor;
  }
  return { kind: 'pdf', audit, elements, pages: pages.count, pdf: pages };
}

/** Audit the sanitised DOM, then show those very nodes: the elements the audit holds are the ones on screen. */
function openHtml(html: string, input: Source, container: HTMLElement, lang: Lang, kind: DocumentKind): Opened {
  const doc = sanitisedDocument(html, input.name);
  const { elements, ...audit } = auditDocument(doc, { source: input.source, lang });
  container.append(...Array.from(doc.body.childNodes).map((node) => document.adoptNode(node)));
  return { kind, audit, elements, pages: null, pdf: null };
}

export async function openDocument(input: Source, container: HTMLElement, lang: Lang, progress: (done: number, total: number) => void): Promise<Opened> {
  const kind = sniffKind(input.bytes, input.name, input.contentType);
  if (kind === 'pdf') return openPdf(input, container, lang, progress);
  if (kind === 'docx') {
    const opened = openHtml(await docxToHtml(input.bytes), input, container, lang, kind);
    container.classList.add('word');
    return opened;
  }
  if (kind === 'html') {
    const opened = openHtml(decodeHtml(input.bytes, input.contentType), input, container, lang, kind);
    container.classList.add('word');
    return opened;
  }
  if (kind === 'ole') {
    // An old binary .doc/.wps: read as text, listed without marks.
    const extracted = await readExtraction(input.bytes, input.name, input.contentType);
    return { kind, audit: auditExtracted(extracted, { source: input.source, lang }), elements: [], pages: null, pdf: null };
  }
  throw new UnsupportedError(input.name.split('.').pop() ?? '?');
}
