/**
 * What “the bytes read” are on a live page: the browser holds no bytes of the page as it is shown
 * (scripts rewrote it; a CMS adds its counters and menus), so the auditor hashes the serialised
 * HTML of the smallest element holding every cell, label and paragraph it read — the report
 * container (lib/model/record.ts `report-container`).
 */
interface Node {
  parentElement: Node | null;
}

/** The nearest element holding all the given elements (null for none). */
export function reportContainer<E extends Node>(elements: readonly (E | undefined)[]): E | null {
  const present = elements.filter((element): element is E => element !== undefined && element !== null);
  if (present.length === 0) return null;
  const chain = (element: E): E[] => {
    const out: E[] = [];
    for (let at: Node | null = element; at; at = at.parentElement) out.push(at as E);
    return out;
  };
  let ancestors = chain(present[0]!);
  for (const element of present.slice(1)) {
    const mine = new Set(chain(element));
    const at = ancestors.findIndex((ancestor) => mine.has(ancestor));
    if (at < 0) return null;
    ancestors = ancestors.slice(at);
  }
  return ancestors[0] ?? null;
}
