/**
 * Two-cell misbookings (rules.md, third release: the swap diagnosis). A real 2021 report booked 2
 * 社会公益组织 applications as 自然人 in （七）总计: its row total still holds, but both columns'
 * results total and balance fail, and `suspect` can blame only one cell per column. Moving N from
 * one cell to a sibling — two terms of one sum: two columns of one row, two rows of one column —
 * keeps the sum they share and changes both cells' other relationships by ±N. When exactly one
 * such move (or the same move in a result row and the row it adds up into, （七）总计) makes every
 * relationship of the table hold and breaks none, that move is the diagnosis. Only the applications
 * table: it is where applications are booked, and the message counts applications.
 */
import type { CellRef, Swap } from '../model/finding';
import type { Report, TableKey } from '../model/report';
import { relationsOf, termKey, termSign } from '../template/model';
import type { Relation } from '../template/types';
import { cellAt, ref } from './helpers';
import { checkRelations } from './relations';

const TABLE: TableKey = 'applications';
/** A table full of errors is not a misbooking; past this many tried moves the answer would not help. */
const MAX_TRIALS = 400;

/** Terms of one side of one relation: moving between two of them keeps that side's sum. */
interface Siblings {
  along: 'row' | 'column';
  keys: readonly string[];
  over?: readonly string[];
}

interface Move {
  cells: { from: CellRef; to: CellRef }[];
}

const cellKey = (c: CellRef) => `${c.row}|${c.column}`;

function siblingsOf(relations: readonly Relation[]): Siblings[] {
  return relations.flatMap((relation) => [relation.left, relation.right]
    .filter((side) => side.length >= 2 && side.every((term) => termSign(term) === 1))
    .map((side) => ({ along: relation.along, keys: side.map(termKey), ...(relation.over ? { over: relation.over } : {}) })));
}

/**
 * The rows a row adds up into, or is added up from, by a column relation with one row on its left
 * (（七）总计 = the result rows): a move in a result row is mirrored there.
 */
function companions(relations: readonly Relation[], row: string): string[] {
  const out: string[] = [];
  for (const relation of relations) {
    if (relation.along !== 'column' || relation.left.length !== 1) continue;
    const total = termKey(relation.left[0]!);
    const parts = relation.right.map(termKey);
    if (parts.includes(row)) out.push(total);
    else if (total === row) out.push(...parts);
  }
  return out;
}

/** Whether the move can be made: both cells of each pair hold numbers, and the one given from holds `amount` at least. */
function movable(report: Report, move: Move, amount: number): boolean {
  return move.cells.every(({ from, to }) => {
    const a = cellAt(report, TABLE, from.row, from.column)?.value;
    const b = cellAt(report, TABLE, to.row, to.column)?.value;
    return typeof a === 'number' && typeof b === 'number' && a >= amount;
  });
}

function moved(report: Report, move: Move, amount: number): Report | null {
  if (!movable(report, move, amount)) return null;
  const table = { ...report.tables[TABLE]! };
  for (const { from, to } of move.cells) {
    const a = cellAt(report, TABLE, from.row, from.column)!.value as number;
    const b = cellAt(report, TABLE, to.row, to.column)!.value as number;
    table[from.row] = { ...table[from.row]!, [from.column]: { ...table[from.row]![from.column]!, value: a - amount } };
    table[to.row] = { ...table[to.row]!, [to.column]: { ...table[to.row]![to.column]!, value: b + amount } };
  }
  return { ...report, tables: { ...report.tables, [TABLE]: table } };
}

/** Every move between sibling cells at places where a failing relationship sits, with its mirrored form. */
function candidateMoves(report: Report, relations: readonly Relation[], failingCells: ReadonlySet<string>): Move[] {
  const rows = report.tables[TABLE] ?? {};
  // A row's 总计 is where its parts add up, not where an application is booked: one moved between two
  // rows' 总计 is the same arithmetic as one moved in the applicant column beside it, which is named instead.
  const sums = new Set(relations.filter((r) => r.along === 'row' && r.left.length === 1).map((r) => termKey(r.left[0]!)));
  const columns = [...new Set(Object.values(rows).flatMap((row) => Object.keys(row)))].filter((column) => !sums.has(column));
  const moves: Move[] = [];
  for (const group of siblingsOf(relations)) {
    const places = group.over ?? (group.along === 'row' ? Object.keys(rows) : columns);
    for (const place of places) {
      const at = (key: string) => (group.along === 'row' ? ref(TABLE, place, key) : ref(TABLE, key, place));
      for (const a of group.keys) {
        for (const b of group.keys) {
          if (a === b) continue;
          const from = at(a);
          const to = at(b);
          if (!failingCells.has(cellKey(from)) && !failingCells.has(cellKey(to))) continue;
          moves.push({ cells: [{ from, to }] });
          if (group.along !== 'row') continue;
          for (const row of companions(relations, place)) {
            if (rows[row]) moves.push({ cells: [{ from, to }, { from: ref(TABLE, row, a), to: ref(TABLE, row, b) }] });
          }
        }
      }
    }
  }
  return moves;
}

/** The one move of N applications that makes every relationship of the applications table hold, or null (none, or more than one). */
export function findSwap(report: Report): Swap | null {
  if (!report.tables[TABLE]) return null;
  const failing = checkRelations(report, TABLE, 'failed');
  if (failing.length < 2) return null;
  const relations = relationsOf(report.format, TABLE);
  const failingCells = new Set(failing.flatMap((check) => [...check.left, ...check.right].map(cellKey)));
  const amounts = [...new Set(failing.map((check) => Math.abs(check.leftSum - check.rightSum)))].filter((n) => Number.isInteger(n) && n > 0);
  const found = new Map<string, Swap>();
  let trials = 0;
  for (const move of candidateMoves(report, relations, failingCells)) {
    // A relationship none of the moved cells is in fails after the move as before: no need to try it
    // (counted all the same, so that MAX_TRIALS bounds the same moves as ever). Most candidate moves
    // of a table with several failures are such; trying each was a tenth of a batch's audit time.
    const touched = new Set(move.cells.flatMap(({ from, to }) => [cellKey(from), cellKey(to)]));
    const mayFix = failing.every((check) => [...check.left, ...check.right].some((cell) => touched.has(cellKey(cell))));
    for (const amount of amounts) {
      if (!mayFix) {
        if (movable(report, move, amount) && ++trials > MAX_TRIALS) return null;
        continue;
      }
      const changed = moved(report, move, amount);
      if (!changed) continue;
      if (++trials > MAX_TRIALS) return null;
      if (checkRelations(changed, TABLE, 'failed').length > 0) continue;
      const swap = swapOf(move, amount, relations);
      found.set(JSON.stringify(swap), swap);
    }
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

/** Whether `total` is the one row a column relation adds `part` up into (（七）总计 of a result row). */
const addsUpInto = (relations: readonly Relation[], total: string, part: string) => relations.some((relation) =>
  relation.along === 'column' && relation.left.length === 1 && termKey(relation.left[0]!) === total && relation.right.some((term) => termKey(term) === part));

/** The move as the spec states it: `from`/`to` in the result row where the mistake was made, `also` in the row it adds up into. */
function swapOf(move: Move, amount: number, relations: readonly Relation[]): Swap {
  const [first, second] = move.cells as [Move['cells'][number], Move['cells'][number] | undefined];
  if (!second) return { from: first.from, to: first.to, amount };
  // A mirrored move is tried from either row: the same diagnosis either way.
  const [part, total] = addsUpInto(relations, first.from.row, second.from.row) ? [second, first] : [first, second];
  return { from: part.from, to: part.to, amount, also: { from: total.from, to: total.to } };
}
