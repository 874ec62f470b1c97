/**
 * The shape of a format description (`formats/`): everything the rest of the code asks of the
 * template — labels and their variants, Chinese and English names, column kinds, the header layout,
 * the relationships (勾稽关系) and the detection signature — is data of this shape.
 */
import type { NumberKind } from '../extract/number';
import type { Format, TableKey } from '../model/report';

export interface ColumnDef {
  key: string;
  /** The template's header text; also the Chinese name in messages and exports. */
  label: string;
  variants?: readonly string[];
  /** English name in English messages. */
  en: string;
  /** count (whole, ≥ 0), signed (本年增/减) or money (decimals, a unit may be written). */
  kind: NumberKind;
}

export interface RowDef {
  key: string;
  /** The label body the page is matched against, without its ordinal. */
  label: string;
  variants?: readonly string[];
  /** The label as the official template prints it, numbering included (“1.属于国家秘密”): layouts. */
  printed: string;
  /** The row's name in Chinese messages and exports (“（三）不予公开·1.属于国家秘密”). */
  zh: string;
  /** The row's name in English messages (“3.3.1 Not disclosed · state secret”). */
  en: string;
  /** The ordinal number the label must carry when its body alone is ambiguous (（七）总计, 3.其他). */
  ordinal?: number;
  /** Keys of the columns, in page order; empty for a heading row that holds no values. */
  columns: readonly string[];
  /** The row this one sits under in the template's layout (3.3.1 under 3.3, 3.3 under 3). */
  parent?: string;
  /** A group heading: carries values only when no sub-row follows (（六）其他处理 in some reports). */
  group?: boolean;
  /** Accepted when present, not expected (the 2021 sub-rows in a 2019 table). */
  optional?: boolean;
}

/** One term of a relationship: a cell key (a column in a row relation, a row in a column relation), maybe negated. */
export type Term = string | { readonly key: string; readonly sign: -1 };

/**
 * A relationship between cells (勾稽关系): `left op right`, each side a signed sum. `along: 'row'`
 * holds in each row and names columns; `along: 'column'` holds in each column and names rows. A
 * finding names the first cell of `left` (the declared value), expects the sum of `right` and reads
 * the sum of `left`; its cells are right's then left's.
 */
export interface Relation {
  /** The rule id that reports it. */
  rule: string;
  along: 'row' | 'column';
  /** The rows (along 'row') or columns (along 'column') it holds in; by default every one that has its cells. */
  over?: readonly string[];
  left: readonly Term[];
  op: '=' | '>=';
  right: readonly Term[];
  /**
   * Terms absent from the table are left out of the sum instead of suspending the relation: the
   * result rows that （七）总计 adds up, where a missing row is reported as missing on its own.
   */
  dropAbsent?: boolean;
}

/** A header cell of the template's layout. */
export interface HeaderCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

/** How the official template lays a table out: for the XLSX export and for the test page renderer. */
export type TableLayout =
  /** Header rows, then one line per row; labels take `labelColumns` columns, parents span their children. */
  | { kind: 'rows'; header: readonly (readonly HeaderCell[])[]; labelColumns: number }
  /** Sections, each with a title line and a header line (信息内容 + its columns), then its rows; `width` value columns. */
  | { kind: 'sections'; width: number; sections: readonly { title: string; rows: readonly string[] }[] }
  /** Header rows, then a single line holding every row's values in order (the appeals table). */
  | { kind: 'flat'; header: readonly (readonly HeaderCell[])[] };

export interface TableDef {
  key: TableKey;
  /** The table's name: the template's part heading, and in English. */
  zh: string;
  en: string;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
  /** Header texts that belong to this table only (section titles, header cells). */
  headers: readonly string[];
  /** Header texts this table shares with another one (总计, 其他): recognised only inside it. */
  sharedHeaders?: readonly string[];
  /** Header texts matched anywhere inside a cell (the 勾稽 note, which agencies extend). */
  headerFragments?: readonly string[];
  /** Values that follow the header and fill the rows in order (the appeals table's single data row). */
  flat?: boolean;
  /** Leaf rows whose absence is tolerated when the listed alternative rows are present. */
  alternatives?: Readonly<Record<string, readonly string[]>>;
  /** Labels only this format's version of the table has: the format is detected from them. */
  signature: readonly string[];
  relations: readonly Relation[];
  layout: TableLayout;
}

export interface FormatDef {
  format: Format;
  /** The first report year this format is prescribed for (the year breaks a tie in detection). */
  since: number;
  /** The official document that prescribes it. */
  source: string;
  tables: Readonly<Record<TableKey, TableDef>>;
}
