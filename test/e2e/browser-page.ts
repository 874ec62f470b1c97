/** Page-side probes shared by the Chromium and Firefox tests (plain functions, serialised into the page). */

export interface MarkInfo {
  cell: string | null;
  severity: string | null;
  related: boolean;
  classes: string;
}

/** Every mark in the overlay and the `data-cell` of the table cell under its centre. */
export function readMarks(): MarkInfo[] {
  const host = document.querySelector('nianbao-audit-marks');
  const marks = Array.from(host?.shadowRoot?.querySelectorAll('.mark') ?? []);
  const cells = Array.from(document.querySelectorAll('td'));
  return marks.map((mark) => {
    const box = mark.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const cell = cells.find((td) => {
      const r = td.getBoundingClientRect();
      return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom && Math.abs(r.width - box.width) < 2 && Math.abs(r.height - box.height) < 2;
    });
    return {
      cell: cell?.getAttribute('data-cell') ?? (cell ? `text:${cell.textContent?.trim()}` : null),
      severity: mark.getAttribute('data-severity'),
      related: mark.classList.contains('related'),
      classes: mark.className,
    };
  });
}

export function hostState(): { present: boolean; display: string; tooltip: string } {
  const host = document.querySelector('nianbao-audit-marks') as HTMLElement | null;
  const tip = host?.shadowRoot?.querySelector('.tip');
  return { present: !!host, display: host ? getComputedStyle(host).display : 'none', tooltip: tip?.textContent ?? '' };
}

/** What the page hit-tests at the centre of each mark's label in view: our host when the marks are on top. */
export function topAtTags(): string[] {
  const host = document.querySelector('nianbao-audit-marks');
  const tags = Array.from(host?.shadowRoot?.querySelectorAll('.mark .tag') ?? []);
  return tags.flatMap((tag) => {
    const box = tag.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return [];
    return [document.elementFromPoint(x, y)?.tagName.toLowerCase() ?? 'none'];
  });
}
