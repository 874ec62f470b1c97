/**
 * Small faults seen on real pages (issue 23, item 6), shared by faults.chromium.ts and
 * faults.firefox.ts: the pages they open and the probes they run in them (plain functions,
 * serialised into the page: no named helpers inside them).
 */
import { readFileSync } from 'node:fs';
import { renderHtml } from '../support/render';
import type { Page } from './server';
import { blankTotalReport } from './workspace-pages';

export const DOCX = 'blanks-error-2021-word.writer.docx';
export const PDF = 'blanks-error-2021-word.chromium.pdf';
/** The window once the side panel takes its 360 px: the report's tables no longer fit. */
export const NARROWED = { width: 900, height: 900 };

/**
 * The dense report (22 errors, the 总计 column blank) as a CMS lays wide tables out: each in a box
 * that scrolls sideways (overflow-x: auto) with the table at its full width, so a window narrowed by
 * the side panel shows its left part and a scrollbar.
 */
export function faultPages(): Map<string, Page> {
  const wide = renderHtml(blankTotalReport(), 'word')
    .replace(/<table\b/g, '<div class="scroll" style="overflow-x:auto"><table style="min-width:1500px"')
    .replace(/<\/table>/g, '</table></div>');
  const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return new Map<string, Page>([
    ['/wide.html', { body: wide }],
    [`/files/${DOCX}`, { body: readFileSync(`test/fixtures/documents/${DOCX}`), type: docxType }],
    [`/files/${PDF}`, { body: readFileSync(`test/fixtures/documents/${PDF}`), type: 'application/pdf' }],
  ]);
}

export interface EdgeReport {
  /** Marks drawn. */
  marks: number;
  /** Marks (or their labels) reaching past the visible part of their table's scrolling box or the window. */
  outside: string[];
  /** The widest right edge of a label, and the window's. */
  labelsRight: number;
  windowRight: number;
}

/**
 * Every mark and label of the page against what the page shows: the visible part of the scrolling
 * box its table is in, and the window. A mark past the box would outline a cell the page hides; a
 * label past the right edge is cut off.
 */
export function marksWithinView(): EdgeReport {
  const root = document.querySelector('nianbao-audit-marks')?.shadowRoot;
  const boxes = Array.from(document.querySelectorAll('.scroll')).map((element) => element.getBoundingClientRect());
  const windowRight = document.documentElement.clientWidth;
  const marks = Array.from(root?.querySelectorAll('.mark:not(.related)') ?? []);
  const outside: string[] = [];
  let labelsRight = 0;
  for (const mark of marks) {
    const m = mark.getBoundingClientRect();
    const box = boxes.find((b) => m.top >= b.top - 1 && m.bottom <= b.bottom + 1);
    const tag = mark.querySelector('.tag')?.getBoundingClientRect();
    const where = `${mark.getAttribute('data-at')} [${Math.round(m.left)}–${Math.round(m.right)}]`;
    if (!box) outside.push(`${where}: in no scrolling box`);
    else if (m.left < box.left - 1 || m.right > box.right + 1) outside.push(`${where}: past its box [${Math.round(box.left)}–${Math.round(box.right)}]`);
    if (tag) {
      labelsRight = Math.max(labelsRight, tag.right);
      if (tag.right > windowRight + 0.5 || (box && tag.right > box.right + 0.5)) outside.push(`${where}: label cut at ${Math.round(tag.right)}`);
    }
  }
  return { marks: marks.length, outside, labelsRight, windowRight };
}

/** Scroll every scrolling box to its right end (the 总计 column) or back to its start. */
export function scrollBoxes(toEnd: boolean): number {
  const boxes = Array.from(document.querySelectorAll<HTMLElement>('.scroll'));
  for (const box of boxes) box.scrollLeft = toEnd ? box.scrollWidth : 0;
  return boxes.length;
}

export interface SelectedTip {
  review: string | null;
  text: string;
  /** The opacity the tooltip is painted with: its own times every ancestor's up to the overlay's root. */
  opacity: number;
  background: string;
}

/** The selected mark's tooltip as painted. */
export function selectedTip(): SelectedTip | null {
  const root = document.querySelector('nianbao-audit-marks')?.shadowRoot;
  const mark = root?.querySelector('.mark.selected');
  const tip = mark?.querySelector('.tip');
  if (!mark || !tip) return null;
  let opacity = 1;
  for (let at: Element | null = tip; at; at = at.parentElement) opacity *= Number(getComputedStyle(at).opacity);
  return { review: mark.getAttribute('data-review'), text: tip.textContent ?? '', opacity, background: getComputedStyle(tip).backgroundColor };
}

export interface ViewerLabel {
  tag: string;
  /** The text under the mark (pdf.js text-layer spans or the Word cell) that the label overlaps. */
  covered: string[];
  text: string;
}

/** The selected mark of the viewer: its label, and whether that covers any of the text it marks. */
export function viewerLabel(): ViewerLabel | null {
  const root = document.querySelector('nianbao-audit-marks')?.shadowRoot;
  const mark = root?.querySelector('.mark.selected');
  const tag = mark?.querySelector('.tag');
  if (!mark || !tag) return null;
  const m = mark.getBoundingClientRect();
  const t = tag.getBoundingClientRect();
  const spans = Array.from(document.querySelectorAll('.textLayer span, .word td'))
    .filter((span) => span.childElementCount === 0 || span.tagName === 'TD')
    .filter((span) => {
      const r = span.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      return (span.textContent ?? '').trim() !== '' && x >= m.left - 1 && x <= m.right + 1 && y >= m.top - 1 && y <= m.bottom + 1;
    });
  // The glyphs' own boxes (a Word cell is wider than its text): a range over each span's text.
  const covered = spans.filter((span) => {
    const range = document.createRange();
    range.selectNodeContents(span);
    return Array.from(range.getClientRects()).some((r) => r.width > 0 && r.left < t.right - 0.5 && r.right > t.left + 0.5 && r.top < t.bottom - 0.5 && r.bottom > t.top + 0.5);
  }).map((span) => (span.textContent ?? '').trim());
  return { tag: tag.textContent ?? '', covered, text: spans.map((span) => (span.textContent ?? '').trim()).join('') };
}
