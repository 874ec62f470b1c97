/**
 * PDF pages drawn with pdf.js (canvas plus its text layer, so text can be selected and searched),
 * lazily: only pages near the viewport hold a canvas, so a 300-page report stays responsive.
 * Marks are placed over cells through anchor elements positioned by each cell's box (PDF points).
 */
import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentLoadingTask, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { Box } from '../../lib/model/report';

GlobalWorkerOptions.workerSrc = workerUrl;

/** CSS pixels per PDF point on screen (pdf.js's own viewer shows 100 % as 96/72). */
const SCALE = 1.35;
/** Pages within this distance of the viewport are drawn; farther ones give their canvas back. */
const NEAR = '1200px 0px';
const MAX_PAGES = 2000;
/** Points of room around a cell's text box. */
const PAD = 2;

/** pdf.js's loading task for a document: its `promise`, and `destroy`, which stops its worker. */
export function openPdfTask(data: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    // pdf.js transfers the buffer to its worker: hand it a copy, the caller keeps the bytes.
    data: data.slice(),
    // Copied into the extension at build time (wxt.config.ts); the viewer is an extension page.
    cMapUrl: new URL('/pdfjs/cmaps/', location.href).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('/pdfjs/standard_fonts/', location.href).href,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
  });
}

interface PageSlot {
  div: HTMLElement;
  size: { width: number; height: number };
  drawn: { cancel(): void } | null;
}

export class PdfPages {
  private slots: PageSlot[] = [];
  private observer: IntersectionObserver | null = null;
  private anchors: HTMLElement[] = [];

  constructor(private readonly container: HTMLElement, private readonly pdf: PDFDocumentProxy) {}

  get count(): number {
    return Math.min(this.pdf.numPages, MAX_PAGES);
  }

  /** One placeholder per page at its size (read page by page, without drawing anything). */
  async layout(onProgress: (done: number) => void): Promise<void> {
    for (let n = 1; n <= this.count; n += 1) {
      const page = await this.pdf.getPage(n);
      const viewport = page.getViewport({ scale: SCALE });
      const div = document.createElement('div');
      div.className = 'page';
      div.dataset.page = String(n);
      div.style.width = `${viewport.width}px`;
      div.style.height = `${viewport.height}px`;
      div.style.setProperty('--scale-factor', String(SCALE));
      div.style.setProperty('--total-scale-factor', String(SCALE));
      this.container.append(div);
      this.slots.push({ div, size: { width: viewport.width, height: viewport.height }, drawn: null });
      page.cleanup();
      if (n % 10 === 0) onProgress(n);
    }
  }

  /**
   * Start drawing the pages near the viewport. Called once the text is read: pdf.js's one worker
   * serves both, and drawing first would delay the audit by the pages' rendering.
   */
  draw(): void {
    if (this.observer) return;
    this.observer = new IntersectionObserver((entries) => this.onVisibility(entries), { rootMargin: NEAR });
    for (const slot of this.slots) this.observer.observe(slot.div);
  }

  /** An element over a cell's box, for the marks to follow; null for a box off every page. */
  anchor(box: Box): HTMLElement | null {
    const slot = this.slots[box.page - 1];
    if (!slot || !(box.w >= 0 && box.h >= 0)) return null;
    const anchor = document.createElement('div');
    anchor.className = 'cell-anchor';
    // A cell's box is its text's: a little room around it keeps the outline off the digits.
    anchor.style.left = `${(box.x - PAD) * SCALE}px`;
    anchor.style.top = `${(box.y - PAD) * SCALE}px`;
    anchor.style.width = `${(Math.max(box.w, 3) + 2 * PAD) * SCALE}px`;
    anchor.style.height = `${(Math.max(box.h, 3) + 2 * PAD) * SCALE}px`;
    slot.div.append(anchor);
    this.anchors.push(anchor);
    return anchor;
  }

  private onVisibility(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const slot = this.slots[Number((entry.target as HTMLElement).dataset.page) - 1];
      if (!slot) continue;
      if (entry.isIntersecting && !slot.drawn) slot.drawn = this.drawPage(slot, Number(slot.div.dataset.page));
      else if (!entry.isIntersecting && slot.drawn) this.release(slot);
    }
  }

  private drawPage(slot: PageSlot, n: number): { cancel(): void } {
    let cancelled = false;
    let cancelWork = () => {};
    const layer = document.createElement('div');
    layer.className = 'page-layer';
    slot.div.prepend(layer);
    void (async () => {
      const page: PDFPageProxy = await this.pdf.getPage(n);
      if (cancelled) return;
      const viewport = page.getViewport({ scale: SCALE });
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      const text = document.createElement('div');
      text.className = 'textLayer';
      layer.append(canvas, text);
      const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      const textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport });
      cancelWork = () => {
        task.cancel();
        textLayer.cancel();
      };
      await Promise.all([task.promise, textLayer.render()]);
      slot.div.classList.add('drawn');
    })().catch((error: unknown) => {
      if (!cancelled) console.warn(`年报核查: page ${n} could not be drawn`, error);
    });
    return {
      cancel: () => {
        cancelled = true;
        cancelWork();
        layer.remove();
        slot.div.classList.remove('drawn');
      },
    };
  }

  private release(slot: PageSlot): void {
    slot.drawn?.cancel();
    slot.drawn = null;
  }

  /** Pages that currently hold a canvas (for tests of the lazy drawing). */
  drawnPages(): number[] {
    return this.slots.flatMap((slot, i) => (slot.drawn ? [i + 1] : []));
  }

  destroy(): void {
    this.observer?.disconnect();
    for (const slot of this.slots) this.release(slot);
    void this.pdf.destroy();
  }
}
