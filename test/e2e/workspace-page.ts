/** Page-side probes of the workspace tests (plain functions, serialised into the page). */

export interface TagInfo {
  text: string;
  severity: string | null;
  review: string | null;
  classes: string;
}

/** Every mark's label text, severity, review and classes. */
export function readTags(): TagInfo[] {
  const host = document.querySelector('nianbao-audit-marks');
  return Array.from(host?.shadowRoot?.querySelectorAll('.mark:not(.related)') ?? []).map((mark) => ({
    text: mark.querySelector('.tag')?.textContent ?? '',
    severity: mark.getAttribute('data-severity'),
    review: mark.getAttribute('data-review'),
    classes: mark.className,
  }));
}

/**
 * Whether the selected tooltip and the suspect's “?” are on top: hit-test a grid of points inside the
 * tooltip (every one must land in it) and the “?” corner of the suspect (it must land on the suspect).
 */
export function topLayer(): { tip: boolean; tipPoints: number; covered: string[]; suspect: boolean | null; tipText: string } {
  const root = document.querySelector('nianbao-audit-marks')?.shadowRoot;
  const tip = root?.querySelector('.mark.selected .tip') as HTMLElement | null;
  const result = { tip: false, tipPoints: 0, covered: [] as string[], suspect: null as boolean | null, tipText: tip?.textContent ?? '' };
  if (!root || !tip) return result;
  // Marks let clicks through to the page (pointer-events: none); for hit-testing paint order, the probe makes them solid.
  const probe = document.createElement('style');
  probe.textContent = '.mark, .mark *, .mark::after { pointer-events: auto !important; }';
  root.append(probe);
  const box = tip.getBoundingClientRect();
  for (let x = box.left + 3; x < box.right - 2; x += Math.max(8, box.width / 12)) {
    for (let y = box.top + 3; y < box.bottom - 2; y += Math.max(6, box.height / 6)) {
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
      result.tipPoints += 1;
      const hit = (root as unknown as { elementFromPoint(x: number, y: number): Element | null }).elementFromPoint(x, y);
      if (!hit || !tip.contains(hit)) result.covered.push(`${Math.round(x)},${Math.round(y)}:${hit?.className ?? 'page'}`);
    }
  }
  result.tip = result.tipPoints > 0 && result.covered.length === 0;
  const suspect = root.querySelector('.mark.suspect') as HTMLElement | null;
  if (suspect) {
    const s = suspect.getBoundingClientRect();
    const hit = (root as unknown as { elementFromPoint(x: number, y: number): Element | null }).elementFromPoint(s.left - 4, s.top - 4);
    result.suspect = hit === suspect;
  }
  probe.remove();
  return result;
}

/** Where a table cell sits in the viewport. */
export function cellBox(selector: string): { top: number; bottom: number; left: number; right: number; vw: number; vh: number } | null {
  const cell = document.querySelector(selector);
  if (!cell) return null;
  const r = cell.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, vw: innerWidth, vh: innerHeight };
}

/** The marks' display once print styles apply. */
export function markDisplays(): string[] {
  const root = document.querySelector('nianbao-audit-marks')?.shadowRoot;
  return Array.from(root?.querySelectorAll('.mark') ?? []).map((mark) => getComputedStyle(mark).display);
}
