/**
 * Drawn rules into tables (pdfplumber's edges → intersections → tables): the rules of a page that
 * cross or touch form one table, and each table's rules give the lines of its grid.
 */
import { chain, clusterPositions } from './cluster';
import { PDF_SETTINGS, type LayoutSettings } from './settings';
import type { Frame, Segment } from './types';

type Lattice = LayoutSettings['lattice'];

/** The rules of one drawn table on one page, and where they reach. */
export interface RuleGroup extends Frame {
  segments: Segment[];
  /** The x of its vertical lines that meet other rules (strays not counted): its columns, to match a part on the next page. */
  columns: number[];
}

export const top = (s: Segment) => (s.horizontal ? s.at : s.from);
export const bottom = (s: Segment) => (s.horizontal ? s.at : s.to);
const left = (s: Segment) => (s.horizontal ? s.from : s.at);
const right = (s: Segment) => (s.horizontal ? s.to : s.at);

/** The frame around some rules. */
const frameOf = (rules: Segment[]): Frame => ({
  page: rules[0]!.page, x0: Math.min(...rules.map(left)), x1: Math.max(...rules.map(right)), top: Math.min(...rules.map(top)), bottom: Math.max(...rules.map(bottom)),
});

/**
 * The drawn tables of each page: rules that cross or touch form one table, so a table drawn inside
 * a cell of another (a page's bordered layout table around the report) is a table of its own.
 * Kept where there are at least two column lines and a row line; rules that meet no such set (a
 * border of a cell continued from the previous page, with no rule across it on this one) are no
 * table's. Sorted by page and top.
 */
export function ruleGroups(segments: readonly Segment[], lattice: Lattice = PDF_SETTINGS.lattice): RuleGroup[] {
  // Rules whose vertical ranges do not touch never meet: cut each page into such bands first.
  const sorted = [...segments].sort((a, b) => a.page - b.page || top(a) - top(b));
  const bands: Segment[][] = [];
  for (let i = 0; i < sorted.length;) {
    let end = i;
    while (end < sorted.length && sorted[end]!.page === sorted[i]!.page) end += 1;
    bands.push(...chain(sorted.slice(i, end), top, bottom, () => lattice.touch));
    i = end;
  }
  return bands
    .flatMap((rules) => (rules.length > lattice.maxBandRules ? [{ rules, core: rules }] : withStrays(crossingSets(rules, lattice), lattice)))
    .map(({ rules, core }) => ({ ...frameOf(rules), segments: rules, columns: lines(core, false, lattice) }))
    .sort((a, b) => a.page - b.page || a.top - b.top);
}

/**
 * Rules that can frame cells: two column lines and a row line at least. A table's part at the head
 * of a page it goes on to may have no top border (Chromium draws none where a page breaks a cell);
 * the page's part then ends where its rules end.
 */
const isTable = (rules: Segment[], lattice: Lattice) => lines(rules, false, lattice).length >= 2 && lines(rules, true, lattice).length >= 1;

/**
 * The sets of a band that make tables, each with the rules meeting no table that lie within its
 * height and width: on a page a table goes on to, a row-spanning cell's borders run down the page
 * without meeting a rule (三、本年度办理结果's column), yet they are the table's outline. Rules
 * reaching past every table (a layout table's borders around a report that ends mid-page) are none.
 */
function withStrays(sets: Segment[][], lattice: Lattice): { rules: Segment[]; core: Segment[] }[] {
  const tables = sets.filter((rules) => isTable(rules, lattice)).map((rules) => ({ rules, core: [...rules], ...frameOf(rules) }));
  const near = 2 * lattice.sameLine;
  for (const stray of sets.filter((rules) => !isTable(rules, lattice)).flat()) {
    const table = tables.find((t) => top(stray) >= t.top - near && bottom(stray) <= t.bottom + near && (stray.horizontal ? stray.from >= t.x0 - near && stray.to <= t.x1 + near : true));
    if (table) table.rules.push(stray);
  }
  return tables;
}

/** Split rules into sets that cross or touch (union-find over each vertical rule and the horizontal ones it meets). */
function crossingSets(rules: Segment[], lattice: Lattice): Segment[][] {
  const { touch, sameLine } = lattice;
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const horizontal = rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => rule.horizontal).sort((a, b) => a.rule.at - b.rule.at);
  const ats = horizontal.map(({ rule }) => rule.at);
  rules.forEach((rule, i) => {
    if (rule.horizontal) return;
    for (let k = Math.max(slotIndex(ats, rule.from - touch - 1e-9) + 1, 0); k < horizontal.length && ats[k]! <= rule.to + touch; k += 1) {
      const { rule: across, i: j } = horizontal[k]!;
      if (across.from - touch <= rule.at && rule.at <= across.to + touch) parent[find(i)] = find(j);
    }
  });
  // Pieces of one line drawn end to end (Chromium draws each cell's border on its own) are one rule.
  for (const direction of [true, false]) {
    const pieces = rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => rule.horizontal === direction).sort((a, b) => a.rule.at - b.rule.at);
    for (let k = 0; k < pieces.length;) {
      let end = k + 1;
      while (end < pieces.length && pieces[end]!.rule.at - pieces[end - 1]!.rule.at <= sameLine) end += 1;
      const line = pieces.slice(k, end).sort((a, b) => a.rule.from - b.rule.from);
      let reach = -Infinity;
      line.forEach(({ rule, i }, n) => {
        if (n > 0 && rule.from <= reach + sameLine) parent[find(i)] = find(line[n - 1]!.i);
        reach = Math.max(reach, rule.to);
      });
      k = end;
    }
  }
  const sets = new Map<number, Segment[]>();
  rules.forEach((rule, i) => {
    const root = find(i);
    const set = sets.get(root);
    if (set) set.push(rule);
    else sets.set(root, [rule]);
  });
  return [...sets.values()];
}

/** Positions of the distinct lines among the rules of one direction: rules within `touch` are one line (two cells' own borders side by side). */
export function lines(segments: readonly Segment[], horizontal: boolean, lattice: Lattice): number[] {
  return clusterPositions(segments.filter((s) => s.horizontal === horizontal).map((s) => s.at), lattice.touch);
}

/** The index of the line nearest `at` (lines sorted), or -1 when none is within `touch`. */
export function lineIndex(positions: readonly number[], at: number, lattice: Lattice): number {
  const i = slotIndex(positions, at);
  let best = -1;
  for (const k of [i, i + 1]) if (k >= 0 && k < positions.length && Math.abs(positions[k]! - at) <= lattice.touch && (best < 0 || Math.abs(positions[k]! - at) < Math.abs(positions[best]! - at))) best = k;
  return best;
}

/** The last line at or before `at` (binary search); -1 before the first. */
export function slotIndex(positions: readonly number[], at: number): number {
  let lo = 0;
  let hi = positions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
