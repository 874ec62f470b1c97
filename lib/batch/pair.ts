import { agencyKey, isShortFormOf } from '../facts/agency';

export interface Dated {
  agency: string | null;
  year: number | null;
}

/**
 * The agency group of each report: equal names (after agencyKey) form a group; a short form
 * (市公安局) joins the one longer name it abbreviates (福州市公安局), and stays apart when it could
 * abbreviate two (福州市公安局 and 厦门市公安局), so that it never bridges two agencies.
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
  return keys.map((key) => (key === null ? null : (target.get(key) ?? key)));
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
