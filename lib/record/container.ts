/**
 * What “the bytes read” are on a live page: the browser holds no bytes of the page as it is shown
 * (scripts rewrote it; a CMS adds its counters and menus), so the auditor hashes the serialised
 * HTML of the smallest element holding what it read of the report — its table cells, its title and
 * the line that gave its publication date — the report container (lib/model/record.ts
 * `report-container`). A page's menus and visit counters outside it do not change the hash.
 */
import type { Report } from '../model/report';

/** Where the report's own parts are read from: its cells and its title (the 发布日期 line is found on the page: datesIn). */
export function containerSources(report: Pick<Report, 'tables' | 'texts' | 'title'>): number[] {
  const sources: number[] = [];
  for (const rows of Object.values(report.tables)) {
    for (const cells of Object.values(rows ?? {})) for (const cell of Object.values(cells)) if (cell.src !== null) sources.push(cell.src);
  }
  const title = report.title ? report.texts.find((block) => block.text.includes(report.title!))?.src : null;
  if (typeof title === 'number') sources.push(title);
  return sources;
}

/** The dates a short line writes (2024-01-19, 2024年1月19日, 2024/01/19), as YYYY-MM-DD: how the page's 发布日期 line is found. */
export function datesIn(text: string): string[] {
  return [...text.matchAll(/((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/g)]
    .map((m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
}
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
