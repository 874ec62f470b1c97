/**
 * The marks as components: outline, label, tooltip, related cells and suspect, each placed by its
 * anchor (lib/model/anchor.ts). The DOM host that mounts them over a page is ./host.ts.
 */
import type { Lang } from '../../lib/i18n/lang';
import { anchorKey, type Anchor } from '../../lib/model/anchor';
import type { Mark } from '../../lib/present/marks';
import type { ReviewStatusText as ReviewStatus } from '../../lib/review/key';
import { reviewLabel } from '../../lib/review/state';

export interface OverlayProps {
  marks: Mark[];
  /** The element an anchor names on this page (a page's cell, a PDF box's positioned anchor), if it is shown. */
  place(anchor: Anchor): Element | undefined;
  related: Anchor[];
  /** The likely culprit of the selected finding's relationship. */
  suspect: Anchor | null;
  selected: number | null;
  /** The auditor's review of each finding (by its index in the list the marks were made from), shown on its mark. */
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

/** The expected value's lead on a label (“应为 272”): the label's own word, kept short. */
const EXPECTED = { zh: '应为 ', en: '≠ ' } as const;
const GLYPH = { error: '✖', warning: '▲', info: 'i' } as const;
const REVIEW_GLYPH: Record<ReviewStatus, string> = { confirmed: ' ✔', 'false-positive': ' ∅', reported: ' ✉' };

/** Pixel strings: Preact 11 no longer appends `px` to numbers. */
type Box = Record<'top' | 'left' | 'width' | 'height', string> & Record<string, string>;

/**
 * The ancestors that clip an element (overflow other than visible), found once per element: paints
 * are per frame. Forgotten on resize (`forgetClippers`), where a page's media queries may turn a
 * box's scrolling on.
 */
let clippers = new WeakMap<Element, Element[]>();

export function forgetClippers(): void {
  clippers = new WeakMap();
}

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
    const text = `${EXPECTED[lang]}${mark.expected}`;
    if (width >= text.length * 8 + 8) return text;
  }
  return `${GLYPH[mark.severity]}${count}`;
}

function reviewOf(mark: Mark, reviews: OverlayProps['reviews'] = []): ReviewStatus | null {
  return mark.findings.map((i) => reviews[i]).find((status): status is ReviewStatus => !!status) ?? null;
}

type MarksProps = OverlayProps & { flash: string | null; suspectKey: string | null };

function MarkBox({ mark, props, box, inset, above }: { mark: Mark; props: MarksProps; box: Box; inset: boolean; above?: boolean }) {
  const selected = props.selected !== null && mark.findings.includes(props.selected);
  const review = reviewOf(mark, props.reviews);
  const text = tagText(mark, props.tight ? Infinity : parseFloat(box.width), props.lang);
  // The expected value sits inside its cell's top right corner where the cell is tall enough, so it reads as that cell's.
  const expectedShown = !props.tight && mark.expected !== undefined && text !== `${GLYPH[mark.severity]}` && parseFloat(box.height) >= 34;
  const flip = parseFloat(box.left) > innerWidth / 2 && 'flip';
  const classes = ['mark', mark.severity, selected && 'selected', props.suspectKey === mark.key && 'suspect',
    props.flash === mark.key && 'flash', flip, above && 'above', review && `rv-${review}`, props.tight && 'tight', inset && !expectedShown && 'inset'].filter(Boolean).join(' ');
  return (
    <div class={classes} style={box} data-at={mark.key} data-severity={mark.severity} data-review={review ?? undefined}>
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
        return <p key={i}>{message}{review ? ` 〔${reviewLabel(review, props.lang)}〕` : ''}</p>;
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
export function Marks(outer: OverlayProps & { flash: string | null }) {
  const props: MarksProps = { ...outer, suspectKey: outer.suspect ? anchorKey(outer.suspect) : null };
  const marked = new Set(props.marks.map((mark) => mark.key));
  const isSelected = (mark: Mark) => props.selected !== null && mark.findings.includes(props.selected);
  const selected = props.marks.find(isSelected);
  const suspect = props.marks.find((mark) => mark.key === props.suspectKey && mark !== selected);
  const ordinary = props.marks.filter((mark) => mark !== selected && mark !== suspect);
  const draw = (mark: Mark, above?: boolean) => {
    const box = boxOf(props.place(mark.anchor));
    return box ? <MarkBox key={mark.key} mark={mark} props={props} box={box.style} inset={box.inset} above={above} /> : null;
  };
  const related = (anchor: Anchor) => {
    const key = anchorKey(anchor);
    const box = boxOf(props.place(anchor));
    const classes = props.suspectKey === key ? 'mark related suspect' : 'mark related';
    return box ? <div key={`r${key}`} class={classes} style={box.style} data-at={key} /> : null;
  };
  const plainRelated = props.related.filter((anchor) => !marked.has(anchorKey(anchor)) && anchorKey(anchor) !== props.suspectKey);
  const suspectRelated = props.suspect && !marked.has(props.suspectKey!) ? [props.suspect] : [];
  return (
    <>
      {ordinary.map((mark) => draw(mark))}
      {plainRelated.map(related)}
      {suspect && draw(suspect)}
      {suspectRelated.map(related)}
      {selected && draw(selected, tipCovers(props.place(selected.anchor), props.suspect ? props.place(props.suspect) : undefined))}
    </>
  );
}
