import { normalizeText, splitOrdinal } from '../extract/normalize';
import type { TableKey } from '../model/report';
import type { FormatDef, RowDef } from './types';

/** What a label on the page can be: a row of a table, or a header text of a table. */
export interface LabelEntry {
  table: TableKey;
  kind: 'row' | 'header';
  /** Recognised only while that table is being read (总计, 其他). */
  shared: boolean;
  row?: RowDef;
  /** The column a header cell names, where it names one (自然人 → natural). */
  column?: string;
  label: string;
}

export interface LabelIndex {
  exact: Map<string, LabelEntry[]>;
  all: LabelEntry[];
  fragments: LabelEntry[];
  /** `all` by the label's first character (in `all`'s order): only these can begin a text with that character. */
  byFirst: Map<string, LabelEntry[]>;
  /** The entries of `all` that are group rows (no columns of their own), in `all`'s order. */
  groups: LabelEntry[];
}

const PUNCTUATION_AFTER_LABEL = /^[(:,;."]/;
const MIN_FUZZY = 0.7;
/** Longer texts are notes or pasted prose, not a mistyped label (the longest template label has 36 characters). */
const MAX_FUZZY_LENGTH = 80;

const INDEXES = new WeakMap<FormatDef, LabelIndex>();

/** The label index of a format, built once: every page of that format looks labels up in the same one. */
export function labelIndexOf(format: FormatDef): LabelIndex {
  let index = INDEXES.get(format);
  if (!index) INDEXES.set(format, (index = buildLabelIndex(format)));
  return index;
}

export function buildLabelIndex(format: FormatDef): LabelIndex {
  const exact = new Map<string, LabelEntry[]>();
  const all: LabelEntry[] = [];
  const fragments: LabelEntry[] = [];
  const add = (entry: Omit<LabelEntry, 'label'>, text: string) => {
    const label = normalizeText(text);
    const full: LabelEntry = { ...entry, label };
    all.push(full);
    exact.set(label, [...(exact.get(label) ?? []), full]);
  };
  for (const table of Object.values(format.tables)) {
    const rowKind = table.flat ? 'header' : 'row';
    for (const row of table.rows) {
      for (const text of [row.label, ...(row.variants ?? [])]) add({ table: table.key, kind: rowKind, shared: false, row }, text);
    }
    for (const text of table.headers) add({ table: table.key, kind: 'header', shared: false }, text);
    for (const column of table.columns) {
      for (const text of [column.label, ...(column.variants ?? [])]) {
        const shared = (table.sharedHeaders ?? []).includes(text);
        add({ table: table.key, kind: 'header', shared }, text);
      }
    }
    for (const text of table.sharedHeaders ?? []) add({ table: table.key, kind: 'header', shared: true }, text);
    for (const text of table.headerFragments ?? []) {
      fragments.push({ table: table.key, kind: 'header', shared: false, label: normalizeText(text) });
    }
  }
  nameColumns(format, all);
  const byFirst = new Map<string, LabelEntry[]>();
  for (const entry of all) {
    const first = entry.label.slice(0, 1);
    const bucket = byFirst.get(first);
    if (bucket) bucket.push(entry);
    else byFirst.set(first, [entry]);
  }
  return { exact, all, fragments, byFirst, groups: all.filter((entry) => entry.row?.columns.length === 0) };
}

/** Every header entry whose text is a column's label (or variant) in its table learns that column's key. */
function nameColumns(format: FormatDef, entries: LabelEntry[]): void {
  const columns = new Map<string, string>();
  for (const table of Object.values(format.tables)) {
    for (const column of table.columns) {
      for (const text of [column.label, ...(column.variants ?? [])]) columns.set(`${table.key}|${normalizeText(text)}`, column.key);
    }
  }
  for (const entry of entries) {
    if (entry.kind === 'header') entry.column ??= columns.get(`${entry.table}|${entry.label}`);
  }
}

function ordinalNumber(ordinal: string | null): number | null {
  return ordinal === null ? null : Number(ordinal.split(':')[1]);
}

function fits(entry: LabelEntry, ordinal: number | null, context: TableKey | null): boolean {
  if (entry.shared && entry.table !== context) return false;
  if (entry.row?.ordinal !== undefined && entry.row.ordinal !== ordinal) return false;
  return true;
}

/** A text's character pairs (UTF-16 units, as `slice` cuts them) with how often each occurs. */
function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i += 1) {
    const gram = text.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice over pair counts: each pair is shared as often as the rarer side has it. */
function dice(left: Map<string, number>, leftPairs: number, right: Map<string, number>, rightPairs: number): number {
  if (leftPairs === 0 || rightPairs === 0) return 0;
  let common = 0;
  for (const [gram, count] of left) common += Math.min(count, right.get(gram) ?? 0);
  return (2 * common) / (leftPairs + rightPairs);
}

/** Character-bigram Dice similarity: tolerant of a dropped or mistyped character in a long label. */
export function similarity(a: string, b: string): number {
  return dice(bigrams(a), Math.max(a.length - 1, 0), bigrams(b), Math.max(b.length - 1, 0));
}

/** Each label's pairs, counted once per label: a page's texts are compared with every long row label. */
const LABEL_BIGRAMS = new WeakMap<LabelEntry, Map<string, number>>();

function labelBigrams(entry: LabelEntry): Map<string, number> {
  let counts = LABEL_BIGRAMS.get(entry);
  if (!counts) LABEL_BIGRAMS.set(entry, (counts = bigrams(entry.label)));
  return counts;
}

/** 3 for row 3.3.3: the number a sub-row label carries in the template. */
function subRowPosition(entry: LabelEntry): number | null {
  const parts = entry.row?.key.split('.') ?? [];
  return parts.length === 3 ? Number(parts[2]) : null;
}

function rank(entries: LabelEntry[], context: TableKey | null): LabelEntry | null {
  if (entries.length === 0) return null;
  const score = (entry: LabelEntry) => (entry.table === context ? 2 : 0) + (entry.kind === 'row' ? 1 : 0);
  return [...entries].sort((a, b) => score(b) - score(a))[0] ?? null;
}

/** Same length, one character apart: a mistyped column header (先行有效件数 for 现行有效件数), never a row. */
function headerTypo(index: LabelIndex, body: string, context: TableKey | null): LabelEntry | null {
  const oneApart = (label: string) => label.length === body.length && Array.from(label).filter((c, i) => c !== body[i]).length === 1;
  const found = index.all.filter((entry) => entry.kind === 'header' && entry.column && entry.label.length >= 5 && oneApart(entry.label) && fits(entry, null, context));
  return new Set(found.map((entry) => `${entry.table}|${entry.column}`)).size === 1 ? found[0]! : null;
}

/** Answers by index, table being read and text: the same labels come back cell after cell, report after report. */
const LOOKUPS = new WeakMap<LabelIndex, Map<TableKey | null, Map<string, LabelEntry | null>>>();
const LOOKUPS_LIMIT = 10_000;
/** Longer texts are prose, rarely repeated: not kept (as `normalizeText` keeps none). */
const LOOKUP_CACHED_LENGTH = 200;

/**
 * The template label a cell's text stands for, if any: exact body, then body followed by a note in
 * brackets or after a colon (“规章：地方行政规章指…”), then a close spelling of a long label.
 * Pure in its arguments, so answers are kept (at most LOOKUPS_LIMIT per index and table).
 */
export function lookupLabel(index: LabelIndex, normalized: string, context: TableKey | null): LabelEntry | null {
  if (normalized.length > LOOKUP_CACHED_LENGTH) return lookupUncached(index, normalized, context, false);
  let byContext = LOOKUPS.get(index);
  if (!byContext) LOOKUPS.set(index, (byContext = new Map()));
  let answers = byContext.get(context);
  if (!answers) byContext.set(context, (answers = new Map()));
  const known = answers.get(normalized);
  if (known !== undefined) return known;
  const found = lookupUncached(index, normalized, context, false);
  if (answers.size >= LOOKUPS_LIMIT) answers.clear();
  answers.set(normalized, found);
  return found;
}

function lookupUncached(index: LabelIndex, normalized: string, context: TableKey | null, inGroup: boolean): LabelEntry | null {
  if (normalized === '') return null;
  const { ordinal, body } = splitOrdinal(normalized);
  const number = ordinalNumber(ordinal);
  const candidates = [...(index.exact.get(body) ?? []), ...(body !== normalized ? (index.exact.get(normalized) ?? []) : [])];
  const exact = rank(candidates.filter((entry) => fits(entry, number, context)), context);
  if (exact) return exact;

  // A label the body starts with shares its first character (or is empty, and starts every text).
  const starting = [...(index.byFirst.get(body.slice(0, 1)) ?? []), ...(body !== '' ? (index.byFirst.get('') ?? []) : [])];
  const prefixed = starting.filter((entry) => {
    if (!body.startsWith(entry.label) || body.length === entry.label.length || !fits(entry, number, context)) return false;
    const rest = body.slice(entry.label.length);
    return PUNCTUATION_AFTER_LABEL.test(rest) || (entry.kind === 'header' && entry.label.length >= 4);
  });
  const longest = prefixed.sort((a, b) => b.label.length - a.label.length)[0];
  if (longest) return longest;

  const fragment = index.fragments.find((entry) => normalized.includes(entry.label));
  if (fragment) return fragment;

  // A group label and its first sub-row label written in one cell: “（三）不予公开 1.属于国家秘密”.
  // One level only: a cell of “不予公开” written 6,000 times must not recurse 6,000 deep.
  const group = inGroup ? undefined : index.groups.find((entry) => body.startsWith(entry.label) && body.length > entry.label.length);
  if (group) {
    const inner = lookupUncached(index, body.slice(group.label.length), context, true);
    if (inner?.kind === 'row') return inner;
  }

  if (body.length < 5 || body.length > MAX_FUZZY_LENGTH || /\d{3,}/.test(body)) return null;
  const typo = headerTypo(index, body, context);
  if (typo) return typo;
  let best: LabelEntry | null = null;
  let bestScore = MIN_FUZZY;
  const pairs = bigrams(body);
  for (const entry of index.all) {
    if (entry.kind !== 'row' || entry.label.length < 5 || !fits(entry, number, context)) continue;
    // Dice ≤ 2·min/(a+b): lengths this far apart can never reach the threshold.
    if (Math.min(body.length, entry.label.length) * 2 < MIN_FUZZY * (body.length + entry.label.length)) continue;
    if (number !== null && subRowPosition(entry) !== null && subRowPosition(entry) !== number) continue;
    const score = dice(pairs, body.length - 1, labelBigrams(entry), entry.label.length - 1);
    if (score >= bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}
