/**
 * Clustering, the reader's one way of grouping things that lie together: runs along one axis
 * (rule positions into lines, numbers into value columns, label starts into label columns, rules
 * into bands) and pieces of text into lines by their vertical overlap.
 */

/**
 * Items sorted by `start`, chained: an item joins the run before it when it starts at most `gap`
 * past the run's reach (the farthest `end` in it), and opens a new run otherwise.
 */
export function chain<T>(sorted: readonly T[], start: (item: T) => number, end: (item: T) => number, gap: (item: T) => number): T[][] {
  const runs: T[][] = [];
  let reach = -Infinity;
  for (const item of sorted) {
    if (runs.length > 0 && start(item) <= reach + gap(item)) {
      runs[runs.length - 1]!.push(item);
      reach = Math.max(reach, end(item));
    } else {
      runs.push([item]);
      reach = end(item);
    }
  }
  return runs;
}

/** Positions within `tolerance` of the one before are one: the mean of each run (rule positions into lines). */
export function clusterPositions(positions: readonly number[], tolerance: number): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  return chain(sorted, (x) => x, (x) => x, () => tolerance).map((run) => run.reduce((a, b) => a + b, 0) / run.length);
}

/** Something with a vertical extent. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * Items sorted by top grouped into levels (lines): an item joins one of the last `lookBack` levels
 * whose band (grown by each item it took) it overlaps by `share` of the lower of the two heights.
 */
export function levels<T extends Band>(sorted: readonly T[], share: number, lookBack: number): { items: T[]; top: number; bottom: number }[] {
  const out: { items: T[]; top: number; bottom: number }[] = [];
  for (const item of sorted) {
    const height = Math.max(item.bottom - item.top, 1e-6);
    let level: { items: T[]; top: number; bottom: number } | undefined;
    for (let k = out.length - 1; k >= Math.max(0, out.length - lookBack); k -= 1) {
      const candidate = out[k]!;
      const overlap = Math.min(candidate.bottom, item.bottom) - Math.max(candidate.top, item.top);
      if (overlap >= share * Math.min(height, candidate.bottom - candidate.top)) {
        level = candidate;
        break;
      }
    }
    if (level) {
      level.items.push(item);
      level.top = Math.min(level.top, item.top);
      level.bottom = Math.max(level.bottom, item.bottom);
    } else out.push({ items: [item], top: item.top, bottom: item.bottom });
  }
  return out;
}

/** Vertical overlap of two bands (negative: the gap between them). */
export const overlap = (a: Band, b: Band) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
