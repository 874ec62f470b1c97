/**
 * Bytes of a document → shown in the viewer, audited, with an element per marked source: the
 * same readers as the command line (lib/extract/document.ts) and the same audit (lib/audit.ts).
 */
import { auditExtracted, type Audit } from '../../lib/audit';
import { decode } from '../../lib/extract/decode';
import { PAGE_READ_MS } from '../../lib/extract/budgets';
import { pdfProblem, sniffKind, type DocumentErrorCode, type DocumentKind, type DocumentRead } from '../../lib/extract/document';
import { anchorKey, type Anchor } from '../../lib/model/anchor';
import type { AuditContext } from '../../lib/model/report';
import type { Lang } from '../../lib/i18n/lang';
import type { Extracted } from '../../lib/extract/types';
import { openPdfTask, PdfPages } from './pdf-view';
import { readInViewer } from './read';
import { sanitisedDocument } from './word-view';

export interface Opened {
  kind: DocumentKind;
  audit: Audit | null;
  /** Why the document's tables could not be read (a scan, garbled fonts …); its pages may still show. */
  error: DocumentErrorCode | null;
  /** The element a finding's anchor names on screen (a Word or HTML document's cell, a PDF box's anchor), if any. */
  place(anchor: Anchor): Element | undefined;
  /** Whether findings can be marked at all (not in a text dump, shown as plain text). */
  markable: boolean;
  pages: number | null;
  pdf: PdfPages | null;
}

export interface Source {
  bytes: Uint8Array;
  name: string;
  contentType: string | null;
  /** The URL (or file name) the result names as its source. */
  source: string;
  /** What the page that linked the document said of it (its 发布时间): the audit decides the date with it. */
  context?: AuditContext;
}

/** A read that ended in one of the readers' error codes, before anything could be shown. */
export class DocumentError extends Error {
  constructor(readonly code: DocumentErrorCode) {
    super(code);
  }
}

type Progress = (done: number, total: number) => void;

/** `work`, or the document's “too large or damaged” message once PAGE_READ_MS has passed (and `stop` called). */
function within<T>(work: Promise<T>, stop: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stop();
      reject(new DocumentError('exhausted'));
    }, PAGE_READ_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function openPdf(input: Source, container: HTMLElement, lang: Lang, progress: Progress): Promise<Opened> {
  // Not a PDF, or over a budget: said before pdf.js sees it (lib/extract/budgets.ts).
  const problem = await pdfProblem(input.bytes);
  if (problem) throw new DocumentError(problem);
  const task = openPdfTask(input.bytes);
  // pdf.js reads in its worker: one that runs out of memory or time is stopped, and the document is a message.
  const doc = await within(task.promise, () => void task.destroy());
  const pages = new PdfPages(container, doc);
  await within(pages.layout((done) => progress(done, pages.count)), () => void task.destroy());
  const read = await within(readInViewer(input.bytes, input.name, input.contentType, { pdf: doc }), () => void task.destroy()).finally(() => pages.draw());
  if (!read.extracted) return { kind: 'pdf', audit: null, error: read.error ?? 'unreadable', place: () => undefined, markable: false, pages: pages.count, pdf: pages };
  const audit = auditExtracted(read.extracted, { source: input.source, lang, context: input.context });
  // One positioned element per box a mark, related cell or suspect is drawn on, made when first asked for.
  const anchors = new Map<string, Element | null>();
  const place = (anchor: Anchor): Element | undefined => {
    if (anchor.kind !== 'box') return undefined;
    const key = anchorKey(anchor);
    if (!anchors.has(key)) anchors.set(key, pages.anchor(anchor.box));
    return anchors.get(key) ?? undefined;
  };
  return { kind: 'pdf', audit, error: null, place, markable: true, pages: pages.count, pdf: pages };
}

/**
 * Markup: the readers vet the file (zip bomb, damage), convert a .docx and read the viewer's own
 * sanitised copy (openDocument hands them its parser); the viewer then shows those very nodes, so
 * the elements the findings' anchors name are the ones on screen, read once.
 */
function openMarkup(read: DocumentRead, extracted: Extracted, input: Source, container: HTMLElement, lang: Lang): Opened {
  const doc = read.document as Document | undefined;
  const elements = (read.elements ?? []) as Element[];
  const audit = auditExtracted(extracted, { source: input.source, lang, context: input.context });
  if (doc) container.append(...Array.from(doc.body.childNodes).map((node) => document.adoptNode(node)));
  container.classList.add('word');
  const place = (anchor: Anchor) => (anchor.kind === 'element' ? elements[anchor.src] : undefined);
  return { kind: read.kind, audit, error: null, place, markable: true, pages: null, pdf: null };
}

/** A text dump (a PDF viewer's copy, pdftotext -layout): shown as text, audited, listed without marks. */
function openText(input: Source, container: HTMLElement, lang: Lang, extracted: Extracted): Opened {
  const pre = document.createElement('pre');
  pre.className = 'text-document';
  pre.textContent = decode(input.bytes, input.contentType);
  container.append(pre);
  return { kind: 'text', audit: auditExtracted(extracted, { source: input.source, lang, context: input.context }), error: null, place: () => undefined, markable: false, pages: null, pdf: null };
}

export async function openDocument(input: Source, container: HTMLElement, lang: Lang, progress: Progress): Promise<Opened> {
  if (sniffKind(input.bytes, { name: input.name, contentType: input.contentType }) === 'pdf') return openPdf(input, container, lang, progress);
  const read = await readInViewer(input.bytes, input.name, input.contentType, { parseHtml: (html) => sanitisedDocument(html, input.name) });
  if (read.error || !read.extracted) throw new DocumentError(read.error ?? 'unreadable');
  if (read.kind === 'docx' || read.kind === 'html') return openMarkup(read, read.extracted, input, container, lang);
  return openText(input, container, lang, read.extracted);
}
