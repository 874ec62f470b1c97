import { render } from 'preact';
import type { Lang } from '../lib/i18n/render';
import type { Mark } from '../lib/present/marks';
import type { ReviewStatusText as ReviewStatus } from '../lib/review/key';
import { HOST_STYLE, SHADOW_CSS } from './overlay-style';

export interface OverlayProps {
  marks: Mark[];
  elements: Element[];
  related: number[];
  /** The likely culprit of the selected finding's relationship. */
  suspect: number | null;
  selected: number | null;
  /** The auditor's review of each finding (by index), shown on its mark. */
  reviews?: (ReviewStatus | null)[];
  lang: Lang;
  /**
   * The elements are the text's own box (the viewer's anchors around a PDF's number, a Word cell),
   * so a label on the corner would cover the last digit: it says 应为 whatever the width and stands
   * above the box's right end.
   */
  tight?: boolean;
  onSelect(findingIndex: number): void;
}

const MAX_RAISES = 20;
const REFLOW_MS = 200;
/** Kept here, not in the UI strings, so the content script stays small. */
const WORDS = {
  zh: { error: '错误', warning: '警告', expected: '应为 ', review: { confirmed: '确认问题', 'false-positive': '误报', reported: '已反馈' } },
  en: { error: 'error', warning: 'warning', expected: '≠ ', review: { confirmed: 'Confirmed', 'false-positive': 'False positive', reported: 'Reported' } },
} as const;
const GLYPH = { error: '✖', warning: '▲', info: 'i' } as const;
const REVIEW_GLYPH: Record<ReviewStatus, string> = { confirmed: ' ✔', 'false-positive': ' ∅', reported: ' ✉' };

/** Pixel strings: Preact 11 no longer appends `px` to numbers. */
type Box = Record<'top' | 'left' | 'width' | 'height', string> & Record<string, string>;

/**
 * The ancestors that clip an element (overflow other than visible), found once per element: paints
 * are per frame. Forgotten on resize, where a page's media queries may turn a box's scrolling on.
 */
let clippers = new WeakMap<Element, Element[]>();

function clippersOf(element: Element): Element[] {
  let found = clippers.get(element);
  if (!found) {
    found = [];
    for (let at = element.parentElement; at && at !== document.body && at !== document.documentElement; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') found.push(at);
    }
    clippers.set(element, found);
  }
  return found;
}

/**
 * The part of the element the page shows: a wide table in a scrolling box (a CMS's overflow-x:auto
 * wrapper, which scrolls sideways once the side panel narrows the window) hides the cells scrolled
 * past its edges, so their marks are cut to the box, and none is drawn for a cell wholly hidden.
 * `inset` when the label would stick out past the box's or the window's right edge: it goes inside.
 */
function boxOf(element: Element | undefined): { style: Box; inset: boolean } | null {
  if (!element?.isConnected) return null;
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  let { left, top, right, bottom } = rect;
  let edge = document.documentElement.clientWidth || innerWidth;
  for (const clipper of clippersOf(element)) {
    const clip = clipper.getBoundingClientRect();
    left = Math.max(left, clip.left);
    right = Math.min(right, clip.right);
    top = Math.max(top, clip.top);
    bottom = Math.min(bottom, clip.bottom);
    edge = Math.min(edge, clip.right);
  }
  if (right - left < 1 || bottom - top < 1) return null;
  // The label stands 9px past the right edge (.tag's right: -9px).
  const inset = right + 9 > edge;
  return { style: { top: `${top}px`, left: `${left}px`, width: `${right - left}px`, height: `${bottom - top}px` }, inset };
}

/**
 * The label: an error's expected value where the cell is wide enough to hold it (“应为 272”), else a
 * glyph and, for several messages, their count: never a bare number that could be read as a value.
 */
function tagText(mark: Mark, width: number, lang: Lang): string {
  const count = mark.messages.length > 1 ? String(mark.messages.length) : '';
  if (mark.expected !== undefined && !count) {
    const text = `${WORDS[lang].expected}${mark.expected}`;
    if (width >= text.length * 8 + 8) return text;
  }
  return `${GLYPH[mark.severity]}${count}`;
}

function reviewOf(mark: Mark, reviews: OverlayProps['reviews'] = []): ReviewStatus | null {
  return mark.findings.map((i) => reviews[i]).find((status): status is ReviewStatus => !!status) ?? null;
}

function MarkBox({ mark, props, box, inset, above }: { mark: Mark; props: OverlayProps & { flash: number | null }; box: Box; inset: boolean; above?: boolean }) {
  const selected = props.selected !== null && mark.findings.includes(props.selected);
  const review = reviewOf(mark, props.reviews);
  const text = tagText(mark, props.tight ? Infinity : parseFloat(box.width), props.lang);
  // The expected value sits inside its cell's top right corner where the cell is tall enough, so it reads as that cell's.
  const expectedShown = !props.tight && mark.expected !== undefined && text !== `${GLYPH[mark.severity]}` && parseFloat(box.height) >= 34;
  const flip = parseFloat(box.left) > innerWidth / 2 && 'flip';
  const classes = ['mark', mark.severity, selected && 'selected', props.suspect === mark.src && 'suspect',
    props.flash === mark.src && 'flash', flip, above && 'above', review && `rv-${review}`, props.tight && 'tight', inset && !expectedShown && 'inset'].filter(Boolean).join(' ');
  return (
    <div class={classes} style={box} data-src={mark.src} data-severity={mark.severity} data-review={review ?? undefined}>
      <button type="button" class={expectedShown ? 'tag expect' : 'tag'} aria-label={mark.name}
        onClick={() => props.onSelect(mark.findings[0]!)}>
        {text}{review ? REVIEW_GLYPH[review] : ''}
      </button>
      <Tip mark={mark} props={props} />
    </div>
  );
}

function Tip({ mark, props }: { mark: Mark; props: OverlayProps }) {
  return (
    <div class="tip" role="tooltip">
      {mark.messages.map((message, i) => {
        const review = props.reviews?.[mark.findings[i]!];
        return <p key={i}>{message}{review ? ` 〔${WORDS[props.lang].review[review]}〕` : ''}</p>;
      })}
    </div>
  );
}

/** The selected tooltip opens below its cell unless the suspect sits there: then above, so both stay readable. */
function tipCovers(cell: Element | undefined, suspect: Element | undefined): boolean {
  if (!cell || !suspect || cell === suspect) return false;
  const a = cell.getBoundingClientRect();
  const b = suspect.getBoundingClientRect();
  return b.top >= a.bottom - 1 && b.top < a.bottom + 160 && b.right > a.left - 360 && b.left < a.right + 360 && a.top > 170;
}

/**
 * Painting order is tree order (every mark is fixed, none has a z-index): warnings, then errors, then
 * the related cells, then the suspect, and last the selected finding's mark with its tooltip, so the
 * tooltip and the suspect are never under another mark's outline or label. A hovered mark is lifted by CSS.
 */
function Marks(props: OverlayProps & { flash: number | null }) {
  const marked = new Set(props.marks.map((mark) => mark.src));
  const isSelected = (mark: Mark) => props.selected !== null && mark.findings.includes(props.selected);
  const selected = props.marks.find(isSelected);
  const suspect = props.marks.find((mark) => mark.src === props.suspect && mark !== selected);
  const ordinary = props.marks.filter((mark) => mark !== selected && mark !== suspect);
  const draw = (mark: Mark, above?: boolean) => {
    const box = boxOf(props.elements[mark.src]);
    return box ? <MarkBox key={mark.src} mark={mark} props={props} box={box.style} inset={box.inset} above={above} /> : null;
  };
  const related = (src: number) => {
    const box = boxOf(props.elements[src]);
    const classes = props.suspect === src ? 'mark related suspect' : 'mark related';
    return box ? <div key={`r${src}`} class={classes} style={box.style} data-src={src} /> : null;
  };
  const plainRelated = props.related.filter((src) => !marked.has(src) && src !== props.suspect);
  const suspectRelated = props.suspect !== null && !marked.has(props.suspect) ? [props.suspect] : [];
  return (
    <>
      {ordinary.map((mark) => draw(mark))}
      {plainRelated.map(related)}
      {suspect && draw(suspect)}
      {suspectRelated.map(related)}
      {selected && draw(selected, tipCovers(props.elements[selected.src], props.suspect === null ? undefined : props.elements[props.suspect]))}
    </>
  );
}

/** Marks drawn over the page in a shadow root; the page's layout and text are never touched. */
export class Overlay {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private props: OverlayProps | null = null;
  private flashing: number | null = null;
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
    clippers = new WeakMap();
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
      const table = props.elements[mark.src]?.closest('table');
      if (table) tables.add(table);
    }
    for (const table of tables) this.resizes.observe(table);
  }

  hide(): void {
    this.props = null;
    this.unmount();
  }

  flash(src: number): void {
    this.flashing = src;
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
    render(<Marks {...this.props} flash={this.flashing} />, this.container);
    this.busyMs += performance.now() - start;
  }
}
