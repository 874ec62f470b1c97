/**
 * The relationships (勾稽关系) of the template, checked on a report: the arithmetic every relation
 * rule shares, and what `suspect` re-runs when it tries a value. The relations themselves are data
 * in `lib/template/formats/`.
 */
import type { CellRef, Finding, Severity } from '../model/finding';
import type { Format, ParsedTable, Report, TableKey } from '../model/report';
import { childRows, formatDef, relationsOf, tableDef, termKey, termSign } from '../template/model';
import type { Relation, Term } from '../template/types';
import { defineRule, finding, type FindingFields, type RelationTally, type Rule } from './define';
import { exactSum } from '../extract/number';
import { cellAt, columnsOf, ref } from './helpers';

/** One relation where it holds or fails: in one row (along 'row') or one column (along 'column'). */
export interface RelationCheck {
  relation: Relation;
  table: TableKey;
  /** The row or column it was checked in. */
  at: string;
  left: CellRef[];
  right: CellRef[];
  leftSum: number;
  rightSum: number;
  /** Each term's value by its key (a column in a row relation, a row in a column relation). */
  values: Record<string, number>;
  holds: boolean;
}

/** finding key: rule, table and the declared cell; the same for a finding and for its relation check. */
export const checkKey = (rule: string, table: TableKey | null, row: string | null, column: string | null) => `${rule}|${table}|${row}|${column}`;

function placesOf(report: Report, table: TableKey, relation: Relation): readonly string[] {
  if (relation.over) return relation.over;
  return relation.along === 'row' ? Object.keys(report.tables[table] ?? {}) : columnsOf(report, table);
}

/** The terms that count here: absent ones dropped where the relation allows, a row giving way to its present sub-rows. */
function termsHere(report: Report, table: TableKey, relation: Relation, terms: readonly Term[]): readonly Term[] {
  if (!relation.dropAbsent) return terms;
  const rows = report.tables[table] ?? {};
  const def = tableDef(report.format, table);
  return terms.filter((term) => rows[termKey(term)] && !childRows(def, termKey(term)).some((child) => rows[child]));
}

function side(report: Report, table: TableKey, relation: Relation, at: string, terms: readonly Term[], values: Record<string, number>) {
  const refs: CellRef[] = [];
  const signed: number[] = [];
  for (const term of terms) {
    const cell = relation.along === 'row' ? ref(table, at, termKey(term)) : ref(table, termKey(term), at);
    const value = cellAt(report, cell.table, cell.row, cell.column)?.value;
    if (value === null || value === undefined) return null;
    values[termKey(term)] = value;
    refs.push(cell);
    signed.push(termSign(term) * value);
  }
  return { refs, sum: exactSum(signed) }; // decimal-exact: money must not drift (0.1 + 0.2)
}

/** A term's value at one place: the row `at`'s cell in a row relation, the column `at`'s in a column relation. */
function valueAt(rows: ParsedTable, relation: Relation, at: string, term: Term): number | null | undefined {
  const key = termKey(term);
  return (relation.along === 'row' ? rows[at]?.[key] : rows[key]?.[at])?.value;
}

/**
 * One side's sum at one place as `side` gives it, or null when a cell has no value, without
 * building its cells: counts are integers and add up exactly, anything else goes to `exactSum`.
 */
function sideSum(rows: ParsedTable, relation: Relation, at: string, terms: readonly Term[]): number | null {
  let plain = 0;
  let integers = true;
  for (const term of terms) {
    const value = valueAt(rows, relation, at, term);
    if (value === null || value === undefined) return null;
    if (!Number.isInteger(value)) integers = false;
    plain += termSign(term) * value;
  }
  return integers && Number.isSafeInteger(plain) ? plain : exactSum(terms.map((term) => termSign(term) * valueAt(rows, relation, at, term)!));
}

/**
 * A relation in each row or column that has every one of its cells with a value; the others are
 * skipped. With `which` 'failed', only the places where it fails: the cells and values of a check
 * are built for those alone (a report holds hundreds of checks, nearly all of which hold).
 */
export function checkRelation(report: Report, table: TableKey, relation: Relation, which: 'all' | 'failed' = 'all', tally?: RelationTally): RelationCheck[] {
  const left = termsHere(report, table, relation, relation.left);
  const right = termsHere(report, table, relation, relation.right);
  if (left.length === 0 || right.length === 0) return [];
  const rows = report.tables[table] ?? {};
  const checks: RelationCheck[] = [];
  for (const at of placesOf(report, table, relation)) {
    const leftSum = sideSum(rows, relation, at, left);
    const rightSum = leftSum === null ? null : sideSum(rows, relation, at, right);
    if (leftSum === null || rightSum === null) continue;
    const holds = relation.op === '=' ? leftSum === rightSum : leftSum >= rightSum;
    if (tally) {
      tally.checked += 1;
      if (!holds) tally.failed += 1;
    }
    if (holds && which === 'failed') continue;
    const values: Record<string, number> = {};
    const l = side(report, table, relation, at, left, values)!;
    const r = side(report, table, relation, at, right, values)!;
    checks.push({ relation, table, at, left: l.refs, right: r.refs, leftSum, rightSum, values, holds });
  }
  return checks;
}

/** Every relation of the report's format in one table (all tables when none is named). */
export function checkRelations(report: Report, table?: TableKey, which: 'all' | 'failed' = 'all'): RelationCheck[] {
  const tables = table ? [table] : (Object.keys(formatDef(report.format).tables) as TableKey[]);
  return tables.flatMap((key) => (report.tables[key] ? relationsOf(report.format, key).flatMap((relation) => checkRelation(report, key, relation, which)) : []));
}

/** A failed check as a finding: the first cell of the left side holds the declared value. */
export function relationFinding(report: Report, check: RelationCheck, severity: Severity, extra: FindingFields = {}): Finding {
  const declared = check.left[0]!;
  return finding(check.relation.rule, severity, {
    table: check.table, row: declared.row, column: declared.column, cells: [...check.right, ...check.left],
    expected: check.rightSum, actual: check.leftSum, src: cellAt(report, declared.table, declared.row, declared.column)?.src ?? null, ...extra,
  });
}

export interface RelationRuleMeta {
  id: string;
  severity: Severity;
  formats: readonly Format[];
  /** Extra message data from the failed check (the parts of a sum, for instance). */
  data?: (check: RelationCheck) => Record<string, string | number>;
}

/** A rule that reports every failure of the relations the template gives its id. */
export function relationRule<const M extends RelationRuleMeta>(meta: M): Rule & { id: M['id'] } {
  return defineRule({
    id: meta.id,
    severity: meta.severity,
    formats: meta.formats,
    check(report, tally) {
      const tables = Object.keys(report.tables) as TableKey[];
      return tables.flatMap((table) => relationsOf(report.format, table, meta.id)
        .flatMap((relation) => checkRelation(report, table, relation, 'failed', tally))
        .map((check) => relationFinding(report, check, meta.severity, meta.data ? { data: meta.data(check) } : {})));
    },
  });
}

/**
 * The value arithmetic implies for a cell that holds none (“左栏所有总计” in a total): the other
 * side of the first equality whose only left term it is, or null.
 */
export function impliedValue(report: Report, cell: CellRef): number | null {
  for (const relation of relationsOf(report.format, cell.table)) {
    if (relation.op !== '=' || relation.left.length !== 1) continue;
    const [key, at] = relation.along === 'row' ? [cell.column, cell.row] : [cell.row, cell.column];
    if (termKey(relation.left[0]!) !== key || (relation.over && !relation.over.includes(at))) continue;
    const right = side(report, cell.table, relation, at, termsHere(report, cell.table, relation, relation.right), {});
    if (right) return right.sum;
  }
  return null;
}
