import type { NumberKind } from '../extract/number';
import type { Format, TableKey } from '../model/report';

export interface ColumnDef {
  key: string;
  label: string;
  variants?: readonly string[];
  kind: NumberKind;
}

export interface RowDef {
  key: string;
  /** The label body, without its ordinal. */
  label: string;
  variants?: readonly string[];
  /** The ordinal number the label must carry when its body alone is ambiguous (（七）总计, 3.其他). */
  ordinal?: number;
  /** Keys of the columns, in page order. */
  columns: readonly string[];
  /** A group heading: carries values only when no sub-row follows (（六）其他处理 in some reports). */
  group?: boolean;
  /** Accepted when present, not expected (the 2021 sub-rows in a 2019 table). */
  optional?: boolean;
}

export interface TableDef {
  key: TableKey;
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
}

export interface FormatDef {
  format: Format;
  tables: Readonly<Record<TableKey, TableDef>>;
  /** Labels that only this format uses: the format is detected from them. */
  signature: readonly string[];
}
