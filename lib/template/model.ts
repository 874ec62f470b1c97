/**
 * The one place the rest of the code asks the template its questions: which rows hold values, what
 * a row or column is called, what kind of number a column holds, which cells add up to which. The
 * answers are read from the format descriptions in `formats/`, never written again elsewhere.
 */
import type { NumberKind } from '../extract/number';
import type { Format, TableKey } from '../model/report';
import { formatDef } from './formats';
import type { ColumnDef, Relation, RowDef, TableDef, Term } from './types';

export { formatDef, formatForYear, FORMATS } from './formats';

export function tableDef(format: Format | null | undefined, table: TableKey): TableDef {
  return formatDef(format).tables[table];
}

export function rowDef(format: Format | null | undefined, table: TableKey, key: string): RowDef | undefined {
  return tableDef(format, table).rows.find((row) => row.key === key);
}

export function columnDef(format: Format | null | undefined, table: TableKey, key: string): ColumnDef | undefined {
  return tableDef(format, table).columns.find((column) => column.key === key);
}

/** count, signed or money; a column the format does not know is read as a count. */
export function columnKind(format: Format | null | undefined, table: TableKey, column: string): NumberKind {
  return columnDef(format, table, column)?.kind ?? 'count';
}

/**
 * The rows a filled-in table holds values in, in template order: headings and rows merely accepted
 * are left out. With `alternatives`, each row is replaced by the rows the format accepts in its
 * place (（六）其他处理 as one row instead of three sub-rows, or the reverse).
 */
export function valueRows(table: TableDef, alternatives = false): string[] {
  const expected = table.rows.filter((row) => row.columns.length > 0 && !row.group && !row.optional).map((row) => row.key);
  if (!alternatives) return expected;
  return [...new Set(expected.flatMap((key) => table.alternatives?.[key] ?? [key]))];
}

/** A table's columns per value row: { '1.regulations': ['issued', 'repealed', 'in_force'], … }. */
export function columnsByRow(table: TableDef): Record<string, string[]> {
  return Object.fromEntries(table.rows.filter((row) => row.columns.length > 0).map((row) => [row.key, [...row.columns]]));
}

export const termKey = (term: Term): string => (typeof term === 'string' ? term : term.key);
export const termSign = (term: Term): 1 | -1 => (typeof term === 'string' ? 1 : term.sign);

/** The relationships a table's cells must satisfy, optionally only those one rule reports. */
export function relationsOf(format: Format | null | undefined, table: TableKey, rule?: string): readonly Relation[] {
  const all = tableDef(format, table).relations;
  return rule ? all.filter((relation) => relation.rule === rule) : all;
}

/** Every rule that reports a relationship of the format, by table: what a changed cell can affect. */
export function relationRules(format: Format | null | undefined): Map<string, TableKey> {
  const out = new Map<string, TableKey>();
  for (const table of Object.values(formatDef(format).tables)) for (const relation of table.relations) out.set(relation.rule, table.key);
  return out;
}

const CHILDREN = new WeakMap<TableDef, Map<string, readonly string[]>>();

/**
 * The children of a row in the template's layout (3.3.1 … 3.3.8 of 3.3): the keys of the rows whose
 * parent is `key`, in template order, from a map built once per template table.
 */
export function childRows(table: TableDef, key: string): readonly string[] {
  let byParent = CHILDREN.get(table);
  if (!byParent) {
    const built = new Map<string, string[]>();
    for (const row of table.rows) if (row.parent !== undefined) built.set(row.parent, [...(built.get(row.parent) ?? []), row.key]);
    CHILDREN.set(table, (byParent = built));
  }
  return byParent.get(key) ?? [];
}
