/**
 * Bytes of a document → shown in the viewer, audited, with an element per marked source: the
 * same readers as the command line (lib/extract/document.ts) and the same audit (lib/audit.ts).
 */
import { auditDocument, auditExtracted, type Audit } from '../../lib/audit';
import { decode } from '../../lib/extract/decode';
import { PAGE_READ_MS } from '../../lib/extract/budgets';
import { pdfProblem, sniffKind, type DocumentErrorCode, type DocumentKind } from '../../lib/extract/document';
import type { AuditContext } from '../../lib/model/report';
import type { Lang } from '../../lib/i18n/lang';
import { sourcePerToken } from '../../lib/present/boxes';
import { openPdfTask, PdfPages } from './pdf-view';
import { readInViewer } from './read';
import { sanitisedDocument } from './word-view';

export interface Opened {
  kind: DocumentKind;
  audit: Audit | null;
  /** Why the document's tables could not be read (a scan, garbled fonts …); its pages may still show. */
  error: DocumentErrorCode | null;
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
  const read = await within(readInViewer(input.bytes, input.name, input.contentType, doc), () => void task.destroy()).finally(() => pages.draw());
  if (!read.extracted) return { kind: 'pdf', audit: null, error: read.error ?? 'unreadable', elements: [], pages: pages.count, pdf: pages };
  const { extracted, boxes } = sourcePerToken(read.extracted);
  const audit = auditExtracted(extracted, { source: input.source, lang, context: input.context });
  const elements: Element[] = [];
  boxes.forEach((box, src) => {
    const anchor = box ? pages.anchor(box) : null;
    if (anchor) elements[src] = anchor;
  });
  return { kind: 'pdf', audit, error: null, elements, pages: pages.count, pdf: pages };
}

/**
 * Markup: the readers vet the file (zip bomb, damage) and convert a .docx; the viewer audits its
 * own sanitised copy and shows those very nodes, so the elements the audit holds are the ones on screen.
 */
function openMarkup(html: string, input: Source, container: HTMLElement, lang: Lang, kind: DocumentKind): Opened {
  const doc = sanitisedDocument(html, input.name);
  const { elements, ...audit } = auditDocument(doc, { source: input.source, lang, context: input.context });
  container.append(...Array.from(doc.body.childNodes).map((node) => document.adoptNode(node)));
  container.classList.add('word');
  return { kind, audit, error: null, elements, pages: null, pdf: null };
}

/** A text dump (a PDF viewer's copy, pdftotext -layout): shown as text, audited, listed without marks. */
function openText(input: Source, container: HTMLElement, lang: Lang, extracted: Parameters<typeof auditExtracted>[0]): Opened {
  const pre = document.createElement('pre');
  pre.className = 'text-document';
  pre.textContent = decode(input.bytes, input.contentType);
  container.append(pre);
  return { kind: 'text', audit: auditExtracted(extracted, { source: input.source, lang, context: input.context }), error: null, elements: [], pages: null, pdf: null };
}

export async function openDocument(input: Source, container: HTMLElement, lang: Lang, progress: Progress): Promise<Opened> {
  if (sniffKind(input.bytes, { name: input.name, contentType: input.contentType }) === 'pdf') return openPdf(input, container, lang, progress);
  const read = await readInViewer(input.bytes, input.name, input.contentType);
  if (read.error || !read.extracted) throw new DocumentError(read.error ?? 'unreadable');
  if (read.kind === 'docx') return openMarkup(read.html ?? '', input, container, lang, read.kind);
  if (read.kind === 'html') return openMarkup(decode(input.bytes, input.contentType), input, container, lang, read.kind);
  return openText(input, container, lang, read.extracted);
}
