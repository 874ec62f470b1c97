/**
 * The DOM host of the page marks: a custom element on <html> with an open shadow root, following
 * scrolling, resizing and reflow, and staying on top of the page. What it draws is ./Marks.tsx.
 */
import { h, render } from 'preact';
import { anchorKey, type Anchor } from '../../lib/model/anchor';
import { HOST_STYLE, SHADOW_CSS } from '../overlay-style';
import { forgetClippers, Marks, type OverlayProps } from './Marks';

export type { OverlayProps } from './Marks';

const MAX_RAISES = 20;
const REFLOW_MS = 200;

/** Marks drawn over the page in a shadow root; the page's layout and text are never touched. */
export class Overlay {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private props: OverlayProps | null = null;
  private flashing: string | null = null;
  private frame = 0;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private resizes: ResizeObserver | null = null;
  private reflowTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Reflow (a page that keeps growing resizes <html> every frame) repaints at most every REFLOW_MS:
   * each repaint measures the cells and so forces the page's layout early. Scrolling stays per frame.
   */
  private readonly scheduleReflow = () => {
    if (this.reflowTimer !== undefined) return;
    this.reflowTimer = setTimeout(() => {
      this.reflowTimer = undefined;
      this.schedule();
    }, REFLOW_MS);
  };
  private readonly resized = () => {
    forgetClippers();
    this.schedule();
  };
  private readonly schedule = () => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  };

  /** The selected finding's index, kept across repaints (a review change redraws without losing it). */
  get selected(): number | null {
    return this.props?.selected ?? null;
  }

  show(props: OverlayProps): void {
    this.props = props;
    this.mount();
    this.follow(props);
    this.paint();
  }

  /** Cells move when fonts load or tables reflow without any scroll or resize event: watch their tables. */
  private follow(props: OverlayProps): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.resizes?.disconnect();
    this.resizes = new ResizeObserver(this.scheduleReflow);
    const tables = new Set<Element>([document.documentElement]);
    for (const mark of props.marks) {
      const table = props.place(mark.anchor)?.closest('table');
      if (table) tables.add(table);
    }
    for (const table of tables) this.resizes.observe(table);
  }

  hide(): void {
    this.props = null;
    this.unmount();
  }

  flash(anchor: Anchor): void {
    this.flashing = anchorKey(anchor);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      this.flashing = null;
      this.schedule();
    }, 2200);
    this.schedule();
  }

  /**
   * Z-index wars: at the top z-index the later element in tree order paints on top, so the host stays
   * the last child of <html>. A page that keeps appending after it is humoured a bounded number of times.
   */
  keepOnTop(): void {
    const host = this.host;
    if (!host?.isConnected || host === document.documentElement.lastElementChild || this.raised >= MAX_RAISES) return;
    this.raised += 1;
    document.documentElement.append(host);
  }

  private raised = 0;

  /** Mutations of the overlay itself do not count as page changes. */
  owns(record: MutationRecord): boolean {
    const host = this.host;
    if (!host) return false;
    const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
    return record.target === host || host.contains(record.target) || (nodes.length > 0 && nodes.every((node) => node === host));
  }

  destroy(): void {
    this.hide();
    clearTimeout(this.flashTimer);
  }

  private mount(): void {
    if (this.host?.isConnected) return;
    const host = document.createElement('nianbao-audit-marks');
    host.setAttribute('style', HOST_STYLE);
    // Open, so that tests (and curious auditors) can inspect the marks; they hold nothing the page does not.
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = SHADOW_CSS;
    const container = document.createElement('div');
    root.append(style, container);
    document.documentElement.append(host);
    this.host = host;
    this.container = container;
    addEventListener('scroll', this.schedule, { capture: true, passive: true });
    addEventListener('resize', this.resized, { passive: true });
  }

  private unmount(): void {
    if (this.container) render(null, this.container);
    this.host?.remove();
    this.host = null;
    this.container = null;
    removeEventListener('scroll', this.schedule, { capture: true });
    removeEventListener('resize', this.resized);
    this.resizes?.disconnect();
    this.resizes = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.reflowTimer);
    this.reflowTimer = undefined;
  }

  /** Main-thread time spent drawing, for the frame's CPU account. */
  busyMs = 0;

  private paint(): void {
    if (!this.props || !this.container) return;
    const start = performance.now();
    render(h(Marks, { ...this.props, flash: this.flashing }), this.container);
    this.busyMs += performance.now() - start;
  }
}
