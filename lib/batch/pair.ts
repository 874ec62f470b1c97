import { agencyKey, isShortFormOf } from '../facts/agency';

export interface Dated {
  agency: string | null;
  year: number | null;
  /** Where the report was read from (a URL or a file): its address may name its year. */
  source?: string | null;
}

/** Why a report of a batch was not checked against last year's. */
export type Unpaired = 'no-agency' | 'no-year' | 'no-previous';

/**
 * A report's address with its year taken out, where the file's name (or its last folder) carries
 * the report's year: `…/ndbg/2023nb.html` → `host/…/ndbg/{year}nb.html`, `pingtan-2024.html` →
 * `pingtan-{year}.html`. Reports of one series of addresses are one agency's when no title names it.
 */
export function seriesKey(source: string | null | undefined, year: number | null): string | null {
  if (!source || year === null) return null;
  let path = source;
  try {
    const url = new URL(source);
    if (url.protocol === 'http:' || url.protocol === 'https:') path = `${url.host}${url.pathname}`;
  } catch {
    // a file's path
  }
  path = path.replace(/\\/g, '/');
  const cut = path.lastIndexOf('/');
  const folder = path.slice(0, cut + 1);
  const name = path.slice(cut + 1);
  const own = new RegExp(`(?<!\\d)${year}(?!\\d)`);
  if (own.test(name)) return `${folder}${name.replace(own, '{year}')}`;
  const parts = folder.split('/');
  if (parts.length >= 2 && parts[parts.length - 2] === String(year)) return `${parts.slice(0, -2).join('/')}/{year}/${name}`;
  return null;
}

/**
 * Reports no title, link or metadata names: one agency's when their addresses are one series
 * (seriesKey), and that agency's group when the series' named reports all name one.
 */
function seriesGroups(items: readonly Dated[], groups: (string | null)[]): (string | null)[] {
  const series = items.map((item) => seriesKey(item.source, item.year));
  const named = new Map<string, Set<string>>();
  series.forEach((key, i) => {
    if (key !== null && groups[i] !== null) named.set(key, (named.get(key) ?? new Set<string>()).add(groups[i]!));
  });
  return groups.map((group, i) => {
    const key = series[i] ?? null;
    if (group !== null || key === null) return group;
    const agencies = named.get(key);
    if (!agencies) return `series:${key}`;
    return agencies.size === 1 ? [...agencies][0]! : null;
  });
}

/**
 * The agency group of each report: equal names (after agencyKey) form a group; a short form
 * (市公安局) joins the one longer name it abbreviates (福州市公安局), and stays apart when it could
 * abbreviate two (福州市公安局 and 厦门市公安局), so that it never bridges two agencies. A report
 * without a name joins by its address (seriesKey).
 */
export function agencyGroups(items: readonly Dated[]): (string | null)[] {
  const keys = items.map((item) => (item.agency ? agencyKey(item.agency) : null));
  const distinct = [...new Set(keys.filter((key): key is string => key !== null))];
  const target = new Map<string, string>();
  for (const key of distinct) {
    const longer = distinct.filter((other) => isShortFormOf(other, key));
    // The longest chain end: 市公安局 → 福州市公安局 → 福建省福州市公安局 all meet at one key.
    const ends = new Set(longer.map((other) => distinct.filter((o) => isShortFormOf(o, other)).length ? null : other));
    ends.delete(null);
    if (ends.size === 1) target.set(key, [...ends][0]!);
  }
  return seriesGroups(items, keys.map((key) => (key === null ? null : (target.get(key) ?? key))));
}

/** Why a report was not paired with last year's, given its group and whether a previous report was found. */
export function unpairedReason(item: Dated, group: string | null, paired: boolean): Unpaired | null {
  if (paired) return null;
  if (item.year === null) return 'no-year';
  return group === null ? 'no-agency' : 'no-previous';
}

/**
 * Each report's last-year report index in the same agency group, or null. Each agency-year is taken
 * once: a second link to the same report does not become its own previous year.
 */
export function previousYearIndex(items: readonly Dated[]): (number | null)[] {
  const groups = agencyGroups(items);
  const byYear = new Map<string, number>();
  items.forEach((item, i) => {
    const key = `${groups[i]}/${item.year}`;
    if (item.year !== null && groups[i] !== null && !byYear.has(key)) byYear.set(key, i);
  });
  return items.map((item, i) => (item.year === null || groups[i] === null ? null : (byYear.get(`${groups[i]}/${item.year - 1}`) ?? null)));
}

/** The order in which to audit: a report after last year's, so that last year's snapshot is at hand. */
export function auditOrder(items: readonly Dated[]): number[] {
  return items.map((_, i) => i).sort((a, b) => (items[a]!.year ?? 0) - (items[b]!.year ?? 0) || a - b);
}
