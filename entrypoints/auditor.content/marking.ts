/**
 * The marks on the page: drawn from the result's findings by the anchors they carry (an element of
 * this frame's read), the selected finding brought into view, and, for an evidence clip, where a
 * finding's cell and its headers are on screen.
 */
import type { Anchor } from '../../lib/model/anchor';
import type { CellView, ViewRect } from '../../lib/model/messages';
import { placeAnchor, relatedAnchors, suspectAnchor } from '../../lib/present/anchors';
import { marksOf } from '../../lib/present/marks';
import { headerAbove, headerSources } from '../../lib/record/clip';
import { findingKey, storedStatus } from '../../lib/review/key';
import { Overlay } from '../../components/overlay/host';
import type { AuditorState, DomAudit } from './state';

/** An anchor's element in this frame: pages are read from their DOM, so only `element` anchors are here. */
const placeIn = (audit: DomAudit) => (anchor: Anchor): Element | undefined => (anchor.kind === 'element' ? audit.elements[anchor.src] : undefined);

export class Marking {
  readonly overlay = new Overlay();

  constructor(private readonly state: AuditorState, private readonly onSelect: (index: number) => void) {}

  /** The selected finding's index in the result, kept across repaints. */
  get selected(): number | null {
    return this.overlay.selected;
  }

  draw(selected: number | null): void {
    const { audit, result } = this.state;
    if (!audit || !result || !this.state.marking) {
      this.overlay.hide();
      return;
    }
    const findings = result.findings;
    const marks = marksOf(findings, { blanks: this.state.blanksVisible, lang: this.state.lang, format: audit.report.format });
    const reviews = findings.map((finding) => storedStatus(this.state.reviews, findingKey(finding)));
    const finding = selected === null ? undefined : findings[selected];
    this.overlay.show({
      marks, place: placeIn(audit), selected, reviews, lang: this.state.lang, onSelect: this.onSelect,
      related: finding ? relatedAnchors(audit.report, finding) : [],
      suspect: suspectAnchor(audit.report, finding) ?? null,
    });
  }

  /** Draw with the finding selected, scroll its place into view (clear of the popup when asked) and flash it. */
  select(index: number, avoid?: 'popup'): void {
    const { audit, result } = this.state;
    const finding = result?.findings[index];
    const anchor = finding && audit ? placeAnchor(audit.report, finding) : undefined;
    const element = anchor && audit ? placeIn(audit)(anchor) : undefined;
    this.draw(index);
    if (element && anchor) {
      element.scrollIntoView({ block: 'center', inline: 'nearest' });
      if (avoid === 'popup') clearOfPopup(element);
      this.overlay.flash(anchor);
    } else if (finding && finding.table === null) {
      scrollTo({ top: 0 }); // a report-level finding on a page without a title element: the top of the page
    }
  }

  /**
   * For an evidence clip: the finding's cell brought into view (or its column's header, asked with
   * `part`), the marks hidden, and where the cell, its row label and its column header are.
   */
  async locate(index: number, part?: 'header'): Promise<CellView | null> {
    const view = this.cellView(index, part ?? 'cell');
    if (view) {
      this.state.capturing = true;
      this.overlay.hide();
      // Painted without the marks before the popup captures the tab.
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return view ? this.cellView(index) : null;
  }

  private cellView(index: number, scrollTo?: 'cell' | 'header'): CellView | null {
    const audit = this.state.audit;
    const finding = this.state.result?.findings[index];
    if (!audit || !finding?.table || !finding.row || !finding.column) return null;
    const src = audit.report.tables[finding.table]?.[finding.row]?.[finding.column]?.src;
    const cell = typeof src === 'number' ? audit.elements[src] : undefined;
    if (!cell) return null;
    if (scrollTo === 'cell') cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const rowSrc = audit.report.rowLabels[finding.table]?.[finding.row]?.src;
    const row = typeof rowSrc === 'number' ? audit.elements[rowSrc] : undefined;
    const candidates = headerSources(audit.report, finding.table, finding.column)
      .flatMap((at) => (audit.elements[at] ? [{ src: at, rect: viewRect(audit.elements[at]!) }] : []));
    const headerSrc = headerAbove(viewRect(cell), candidates);
    const header = headerSrc === null ? undefined : audit.elements[headerSrc];
    if (scrollTo === 'header' && header) header.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return {
      cell: viewRect(cell), row: row ? textRect(row) : null, column: header ? textRect(header) : null,
      view: { w: document.documentElement.clientWidth, h: innerHeight, scrollX, scrollY },
    };
  }

  destroy(): void {
    this.overlay.destroy();
  }
}

const viewRect = (element: Element): ViewRect => {
  const box = element.getBoundingClientRect();
  return { x: box.left, y: box.top, w: box.width, h: box.height };
};

/**
 * Where a label's text itself is (a tall merged header centres “总计” in a lot of white; Word centres
 * a label's lines in a wide cell): the union of its text's line boxes, else its element's box.
 */
function textRect(element: Element): ViewRect {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.nodeValue?.trim()) continue;
    range.selectNodeContents(node);
    for (const box of Array.from(range.getClientRects())) {
      if (box.width === 0 || box.height === 0) continue;
      left = Math.min(left, box.left);
      top = Math.min(top, box.top);
      right = Math.max(right, box.right);
      bottom = Math.max(bottom, box.bottom);
    }
  }
  return right > left ? { x: left, y: top, w: right - left, h: bottom - top } : viewRect(element);
}

/** The popup hangs over the top right of the viewport (about 400 × 600): move a cell under it into the clear. */
const POPUP = { width: 420, height: 620 };
function clearOfPopup(element: Element): void {
  const box = element.getBoundingClientRect();
  if (box.right < innerWidth - POPUP.width || box.top > POPUP.height) return;
  const room = innerHeight - POPUP.height;
  scrollBy({ top: room >= box.height + 16 ? box.top - POPUP.height - 8 : box.bottom - innerHeight + 8 });
}
