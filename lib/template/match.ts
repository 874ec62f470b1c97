import { normalizeText, ORDINAL_START, splitOrdinal } from '../extract/normalize';
import { readNumber, type NumberKind } from '../extract/number';
import type { Extracted, Token } from '../extract/types';
import { decideAgency } from '../facts/agency';
import { decidePublished } from '../facts/published';
import type { AuditContext, DateCandidate, Format, ParsedCell, ParsedTable, Report, TableKey, TextBlock, UnknownRow } from '../model/report';
import { missingCell, readCell, unshownCell } from './cell';
import { detectFormat } from './detect';
import { FORMATS } from './formats';
import { labelIndexOf, lookupLabel, type LabelEntry, type LabelIndex } from './labels';
import { readTitle, yearFromText } from './meta';
import { matchPlaceholder } from './phrases';
import { SECTION_TABLE, sectionOf } from './sections';
import type { FormatDef, RowDef, TableDef } from './types';

export interface MatchOptions {
  format?: 'auto' | Format;
  /** What is known of the report from outside it (the list's link and date, the linking page's dates). */
  context?: AuditContext;
}

type Pending =
  | { kind: 'row'; table: TableDef; def: RowDef; label: Token; values: Token[] }
  | { kind: 'flat'; table: TableDef; label: Token; values: Token[] }
  | { kind: 'unknown'; table: TableDef; label: Token; values: Token[] };

const MAX_UNKNOWN_LABEL = 80;

/** Map the tokens of a page or dump onto the template, by label, in one pass. */
export function matchReport(extracted: Extracted, options: MatchOptions = {}): Report {
  const { tokens, normalized } = joinBareOrdinals(extracted.tokens);
  const title = readTitle(extracted.title);
  const context = options.context ?? {};
  const year = title.year ?? yearFromText(extracted.blocks) ?? yearInLinkText(context.linkText);
  const detected = detectFormat(normalized, year);
  const format = options.format && options.format !== 'auto' ? options.format : detected.format;
  const walk = new Walk(FORMATS[format], labelIndexOf(FORMATS[format]), new Set((extracted.cuts ?? []).map((cut) => cut.table)));
  tokens.forEach((token, i) => walk.take(token, normalized[i]!));
  walk.flush();

  // Two of the three tables, or the applications table on its own: a statistics table of 行政许可
  // and 行政处罚 on an ordinary page is not a report, and must not draw “table missing” errors.
  const substantial = Object.values(walk.tables).filter((table) => Object.keys(table).length >= 2).length;
  const isReport = substantial >= 2 || Object.keys(walk.tables.applications ?? {}).length >= 8;
  const texts = dedupe([...walk.texts, ...extracted.blocks]);
  const sections = new Set<number>();
  for (const block of texts) {
    const part = sectionOf(normalizeText(block.text));
    if (part !== null) sections.add(part);
  }
  return {
    isReport,
    format: isReport ? format : null,
    tableFormats: detected.tableFormats,
    year,
    yearInTitle: title.year !== null,
    title: extracted.title,
    agency: decideAgency({ title: extracted.title, linkText: context.linkText, publishers: extracted.publishers }),
    ...(context.listedKind ? { listedKind: context.listedKind } : {}),
    ...decidePublished([...(context.pageDates ?? []), ...listed(context.listedAt), ...extracted.dates]),
    tables: walk.tables,
    tableSrc: walk.tableSrc,
    rowLabels: walk.rowLabels,
    unknownRows: walk.unknownRows,
    texts,
    sections: [...sections].sort(),
    anomalies: [...extracted.anomalies, ...walk.anomalies],
    ...(extracted.attachments?.length ? { attachments: extracted.attachments } : {}),
    ...(walk.cuts.size > 0 ? { cuts: Object.fromEntries([...walk.cuts].map((table) => [table, 'right' as const])) } : {}),
  };
}

/** The report year a list's link names (“【2021年】…年度报告”), for a report whose own pages do not say. */
function yearInLinkText(text: string | null | undefined): number | null {
  const year = text ? /((?:19|20)\d{2})\s*年/.exec(text)?.[1] : undefined;
  return year ? Number(year) : null;
}

const listed = (date: string | null | undefined): DateCandidate[] => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? [{ date, source: 'list' }] : []);

/**
 * A cell holding only an ordinal (“（七）”, “3.”) followed by the label's body in the next cell of
 * its row: one label, kept at the body's cell. Generic bodies (“总计”, “其他”) need their ordinal.
 */
function joinBareOrdinals(source: readonly Token[]): { tokens: Token[]; normalized: string[] } {
  const texts = source.map((token) => normalizeText(token.text));
  const bare = texts.map((text) => {
    if (!ORDINAL_START.test(text)) return false; // most cells: a number or a label, no object built for them
    const split = splitOrdinal(text);
    return split.ordinal !== null && split.body === '';
  });
  const tokens: Token[] = [];
  const normalized: string[] = [];
  for (let i = 0; i < source.length; i += 1) {
    const token = source[i]!;
    const next = source[i + 1];
    const nextText = texts[i + 1] ?? '';
    const sameRow = token.row === null || next?.row === null || next?.row === token.row;
    if (next && bare[i] && sameRow && nextText !== '' && splitOrdinal(nextText).ordinal === null && readNumber(nextText, 'signed').status === null) {
      const joined = { ...next, text: `${token.text.trim()}${next.text}` };
      tokens.push(joined);
      normalized.push(normalizeText(joined.text));
      i += 1;
    } else {
      tokens.push(token);
      normalized.push(texts[i]!);
    }
  }
  return { tokens, normalized };
}

/**
 * The blocks without repeats of the same text from the same source. Keyed by source first: a key
 * joining source and text would build, and hash, a new string as long as each text.
 */
function dedupe(blocks: TextBlock[]): TextBlock[] {
  const seen = new Map<number | null, Set<string>>();
  return blocks.filter((block) => {
    const texts = seen.get(block.src);
    if (!texts) {
      seen.set(block.src, new Set([block.text]));
      return true;
    }
    if (texts.has(block.text)) return false;
    texts.add(block.text);
    return true;
  });
}

/**
 * What `normalizeText` removes entirely (white space, invisible marks) or may (an artefact's `[`):
 * a text starting with anything else normalises to something, so it is not blank (most cells).
 */
const MAY_VANISH = /^[\s\u00a0\u3000\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff[]/;
const isBlank = (token: Token) => token.text === '' || (MAY_VANISH.test(token.text) && normalizeText(token.text) === '');

const COLUMN_KINDS = new WeakMap<TableDef, Map<string, NumberKind>>();

/** A table's column kinds by key (the first column of a key, as `find` gave it), built once per template table. */
function columnKinds(table: TableDef): Map<string, NumberKind> {
  let kinds = COLUMN_KINDS.get(table);
  if (!kinds) {
    kinds = new Map();
    for (const column of table.columns) if (!kinds.has(column.key)) kinds.set(column.key, column.kind);
    COLUMN_KINDS.set(table, kinds);
  }
  return kinds;
}

/** A cell read from a PDF keeps its box, so a viewer can mark it. */
const withBox = (cell: ParsedCell, token: Token): ParsedCell => (token.box ? { ...cell, box: token.box } : cell);

/**
 * Keep n values: blanks at either end give way first (merged-cell residue), then the surplus. In a
 * row (DOM, tab-separated line) the residue sits before the values (a shifted label column); in a
 * one-cell-per-line dump it follows them (the blank cells that stand for the next row's merged label).
 */
function fitValues(values: Token[], n: number): { kept: Token[]; extra: Token[] } {
  const fitted = [...values];
  const inRow = values[0]?.row !== null && values[0]?.row !== undefined;
  const dropLeading = () => { while (fitted.length > n && isBlank(fitted[0]!)) fitted.shift(); };
  const dropTrailing = () => { while (fitted.length > n && isBlank(fitted[fitted.length - 1]!)) fitted.pop(); };
  if (inRow) {
    dropLeading();
    dropTrailing();
  } else {
    dropTrailing();
    dropLeading();
  }
  return { kept: fitted.slice(0, n), extra: fitted.slice(n).filter((token) => !isBlank(token)) };
}

/**
 * What each grid column of a source table stands under, from the header cells above it: a
 * template column (自然人 → natural) and, in a flat table, a row (行政复议 → reconsideration).
 */
interface ColumnMap {
  columns: (string | undefined)[];
  rows: (string | undefined)[];
}

class Walk {
  tables: Partial<Record<TableKey, ParsedTable>> = {};
  tableSrc: Partial<Record<TableKey, number | null>> = {};
  rowLabels: Report['rowLabels'] = {};
  unknownRows: UnknownRow[] = [];
  texts: TextBlock[] = [];
  anomalies: string[] = [];
  /** Columns each table's header names before its first row: a column the header lacks is absent from the page. */
  private headerColumns = new Map<TableKey, Set<string>>();
  private rowsStarted = new Set<TableKey>();
  /** Column maps by source table and template table; the latest per template table serves a continuation without a header. */
  private columnMaps = new Map<string, ColumnMap>();
  private latestMap = new Map<TableKey, ColumnMap>();
  /** The flat-table row a grid row's own label names (a layout with a row per group: 行政复议 | 5 values). */
  private gridRowLabels = new Map<number, string>();
  private context: TableKey | null = null;
  private started = false;
  private pending: Pending | null = null;

  /** Template tables read from a source table the page's edge cuts. */
  cuts = new Set<TableKey>();

  constructor(
    private readonly format: FormatDef,
    private readonly index: LabelIndex,
    /** Source tables (Token.pos.table) the reader found cut by the page's edge. */
    private readonly cutSources: ReadonlySet<number> = new Set(),
  ) {}

  take(token: Token, normalized: string): void {
    const section = sectionOf(normalized);
    if (section !== null) {
      this.flush();
      this.context = SECTION_TABLE[section as keyof typeof SECTION_TABLE] ?? null;
      this.started = false;
      this.texts.push({ text: token.text, src: token.src });
      return;
    }
    // Numbers and blanks are never labels; other text is a value only when it is template text.
    const numeric = readNumber(normalized, 'signed').status !== null;
    const label = numeric ? null : lookupLabel(this.index, normalized, this.context);
    if (label) return this.startLabel(label, token);
    const value = numeric || matchPlaceholder(normalized, 'cell') !== null;
    if (this.pending && this.accepts(this.pending, token, normalized, value)) {
      this.pending.values.push(token);
      return;
    }
    if (this.pending && this.pending.kind !== 'flat') this.flush();
    if (value) return;
    const table = this.context ? this.format.tables[this.context] : null;
    // Only in a source table where template rows were read: a portal's statistics table (信息内容 | 数量) has no unknown rows.
    const inRows = token.pos === undefined || this.rowSources.has(token.pos.table);
    if (table && this.started && inRows && normalized.length <= MAX_UNKNOWN_LABEL && !normalized.startsWith('注')) {
      this.flush();
      this.pending = { kind: 'unknown', table, label: token, values: [] };
    }
    this.texts.push({ text: token.text, src: token.src });
  }

  private isValue(normalized: string): boolean {
    return readNumber(normalized, 'signed').status !== null || matchPlaceholder(normalized, 'cell') !== null;
  }

  private capacity(pending: Pending): number {
    if (pending.kind === 'flat') return pending.table.rows.length * pending.table.columns.length;
    if (pending.kind === 'unknown') return pending.table.columns.length;
    return pending.def.columns.length || pending.table.columns.length;
  }

  private accepts(pending: Pending, token: Token, normalized: string, value: boolean): boolean {
    const sameRow = pending.kind === 'flat' || pending.label.row === null || token.row === null || token.row === pending.label.row;
    if (!sameRow) return false;
    const full = pending.values.length >= this.capacity(pending);
    // One more than the flat table's cells: the data row may open with a label cell (“件数”).
    if (pending.kind === 'flat') return pending.values.length <= this.capacity(pending) || normalized === '';
    if (pending.kind === 'unknown') return value;
    return !full || normalized === '' || (token.row !== null && value);
  }

  private startLabel(label: LabelEntry, token: Token): void {
    this.noteHeader(label, token);
    const table = this.format.tables[label.table];
    if (table.flat && this.pending?.kind === 'flat' && this.pending.table === table) {
      // Another header cell of the same table: blanks between header cells are not data; numbers
      // are (a layout with a row per group: 行政复议 | 5 values, 未经复议直接起诉 | 5 values …).
      if (this.pending.values.every(isBlank)) this.pending.values = [];
      this.texts.push({ text: token.text, src: token.src });
      return;
    }
    this.flush();
    this.context = label.table;
    this.started = true;
    this.tableSrc[label.table] ??= token.src;
    this.texts.push({ text: token.text, src: token.src });
    if (table.flat) this.pending = { kind: 'flat', table, label: token, values: [] };
    else if (label.kind === 'row' && label.row) this.pending = { kind: 'row', table, def: label.row, label: token, values: [] };
  }

  /** A header cell with a grid position: the columns it spans stand under its column (or flat row). */
  private mapHeader(label: LabelEntry, token: Token): void {
    const pos = token.pos;
    if (!pos || label.kind !== 'header' || (!label.column && !label.row)) return;
    const id = `${pos.table}|${label.table}`;
    const map = this.columnMaps.get(id) ?? { columns: [], rows: [] };
    this.columnMaps.set(id, map);
    this.latestMap.set(label.table, map);
    for (let col = pos.col; col < pos.col + pos.colSpan; col += 1) {
      if (label.column) map.columns[col] = label.column;
      if (label.row) map.rows[col] = label.row.key;
    }
    if (label.row && token.row !== null) this.gridRowLabels.set(token.row, label.row.key);
  }

  private mapFor(table: TableKey, values: readonly Token[]): ColumnMap | null {
    const pos = values.find((token) => token.pos)?.pos;
    if (!pos) return null;
    return this.columnMaps.get(`${pos.table}|${table}`) ?? this.latestMap.get(table) ?? null;
  }

  /**
   * Values placed under the header column they sit in (a dropped or reordered column comes out
   * right by construction). Null — placement by order then — when the values have no positions, the
   * table no header map, a value sits where the header names no column of this row, or any cell
   * (a blank one too) sits right of the header's last column.
   */
  private placeByPosition(table: TableKey, columns: readonly string[], values: Token[]): Map<string, Token> | null {
    const map = this.mapFor(table, values);
    if (!map) return null;
    const placed = new Map<string, Token>();
    for (const token of values) {
      // A cell right of every column the header names, blank or not: the row is wider than its
      // header (a label split over more cells), so the header's positions do not fit it.
      if (token.pos && token.pos.col >= map.columns.length) return null;
      const column = token.pos ? map.columns[token.pos.col] : undefined;
      if (column !== undefined && columns.includes(column) && !placed.has(column)) placed.set(column, token);
      else if (!isBlank(token)) return null;
    }
    return placed.size > 0 ? placed : null;
  }

  /** A flat table's values by row and column from their positions, or null (placement by order then). */
  private placeFlatByPosition(table: TableDef, values: Token[]): Map<string, Map<string, Token>> | null {
    const map = this.mapFor(table.key, values);
    if (!map) return null;
    const placed = new Map<string, Map<string, Token>>();
    let count = 0;
    for (const token of values) {
      const col = token.pos?.col;
      const column = col === undefined ? undefined : map.columns[col];
      const row = col === undefined ? undefined : (map.rows[col] ?? (token.row === null ? undefined : this.gridRowLabels.get(token.row)));
      const def = table.rows.find((r) => r.key === row);
      const cells = row === undefined ? undefined : (placed.get(row) ?? new Map<string, Token>());
      if (def && cells && column !== undefined && def.columns.includes(column) && !cells.has(column)) {
        cells.set(column, token);
        placed.set(row!, cells);
        count += 1;
      } else if (!isBlank(token)) return null;
    }
    return count > 0 ? placed : null;
  }

  private noteHeader(label: LabelEntry, token: Token): void {
    this.mapHeader(label, token);
    if (label.kind === 'row' && token.pos) this.rowSources.add(token.pos.table);
    if (label.kind === 'row') this.rowsStarted.add(label.table);
    if (label.kind !== 'header' || !label.column || this.rowsStarted.has(label.table)) return;
    const seen = this.headerColumns.get(label.table) ?? new Set<string>();
    seen.add(label.column);
    this.headerColumns.set(label.table, seen);
  }

  /**
   * A row exactly as long as the columns its table's header names, when the header lacks some of
   * the row's columns: the page dropped those columns, so values go to the named ones (by order)
   * instead of shifting left into the wrong columns. Otherwise null: values are placed by position.
   */
  private placeByHeader(table: TableKey, columns: readonly string[], values: Token[]): Map<string, Token> | null {
    const seen = this.headerColumns.get(table);
    if (!seen) return null;
    const named = columns.filter((column) => seen.has(column));
    if (named.length === 0 || named.length === columns.length || values.length !== named.length) return null;
    return new Map(named.map((column, i) => [column, values[i]!]));
  }

  flush(): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    if (pending.kind === 'unknown') {
      this.unknownRows.push({ table: pending.table.key, label: pending.label.text, values: pending.values.map((v) => v.text), src: pending.label.src, ...(pending.label.box ? { box: pending.label.box } : {}) });
      return;
    }
    if (pending.kind === 'flat') return this.storeFlat(pending.table, pending.label, pending.values);
    const { def, table } = pending;
    const filled = pending.values.some((token) => !isBlank(token));
    if (def.group && !filled) return;
    // A row label straight followed by a sub-row label heads a group (（六）其他处理 over its three sub-rows).
    if (pending.values.length === 0 && table.rows.some((row) => row.key.startsWith(`${def.key}.`))) return;
    if (def.columns.length === 0) {
      if (filled) this.anomalies.push(`${table.key} ${def.key}: values on a group row ignored: ${pending.values.map((v) => v.text).join(' | ')}`);
      return;
    }
    this.storeRow(table, def.key, def.columns, pending.label, pending.values);
  }

  private storeFlat(table: TableDef, label: Token, collected: Token[]): void {
    const placed = this.placeFlatByPosition(table, collected);
    if (placed) {
      for (const row of table.rows) {
        if (this.tables[table.key]?.[row.key] && !placed.has(row.key)) continue; // a later header with no values here
        this.store(table, row.key, row.columns, label, (column) => placed.get(row.key)?.get(column), []);
      }
      return;
    }
    const width = table.columns.length;
    const size = table.rows.length * width;
    const filled = collected.filter((token) => !isBlank(token));
    const first = filled[0];
    // One cell too many, the first of them text: the data row's own label (“件数”), not a value.
    const values = filled.length > size && first && !this.isValue(normalizeText(first.text)) ? collected.filter((token) => token !== first) : collected;
    const { kept, extra } = fitValues(values, size);
    if (kept.every(isBlank) && this.tables[table.key]) return;
    table.rows.forEach((row, r) => {
      this.storeRow(table, row.key, row.columns, label, kept.slice(r * width, (r + 1) * width), false);
    });
    if (extra.length) this.anomalies.push(`${table.key}: extra values ignored: ${extra.map((v) => v.text).join(' | ')}`);
  }

  private storeRow(table: TableDef, key: string, columns: readonly string[], label: Token, values: Token[], fit = true): void {
    const placed = fit ? (this.placeByPosition(table.key, columns, values) ?? this.placeByHeader(table.key, columns, values)) : null;
    if (placed) return this.store(table, key, columns, label, (column) => placed.get(column), []);
    const { kept, extra } = fit ? fitValues(values, columns.length) : { kept: values, extra: [] };
    this.store(table, key, columns, label, (column) => kept[columns.indexOf(column)], extra);
  }

  /**
   * How surely a row sits in a report table: its source table's header named this table's columns
   * (2), and it holds numbers (1). A portal's statistics table (行政许可 | 1203) has no such header.
   */
  private strength(table: TableKey, label: Token, row: ParsedTable[string]): number {
    const headed = label.pos !== undefined && this.columnMaps.has(`${label.pos.table}|${table}`);
    return (headed ? 2 : 0) + (Object.values(row).some((cell) => cell.status === 'number') ? 1 : 0);
  }

  private rowStrength = new Map<string, number>();
  /** Source tables (Token.pos.table) in which a template row label was read. */
  private rowSources = new Set<number>();

  private store(table: TableDef, key: string, columns: readonly string[], label: Token, tokenOf: (column: string) => Token | undefined, extra: Token[]): void {
    const parsed = (this.tables[table.key] ??= {});
    const row: ParsedTable[string] = {};
    const kinds = columnKinds(table);
    // A row of a source table the page's edge cuts: what it lacks is not in the document, not blank.
    const cut = label.pos !== undefined && this.cutSources.has(label.pos.table);
    if (cut) this.cuts.add(table.key);
    for (const column of columns) {
      const kind = kinds.get(column) ?? 'count';
      const token = tokenOf(column);
      row[column] = token ? withBox(readCell(token.text, kind, token.src), token) : cut ? unshownCell(label.src) : missingCell(label.src);
    }
    const strength = this.strength(table.key, label, row);
    if (parsed[key]) {
      // A row twice: the one in a report table wins over one in a table that merely names it.
      const replace = strength > (this.rowStrength.get(`${table.key}/${key}`) ?? 0);
      this.anomalies.push(`${table.key} ${key}: row appears twice; the ${replace ? 'one under the report table\'s header' : 'first'} is kept`);
      if (!replace) return;
    }
    this.rowStrength.set(`${table.key}/${key}`, strength);
    parsed[key] = row;
    (this.rowLabels[table.key] ??= {})[key] = { text: label.text, src: label.src, ...(label.box ? { box: label.box } : {}) };
    if (extra.length) this.anomalies.push(`${table.key} ${key}: extra values ignored: ${extra.map((v) => v.text).join(' | ')}`);
  }

}
