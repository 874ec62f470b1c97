/** Viewer-side probes shared by the Chromium and Firefox tests (plain functions, serialised into the page), and the wait built on them. */
import { poll } from './harness';

export interface ViewerMark {
  severity: string | null;
  related: boolean;
  classes: string;
  /** Text of the pdf.js text-layer spans (or table cell) whose centre lies inside the mark. */
  text: string;
  tip: string;
  page: number | null;
}

export function readViewerMarks(): ViewerMark[] {
  const host = document.querySelector('nianbao-audit-marks');
  const marks = Array.from(host?.shadowRoot?.querySelectorAll('.mark') ?? []);
  const spans = Array.from(document.querySelectorAll('.textLayer span, .word td'));
  const pages = Array.from(document.querySelectorAll('.page'));
  return marks.map((mark) => {
    const box = mark.getBoundingClientRect();
    // No named helpers in here: the test runner's transform would wrap them in a function the page lacks.
    const text = spans
      .filter((span) => span.childElementCount === 0 || span.tagName === 'TD')
      .filter((span) => {
        const r = span.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        return x >= box.left - 1 && x <= box.right + 1 && y >= box.top - 1 && y <= box.bottom + 1;
      })
      .map((span) => span.textContent?.trim() ?? '').join('');
    const page = pages.find((p) => {
      const r = p.getBoundingClientRect();
      return box.top >= r.top && box.bottom <= r.bottom && box.left >= r.left && box.right <= r.right;
    });
    return {
      severity: mark.getAttribute('data-severity'),
      related: mark.classList.contains('related'),
      classes: mark.className,
      text,
      tip: mark.querySelector('.tip')?.textContent ?? '',
      page: page ? Number((page as HTMLElement).dataset.page) : null,
    };
  });
}

export function viewerState(): { phase: string; problem: string; drawn: number; pages: number; findings: number } {
  return {
    phase: document.querySelector('[data-testid="viewer"]')?.getAttribute('data-phase') ?? 'none',
    problem: document.querySelector('[data-testid="problem"]')?.textContent ?? '',
    drawn: document.querySelectorAll('.page-layer canvas').length,
    pages: document.querySelectorAll('.page').length,
    findings: document.querySelectorAll('[data-testid="finding"]').length,
  };
}

/**
 * The selected finding's mark once the marks have settled: they follow the scroll on the next frame,
 * so read until two reads a moment apart agree. `read` evaluates `readViewerMarks` in the viewer.
 */
export async function settledSelectedMark(read: () => Promise<ViewerMark[]>, what: string): Promise<ViewerMark> {
  let last = '';
  const marks = await poll(async () => {
    const marks = await read();
    const same = JSON.stringify(marks) === last;
    last = JSON.stringify(marks);
    return same ? marks : [];
  }, (m) => m.some((x) => x.classes.includes('selected') && x.text !== ''), what, 20_000);
  return marks.find((m) => m.classes.includes('selected'))!;
}
