/**
 * The document table reader's entry: positioned text (a PDF's text items, a text dump's runs) and
 * drawn rules in, tokens with grid positions and boxes and prose blocks out. Tables drawn with
 * rules are read by their drawn cells (lattice.ts); the others by their text's positions alone
 * (stream.ts); both hand their cells to one emitter.
 */
import type { TextBlock } from '../../model/report';
import type { Token } from '../types';
import { foldText } from './chars';
import { emitTable } from './emit';
import { KINDS, isNumeric } from './kinds';
import { ruledTable } from './lattice';
import { isFooter, joinLine, toLines } from './page';
import type { RuleGroup } from './edges';
import { drawnRegions, streamRegions, type StreamRegion } from './regions';
import type { LayoutSettings } from './settings';
import { readStream } from './stream';
import { documentTitle } from './title';
import type { Chunk, Line, ReadTable, Segment } from './types';

export type { Chunk, Segment } from './types';
export { PDF_SETTINGS, TEXT_SETTINGS, type LayoutSettings } from './settings';

export interface LayoutResult {
  tokens: Token[];
  blocks: TextBlock[];
  /** Lines in reading order, as text: for the date and the prose checks. */
  lines: string[];
  /** The document's title, chosen as a page's is (title.ts), or the metadata's. */
  title: string | null;
  /** Tables (their `pos.table`) that run past a page's right edge: the document does not show all of them. */
  cuts: { table: number; edge: 'right' }[];
}

/** What is known of the pages besides their text: drawn rules, and page heights (footers are looked for in the margins). */
export interface PageFacts {
  rules?: readonly Segment[];
  pageHeight?: (page: number) => number | null;
  /** Page widths: a table reaching past the right edge is cut by it. */
  pageWidth?: (page: number) => number | null;
  /** The title the document's metadata gives, if any: the last resort. */
  metadataTitle?: string | null;
}

/** Lay out positioned text: tables become tokens with grid positions and boxes, the rest prose blocks. */
export function readLayout(chunks: readonly Chunk[], settings: LayoutSettings, facts: PageFacts = {}): LayoutResult {
  const all = toLines(chunks, settings);
  const footer = (line: Line) => isFooter(line, settings, facts.pageHeight);
  const { chunks: drawn, openRight } = drawnTables(all, facts.rules ?? [], footer, settings);
  // A number alone at the head of a page is a footer, unless it sits in a drawn table's cell.
  const lines = all.filter((line) => !footer(line) || line.chunks.some((chunk) => drawn.has(chunk)));
  const order = new Map<Chunk, number>();
  for (const line of lines) for (const chunk of line.chunks) order.set(chunk, line.order);
  // Every line's text, drawn tables' included, for the title, the date and the prose checks.
  const texts = lines.map(joinLine);
  const title = documentTitle(lines, facts.metadataTitle ?? null, settings);
  // A line's chunks inside drawn tables are read with them; the rest of the line stays text.
  const drawnAt = new Map<Line, ReadTable[]>();
  for (const line of lines) {
    const own = [...new Set(line.chunks.map((chunk) => drawn.get(chunk)).filter((table) => table !== undefined))];
    if (own.length === 0) continue;
    drawnAt.set(line, own);
    line.chunks = line.chunks.filter((chunk) => !drawn.has(chunk));
  }
  const { tables, prose } = streamRegions(lines.filter((line) => line.chunks.length > 0), settings);
  const proseLines = new Set(prose);
  const regionOf = new Map<Line, StreamRegion>();
  for (const table of tables) for (const line of table.lines) regionOf.set(line, table);
  const tokens: Token[] = [];
  const blocks: TextBlock[] = [];
  const emitted = new Set<StreamRegion | ReadTable>();
  let rowBase = 0;
  const cuts: LayoutResult['cuts'] = [];
  const emit = (table: ReadTable, first: number) => {
    if (openRight.has(table) || (facts.pageWidth && cutAtRight(table, facts.pageWidth, settings))) cuts.push({ table: emitted.size - 1, edge: 'right' });
    tokens.push(...emitTable(table, { table: emitted.size - 1, rowBase, first, order, boxes: settings.boxes }, blocks));
    rowBase += table.rows;
  };
  for (const line of lines) {
    for (const table of drawnAt.get(line) ?? []) {
      if (emitted.has(table)) continue;
      emitted.add(table);
      emit(table, line.order);
    }
    if (line.chunks.length === 0) continue;
    if (proseLines.has(line)) {
      blocks.push({ text: joinLine(line), src: line.order });
      continue;
    }
    const region = regionOf.get(line)!;
    if (emitted.has(region)) continue;
    emitted.add(region);
    const { table, fragments } = readStream(region, settings);
    for (const text of fragments) blocks.push({ text, src: line.order });
    emit(table, line.order);
  }
  // Every text handed on in one form: NFKC, radicals as ideographs (the reading above used the document's own characters).
  for (const token of tokens) token.text = foldText(token.text);
  for (const block of blocks) block.text = foldText(block.text);
  return { tokens, blocks, lines: texts.map(foldText), title, cuts };
}

/**
 * A table the page's right edge cuts: a cell's frame (a drawn table's rule) or text reaching the edge
 * or past it. A page shown whole keeps its tables inside its margins, so this never says so of one.
 */
function cutAtRight(table: ReadTable, pageWidth: (page: number) => number | null, settings: LayoutSettings): boolean {
  const reaches = (page: number, x: number) => {
    const width = pageWidth(page);
    return width !== null && x >= width - settings.lattice.outline;
  };
  return table.cells.some((cell) => reaches(cell.page, cell.x1) || cell.chunks.some((chunk) => reaches(chunk.page, chunk.x1)));
}

/** The drawn report tables and the chunks they hold; a drawn table with fewer than two numbers is left to the text reading. */
function drawnTables(lines: Line[], rules: readonly Segment[], isFurniture: (line: Line) => boolean, settings: LayoutSettings): { chunks: Map<Chunk, ReadTable>; openRight: Set<ReadTable> } {
  const chunks = new Map<Chunk, ReadTable>();
  const openRight = new Set<ReadTable>();
  for (const region of drawnRegions(lines, rules, isFurniture, settings)) {
    const table = ruledTable(region.groups, region.chunks, KINDS, settings);
    if (!table || table.cells.filter((cell) => isNumeric(cell.text)).length < 2) continue;
    for (const chunk of region.chunks) chunks.set(chunk, table);
    if (region.groups.some((group) => isOpenAtRight(group, settings))) openRight.add(table);
  }
  return { chunks, openRight };
}

/**
 * A drawn table whose row rules run on past its last column rule has no right border: the page
 * clipped it there (Chromium clips a table wider than the page at the content box's edge).
 */
function isOpenAtRight(group: RuleGroup, settings: LayoutSettings): boolean {
  const verticals = group.segments.filter((rule) => !rule.horizontal);
  const horizontals = group.segments.filter((rule) => rule.horizontal);
  if (verticals.length === 0 || horizontals.length === 0) return false;
  const lastColumn = Math.max(...verticals.map((rule) => rule.at));
  return horizontals.filter((rule) => rule.to > lastColumn + settings.lattice.touch).length >= 2;
}
