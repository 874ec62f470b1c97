import type { Chunk } from './positioned';

/**
 * A drawn rule of a page (a table border), in top-left-origin points: horizontal at y = `at` from
 * x = `from` to `to`, or vertical at x = `at` from y = `from` to `to`.
 */
export interface Segment {
  page: number;
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

/** Where something sits on its page: the box part of a text chunk (points, origin top left). */
type Frame = Pick<Chunk, 'page' | 'x0' | 'x1' | 'top' | 'bottom'>;

/** The rules of one drawn table on one page, and where they reach. */
export interface RuleGroup extends Frame {
  segments: Segment[];
  /** The x of its vertical lines that meet other rules (strays not counted): its columns, to match a part on the next page. */
  columns: number[];
}

/** One cell of a ruled table: its grid slot and span, its text's chunks, and its frame on its first page. */
export interface RuledCell extends Frame {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  chunks: Chunk[];
  text: string;
}

export interface RuledTable {
  cells: RuledCell[];
  rows: number;
  columns: number;
}

/** Rules this close (points) are one line: double borders, a border's two edges, cells' own borders side by side. */
const SAME_LINE = 2;
/**
 * Rules this close (points) meet: with separate borders (HTML's default border-spacing, 2 px) each
 * cell draws its own box, a little apart from its neighbours'; they are still one table.
 */
const TOUCH = 4;
/** Grids with more slots than this are not report tables (a page of vector art); they are left to the text reading. */
const MAX_SLOTS = 50_000;

/** Bands with more rules than this are not split into crossing sets (a page of vector art): bounded work. */
const MAX_BAND_RULES = 2000;

/**
 * The drawn tables of each page: rules that cross or touch form one table, so a table drawn inside
 * a cell of another (a page's bordered layout table around the report) is a table of its own.
 * Kept where there are at least two column lines and a row line; rules that meet no such set (a
 * border of a cell continued from the previous page, with no rule across it on this one) are no
 * table's. Sorted by page and top.
 */
export function ruleGroups(segments: readonly Segment[]): RuleGroup[] {
  // Rules whose vertical ranges do not touch never meet: cut each page into such bands first.
  const sorted = [...segments].sort((a, b) => a.page - b.page || top(a) - top(b));
  const bands: Segment[][] = [];
  let band: Segment[] = [];
  let bandBottom = -Infinity;
  for (const segment of sorted) {
    if (band.length > 0 && (segment.page !== band[0]!.page || top(segment) > bandBottom + TOUCH)) {
      bands.push(band);
      band = [];
      bandBottom = -Infinity;
    }
    band.push(segment);
    bandBottom = Math.max(bandBottom, bottom(segment));
  }
  if (band.length > 0) bands.push(band);
  return bands
    .flatMap((rules) => (rules.length > MAX_BAND_RULES ? [{ rules, core: rules }] : withStrays(crossingSets(rules))))
    .map(({ rules, core }) => ({
      page: rules[0]!.page,
      x0: Math.min(...rules.map(left)),
      x1: Math.max(...rules.map(right)),
      top: Math.min(...rules.map(top)),
      bottom: Math.max(...rules.map(bottom)),
      segments: rules,
      columns: lines(core, false),
    }))
    .sort((a, b) => a.page - b.page || a.top - b.top);
}

/**
 * Rules that can frame cells: two column lines and a row line at least. A table's part at the head
 * of a page it goes on to may have no top border (Chromium draws none where a page breaks a cell);
 * the page's part then ends where its rules end (`withEdges`).
 */
const isTable = (rules: Segment[]) => lines(rules, false).length >= 2 && lines(rules, true).length >= 1;

/**
 * The sets of a band that make tables, each with the rules meeting no table that lie within its
 * height and width: on a page a table goes on to, a row-spanning cell's borders run down the page
 * without meeting a rule (三、本年度办理结果's column), yet they are the table's outline. Rules
 * reaching past every table (a layout table's borders around a report that ends mid-page) are none.
 */
function withStrays(sets: Segment[][]): { rules: Segment[]; core: Segment[] }[] {
  const tables = sets.filter(isTable).map((rules) => ({ rules, core: [...rules], x0: Math.min(...rules.map(left)), x1: Math.max(...rules.map(right)), top: Math.min(...rules.map(top)), bottom: Math.max(...rules.map(bottom)) }));
  const near = 2 * SAME_LINE;
  for (const stray of sets.filter((rules) => !isTable(rules)).flat()) {
    const table = tables.find((t) => top(stray) >= t.top - near && bottom(stray) <= t.bottom + near && (stray.horizontal ? stray.from >= t.x0 - near && stray.to <= t.x1 + near : true));
    if (table) table.rules.push(stray);
  }
  return tables;
}

/** Split rules into sets that cross or touch (union-find over each vertical rule and the horizontal ones it meets). */
function crossingSets(rules: Segment[]): Segment[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const horizontal = rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => rule.horizontal).sort((a, b) => a.rule.at - b.rule.at);
  const ats = horizontal.map(({ rule }) => rule.at);
  rules.forEach((rule, i) => {
    if (rule.horizontal) return;
    for (let k = Math.max(slotIndex(ats, rule.from - TOUCH - 1e-9) + 1, 0); k < horizontal.length && ats[k]! <= rule.to + TOUCH; k += 1) {
      const { rule: across, i: j } = horizontal[k]!;
      if (across.from - TOUCH <= rule.at && rule.at <= across.to + TOUCH) parent[find(i)] = find(j);
    }
  });
  // Pieces of one line drawn end to end (Chromium draws each cell's border on its own) are one rule.
  for (const direction of [true, false]) {
    const pieces = rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => rule.horizontal === direction).sort((a, b) => a.rule.at - b.rule.at);
    for (let k = 0; k < pieces.length;) {
      let end = k + 1;
      while (end < pieces.length && pieces[end]!.rule.at - pieces[end - 1]!.rule.at <= SAME_LINE) end += 1;
      const line = pieces.slice(k, end).sort((a, b) => a.rule.from - b.rule.from);
      let reach = -Infinity;
      line.forEach(({ rule, i }, n) => {
        if (n > 0 && rule.from <= reach + SAME_LINE) parent[find(i)] = find(line[n - 1]!.i);
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

const top = (s: Segment) => (s.horizontal ? s.at : s.from);
const bottom = (s: Segment) => (s.horizontal ? s.at : s.to);
const left = (s: Segment) => (s.horizontal ? s.from : s.at);
const right = (s: Segment) => (s.horizontal ? s.to : s.at);

/** Positions of the distinct lines among the rules of one direction: rules within TOUCH are one line (two cells' own borders side by side). */
function lines(segments: readonly Segment[], horizontal: boolean): number[] {
  const positions = segments.filter((s) => s.horizontal === horizontal).map((s) => s.at).sort((a, b) => a - b);
  const out: number[] = [];
  let run: number[] = [];
  for (const at of positions) {
    if (run.length > 0 && at - run[run.length - 1]! > TOUCH) {
      out.push(run.reduce((a, b) => a + b, 0) / run.length);
      run = [];
    }
    run.push(at);
  }
  if (run.length > 0) out.push(run.reduce((a, b) => a + b, 0) / run.length);
  return out;
}

/** The index of the line nearest `at` (lines sorted), or -1 when none is within TOUCH. */
function lineIndex(positions: readonly number[], at: number): number {
  const i = slotIndex(positions, at);
  let best = -1;
  for (const k of [i, i + 1]) if (k >= 0 && k < positions.length && Math.abs(positions[k]! - at) <= TOUCH && (best < 0 || Math.abs(positions[k]! - at) < Math.abs(positions[best]! - at))) best = k;
  return best;
}

/** The last line at or before `at` (binary search); -1 before the first. */
function slotIndex(positions: readonly number[], at: number): number {
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

/**
 * One table from the rule groups of its pages (a table continued over a page break comes as
 * several groups, stacked so the bottom of one page meets the top of the next) and the chunks
 * inside them. Cells are the grid's slots joined wherever the rule between them is not drawn, as a
 * row- or column-spanning HTML cell; each cell's text is its chunks in reading order, so a wrapped,
 * centred or one-character-per-line label is one cell whatever its lines' positions.
 * Null when the rules make no grid a report table could have.
 */
export function ruledTable(groups: readonly RuleGroup[], chunks: readonly Chunk[], kinds: TextKinds): RuledTable | null {
  const offsets = new Map<RuleGroup, number>();
  let stacked = 0;
  groups.forEach((group, k) => {
    offsets.set(group, k === 0 ? 0 : stacked - group.top);
    stacked = group.bottom + offsets.get(group)!;
  });
  const pageOffset = new Map(groups.map((group) => [group.page, offsets.get(group)!]));
  const shifted = groups.flatMap((group) => group.segments.map((s) => (s.horizontal ? { ...s, at: s.at + offsets.get(group)! } : { ...s, from: s.from + offsets.get(group)!, to: s.to + offsets.get(group)! })));
  const xs = lines(shifted, false);
  // A page's part of a table ends where its rules end, drawn or not (Chromium draws no border where a page breaks a cell).
  const ys = withEdges(lines(shifted, true), groups.flatMap((group) => [group.top + offsets.get(group)!, group.bottom + offsets.get(group)!]));
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  if (columns < 1 || rows < 1 || columns * rows > MAX_SLOTS) return null;
  const grid: Grid = {
    xs, ys, columns, rows,
    vertical: byLine(shifted.filter((s) => !s.horizontal), xs),
    horizontal: byLine(shifted.filter((s) => s.horizontal), ys),
    slots: Array.from({ length: rows * columns }, () => []),
    open: new Set(),
  };
  for (const chunk of chunks.flatMap((c) => splitAcrossRules(c, grid, pageOffset))) {
    const y = (chunk.top + chunk.bottom) / 2 + (pageOffset.get(chunk.page) ?? 0);
    const x = (chunk.x0 + chunk.x1) / 2;
    // Text at the table's outline (inked a little past a border) is the outer cell's.
    const r = Math.max(Math.min(slotIndex(ys, y), rows - 1), 0);
    const c = Math.max(Math.min(slotIndex(xs, x), columns - 1), 0);
    grid.slots[r * columns + c]!.push(chunk);
  }
  // Page breaks: the rule a page draws at its foot is no border when a row or a cell goes on below it.
  const seams = groups.slice(1).map((group) => lineIndex(ys, group.top + offsets.get(group)!)).filter((k) => k > 0 && k < rows);
  if (seams.length > 0) openSeams(grid, seams, buildCells(grid, groups, offsets, pageOffset), kinds);
  return { cells: buildCells(grid, groups, offsets, pageOffset), rows, columns: grid.columns };
}

/** What a cell's text is, as the reader tells it: a number, or a label that opens a row (一、 （三） 1.). */
export interface TextKinds {
  numeric: (text: string) => boolean;
  opensRow: (text: string) => boolean;
}

interface Grid {
  xs: number[];
  ys: number[];
  columns: number;
  rows: number;
  vertical: Map<number, Segment[]>;
  horizontal: Map<number, Segment[]>;
  /** The chunks in each slot, row by row. */
  slots: Chunk[][];
  /** Page-foot rules to read as not drawn: `${line}:${column}`. */
  open: Set<string>;
}

function drawn(rules: Segment[] | undefined, from: number, to: number): boolean {
  const mid = (from + to) / 2;
  return (rules ?? []).some((s) => s.from - SAME_LINE <= mid && s.to + SAME_LINE >= mid);
}

/** Slots joined across undrawn rules into cells: first rightwards, then down across the whole width. */
function buildCells(grid: Grid, groups: readonly RuleGroup[], offsets: Map<RuleGroup, number>, pageOffset: Map<number, number>): RuledCell[] {
  const { xs, ys, columns, rows } = grid;
  const owner: number[] = new Array<number>(rows * columns).fill(-1);
  const cells: RuledCell[] = [];
  const closedBelow = (k: number, col: number) => !grid.open.has(`${k}:${col}`) && drawn(grid.horizontal.get(k), xs[col]!, xs[col + 1]!);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      if (owner[r * columns + c]! >= 0) continue;
      let colSpan = 1;
      while (c + colSpan < columns && owner[r * columns + c + colSpan]! < 0 && !drawn(grid.vertical.get(c + colSpan), ys[r]!, ys[r + 1]!)) colSpan += 1;
      let rowSpan = 1;
      const openBelow = (k: number) => Array.from({ length: colSpan }, (_, dc) => c + dc).every((col) => owner[k * columns + col]! < 0 && !closedBelow(k, col));
      while (r + rowSpan < rows && openBelow(r + rowSpan)) rowSpan += 1;
      const cell = frame(r, c, rowSpan, colSpan, xs, ys, groups, offsets);
      for (let dr = 0; dr < rowSpan; dr += 1) {
        for (let dc = 0; dc < colSpan; dc += 1) {
          owner[(r + dr) * columns + c + dc] = cells.length;
          cell.chunks.push(...grid.slots[(r + dr) * columns + c + dc]!);
        }
      }
      cell.text = cellText(cell.chunks, pageOffset);
      cells.push(cell);
    }
  }
  return cells;
}

/**
 * Where a page break cut the table, decide per column whether the rule at the page's foot ends the
 * cell above. A cell goes on across the break only into a cell of the same columns; a whole row
 * does when its second part opens no new row (一、 （三） 1.) and no number meets text (a number is
 * never half of a cell); a label cell does when its part below is empty, or when it spans rows
 * on either side and its text goes on below (a group label: （五）不予处理 over a page break, （四）无 | 法提供).
 */
function openSeams(grid: Grid, seams: number[], cells: RuledCell[], kinds: TextKinds): void {
  const head = new Set(cells.filter((cell) => cell.row === 0 && cell.text !== '').map((cell) => `${cell.col} ${cell.text}`));
  for (const seam of seams) {
    const above = cells.filter((cell) => cell.row + cell.rowSpan === seam);
    const below = cells.filter((cell) => cell.row === seam);
    // A header row repeated at the head of the page (an HTML <thead>) begins nothing new and continues nothing.
    const filled = below.filter((cell) => cell.text !== '');
    if (filled.length > 0 && filled.every((cell) => head.has(`${cell.col} ${cell.text}`))) continue;
    const across = below.map((lower) => ({ lower, upper: above.find((cell) => cell.col === lower.col && cell.colSpan === lower.colSpan) }));
    const joinable = ({ lower, upper }: { lower: RuledCell; upper?: RuledCell }) => upper !== undefined
      && !(lower.text !== '' && upper.text !== '' && (kinds.numeric(lower.text) || kinds.numeric(upper.text)));
    const rowGoesOn = across.every(joinable) && !below.some((cell) => kinds.opensRow(cell.text));
    for (const { lower, upper } of across) {
      const labelGoesOn = upper !== undefined && upper.text !== '' && !kinds.numeric(upper.text)
        && (lower.text === '' || (isGroupLabel(upper, lower) && !kinds.numeric(lower.text) && !kinds.opensRow(lower.text)));
      if (!rowGoesOn && !labelGoesOn) continue;
      for (let col = lower.col; col < lower.col + lower.colSpan; col += 1) grid.open.add(`${seam}:${col}`);
    }
  }
}

/** A cell spanning rows on either side of the break: a group label (（四）无 | 法提供), never one row's label. */
const isGroupLabel = (upper: RuledCell, lower: RuledCell) => upper.rowSpan > 1 || lower.rowSpan > 1;

/** Glyph widths for placing the runs of a chunk: CJK characters one em, others about half. */
const glyphWidth = (char: string) => (/[\u2e80-\uffef]/.test(char) ? 1 : 0.55);

/**
 * A chunk that runs across a drawn column rule holds several cells' text (pdf.js joins runs set
 * close together, with a space between): split it at its spaces, each run placed by its glyphs'
 * widths with the spare width shared among the gaps.
 */
function splitAcrossRules(chunk: Chunk, grid: Grid, pageOffset: Map<number, number>): Chunk[] {
  const runs = [...chunk.text.matchAll(/\S+/g)];
  if (runs.length < 2) return [chunk];
  const y = (chunk.top + chunk.bottom) / 2 + (pageOffset.get(chunk.page) ?? 0);
  const r = slotIndex(grid.ys, y);
  const crosses = grid.xs.some((x, k) => x > chunk.x0 + 1 && x < chunk.x1 - 1 && r >= 0 && r < grid.rows && drawn(grid.vertical.get(k), grid.ys[r]!, grid.ys[r + 1]!));
  if (!crosses) return [chunk];
  const inked = runs.map((run) => Array.from(run[0]).reduce((sum, char) => sum + glyphWidth(char) * chunk.size, 0));
  const total = inked.reduce((a, b) => a + b, 0);
  const width = chunk.x1 - chunk.x0;
  const scale = total > width ? width / total : 1;
  const gap = Math.max(width - total * scale, 0) / (runs.length - 1);
  let cursor = chunk.x0;
  return runs.map((run, i) => {
    const x0 = cursor;
    const x1 = x0 + inked[i]! * scale;
    cursor = x1 + gap;
    return { ...chunk, text: run[0], x0, x1 };
  });
}

/** Line positions with the given edges added where no line lies within SAME_LINE of them. */
function withEdges(positions: number[], edges: number[]): number[] {
  const all = [...positions];
  for (const edge of edges) if (lineIndex(all.sort((a, b) => a - b), edge) < 0) all.push(edge);
  return all.sort((a, b) => a - b);
}

function byLine(segments: Segment[], positions: number[]): Map<number, Segment[]> {
  const map = new Map<number, Segment[]>();
  for (const s of segments) {
    const k = lineIndex(positions, s.at);
    if (k < 0) continue;
    const list = map.get(k);
    if (list) list.push(s);
    else map.set(k, [s]);
  }
  return map;
}

/** A cell's frame on the page where it starts (a cell cut by a page break is framed to that page's part). */
function frame(row: number, col: number, rowSpan: number, colSpan: number, xs: number[], ys: number[], groups: readonly RuleGroup[], offsets: Map<RuleGroup, number>): RuledCell {
  const stackedTop = ys[row]!;
  const group = groups.findLast((g) => g.top + offsets.get(g)! <= stackedTop + SAME_LINE) ?? groups[0]!;
  const offset = offsets.get(group)!;
  return {
    row, col, rowSpan, colSpan, chunks: [], text: '', page: group.page,
    x0: xs[col]!, x1: xs[col + colSpan]!,
    top: stackedTop - offset, bottom: Math.min(ys[row + rowSpan]! - offset, group.bottom),
  };
}

/** A cell's chunks in reading order: lines top to bottom (chunks level with each other are one line), each left to right. */
function cellText(chunks: Chunk[], pageOffset: Map<number, number>): string {
  const y = (chunk: Chunk) => chunk.top + (pageOffset.get(chunk.page) ?? 0);
  const sorted = [...chunks].sort((a, b) => y(a) - y(b) || a.x0 - b.x0);
  const rows: Chunk[][] = [];
  for (const chunk of sorted) {
    const last = rows[rows.length - 1];
    const base = last?.[0];
    const level = base && Math.min(y(base) + base.bottom - base.top, y(chunk) + chunk.bottom - chunk.top) - Math.max(y(base), y(chunk)) >= 0.5 * Math.min(base.bottom - base.top, chunk.bottom - chunk.top);
    if (last && level) last.push(chunk);
    else rows.push([chunk]);
  }
  return rows.map((row) => row.sort((a, b) => a.x0 - b.x0).map((chunk) => chunk.text).join('')).join('').trim();
}
