/**
 * Where the tables are: drawn tables from their rules, chained across page breaks; borderless ones
 * from runs of tabular lines; and the one way the pages of a continued table are stacked into a
 * single y axis, so a cell or a row cut by a page break stays one.
 */
import { TABLE_HINTS } from '../html';
import { normalizeText } from '../normalize';
import { ruleGroups, type RuleGroup } from './edges';
import { isNumeric, SECTION_HEADING } from './kinds';
import type { LayoutSettings } from './settings';
import type { Chunk, Line, Segment } from './types';

/**
 * The offset of each page's y in one stacked axis: the parts of a table (its lines, or its drawn
 * parts), in order, each page's first part put `gap` below the bottom of the part before it.
 */
export function stackPages<T extends { page: number; top: number; bottom: number }>(parts: readonly T[], gap: (previous: T, next: T) => number): Map<number, number> {
  const offsets = new Map<number, number>();
  let previous: T | null = null;
  for (const part of parts) {
    if (!offsets.has(part.page)) offsets.set(part.page, previous ? previous.bottom + offsets.get(previous.page)! + gap(previous, part) - part.top : 0);
    previous = part;
  }
  return offsets;
}

/** A drawn table's rule groups, one a page it spans, and the chunks inside them. */
export interface DrawnRegion {
  groups: RuleGroup[];
  chunks: Chunk[];
}

/**
 * The drawn report tables. A table reaching the foot of its page goes on in the drawn table at the
 * head of the next page with the same columns, when only page furniture (footers) lies below the
 * one and above the other. A chunk belongs to the innermost drawn table around it (a bordered
 * layout table around the report is one too). Drawn tables that hold fewer than two of a report
 * table's words (a boxed note, a layout frame) are left to the text reading, as on web pages.
 */
export function drawnRegions(lines: readonly Line[], rules: readonly Segment[], isFurniture: (line: Line) => boolean, settings: LayoutSettings): DrawnRegion[] {
  if (rules.length === 0) return [];
  const onPage = new Map<number, RuleGroup[]>();
  for (const group of ruleGroups(rules, settings.lattice)) {
    const list = onPage.get(group.page);
    if (list) list.push(group);
    else onPage.set(group.page, [group]);
  }
  const owner = new Map<Chunk, RuleGroup>();
  const inside = new Map<RuleGroup, Chunk[]>();
  const pageLines = new Map<number, Line[]>();
  for (const line of lines) {
    if (!isFurniture(line)) pageLines.set(line.page, [...(pageLines.get(line.page) ?? []), line]);
    const groups = onPage.get(line.page) ?? [];
    if (groups.length > settings.lattice.maxTablesPerPage) continue;
    for (const chunk of line.chunks) {
      const group = innermost(groups, chunk, settings);
      if (!group) continue;
      owner.set(chunk, group);
      if (inside.has(group)) inside.get(group)!.push(chunk);
      else inside.set(group, [chunk]);
    }
  }
  // Text of the page that is not this table's, below it (or above it).
  const textBeyond = (group: RuleGroup, below: boolean) => (pageLines.get(group.page) ?? []).some((line) =>
    (below ? line.top >= group.bottom : line.bottom <= group.top) && line.chunks.some((chunk) => owner.get(chunk) !== group));
  const held = [...onPage.values()].flat().filter((group) => inside.has(group)).sort((a, b) => a.page - b.page || a.top - b.top);
  const chains: RuleGroup[][] = [];
  for (const group of held) {
    const chain = chains.find((candidate) => {
      const last = candidate[candidate.length - 1]!;
      return last.page === group.page - 1 && sameColumns(group, candidate, settings) && !textBeyond(last, true) && !textBeyond(group, false);
    });
    if (chain) chain.push(group);
    else chains.push([group]);
  }
  return chains
    .map((groups) => ({ groups, chunks: groups.flatMap((group) => inside.get(group)!) }))
    .filter(({ chunks }) => {
      const text = normalizeText(chunks.map((chunk) => chunk.text).join(''));
      return TABLE_HINTS.filter((hint) => text.includes(hint)).length >= 2;
    });
}

/**
 * Whether a drawn table's part on the next page has the columns of the table so far: half of its
 * column lines, two at least, among the table's. It may have fewer (a row-spanning cell's borders
 * meet no rule there) or more (sub-columns under a header cell spanning them), and its outline may
 * reach further (a layout table's borders around it).
 */
function sameColumns(part: RuleGroup, table: RuleGroup[], settings: LayoutSettings): boolean {
  const known = table.flatMap((group) => group.columns);
  const matched = part.columns.filter((x) => known.some((k) => Math.abs(k - x) <= settings.lattice.sameEdge)).length;
  return matched >= 2 && matched * 2 >= part.columns.length;
}

/**
 * The innermost drawn table around a chunk. Overlapping a table is enough across: text cut by the
 * page's edge (a table wider than the page) is still the table's.
 */
function innermost(groups: RuleGroup[], chunk: Chunk, settings: LayoutSettings): RuleGroup | null {
  const y = (chunk.top + chunk.bottom) / 2;
  const { outline } = settings.lattice;
  let best: RuleGroup | null = null;
  for (const group of groups) {
    if (y < group.top - outline || y > group.bottom + outline || chunk.x1 <= group.x0 || chunk.x0 >= group.x1) continue;
    if (!best || (group.x1 - group.x0) * (group.bottom - group.top) < (best.x1 - best.x0) * (best.bottom - best.top)) best = group;
  }
  return best;
}

/** A borderless table: its lines, in reading order. */
export interface StreamRegion {
  lines: Line[];
}

/**
 * Split the lines into prose and tables. A table is a run of tabular lines (two or more separate
 * runs of text) with the short lines between them, the header lines just above, and its
 * continuation at the top of the next page when it reached the bottom of this one.
 */
export function streamRegions(lines: Line[], settings: LayoutSettings): { tables: StreamRegion[]; prose: Line[] } {
  const { stream } = settings;
  const tabular = lines.map((line, i) => (line.chunks.length >= 2 && widestGap(line) >= stream.cellGap * line.size) || besideLabel(lines, i, settings));
  const inTable = new Array<number>(lines.length).fill(-1);
  let current = -1;
  let lastTabular = -1;
  for (let i = 0; i < lines.length; i += 1) {
    if (!tabular[i]) continue;
    const previous = lastTabular >= 0 ? lines[lastTabular]! : null;
    const near = previous !== null && isNear(previous, lines[i]!, lines, lastTabular, i, settings);
    if (!near) current += 1;
    const from = near ? lastTabular + 1 : headerStart(lines, i, settings, inTable);
    for (let j = from; j <= i; j += 1) inTable[j] = current;
    lastTabular = i;
  }
  // The wrapped last lines of a table's last row sit below its last tabular line.
  for (let i = 1; i < lines.length; i += 1) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    if (inTable[i]! >= 0 || inTable[i - 1]! < 0 || line.page !== previous.page) continue;
    if (line.chunks.length === 1 && !isProse(line, previous, settings) && line.top - previous.bottom <= stream.wrapGap * line.size) inTable[i] = inTable[i - 1]!;
  }
  const tables: StreamRegion[] = [];
  const prose: Line[] = [];
  lines.forEach((line, i) => {
    const t = inTable[i]!;
    if (t < 0) prose.push(line);
    else (tables[t] ??= { lines: [] }).lines.push(line);
  });
  return { tables: tables.filter(Boolean), prose };
}

/**
 * A line of values alone beside a wrapped label (行政事业 / 96171.6 / 性收费: the value centred
 * between the label's lines, none level with it) is a table's line as much as one holding both.
 */
function besideLabel(lines: Line[], i: number, settings: LayoutSettings): boolean {
  const line = lines[i]!;
  if (!line.chunks.every((chunk) => isNumeric(chunk.text))) return false;
  const x0 = line.chunks[0]!.x0;
  const nextTo = (other: Line | undefined) => other !== undefined && other.page === line.page
    && Math.max(other.top - line.bottom, line.top - other.bottom) <= settings.stream.wrapGap * line.size
    && x0 - other.chunks[other.chunks.length - 1]!.x1 >= settings.stream.cellGap * line.size;
  return nextTo(lines[i - 1]) || nextTo(lines[i + 1]);
}

function widestGap(line: Line): number {
  let widest = 0;
  for (let i = 1; i < line.chunks.length; i += 1) widest = Math.max(widest, line.chunks[i]!.x0 - line.chunks[i - 1]!.x1);
  return widest;
}

/** The next tabular line belongs to the same table: close below it, or at the top of the next page with nothing between. */
function isNear(previous: Line, next: Line, lines: Line[], from: number, to: number, settings: LayoutSettings): boolean {
  const between = lines.slice(from + 1, to);
  if (between.some((line) => isProse(line, previous, settings))) return false;
  if (previous.page === next.page) return next.top - previous.bottom <= settings.stream.rowGap * previous.size;
  if (next.page !== previous.page + 1) return false;
  // Across a page break: only the short lines of the table's cells may sit between.
  return between.every((line) => line.size <= previous.size * settings.stream.breakSize);
}

/** A wide line in a larger font than the table's, or a long sentence: prose, which ends a table. */
function isProse(line: Line, table: Line, settings: LayoutSettings): boolean {
  const text = normalizeText(line.chunks.map((chunk) => chunk.text).join(''));
  return line.chunks.length === 1 && (line.size > table.size * settings.stream.proseSize || text.length > settings.stream.proseLength || SECTION_HEADING.test(text));
}

function headerStart(lines: Line[], first: number, settings: LayoutSettings, inTable: number[]): number {
  let start = first;
  for (let j = first - 1; j >= 0 && inTable[j]! < 0; j -= 1) {
    const line = lines[j]!;
    const below = lines[start]!;
    if (line.page !== below.page || below.top - line.bottom > settings.stream.headerGap * below.size || isProse(line, lines[first]!, settings)) break;
    // The wrapped last line of the table above (性文件 under 行政规范's values) is not this table's header.
    const upper = lines[j - 1];
    if (upper && inTable[j - 1]! >= 0 && upper.page === line.page && line.top - upper.bottom <= settings.stream.wrapGap * line.size) break;
    start = j;
  }
  return start;
}
