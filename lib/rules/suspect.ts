/**
 * The likely culprit behind failed relationships (rules.md: an extra `suspect` field, never a
 * replacement for the findings). One mistyped cell breaks every relationship it takes part in;
 * so a cell is named when changing it alone, by a failed relationship's difference, clears that
 * finding and the most others while breaking none, and leaves a count a non-negative whole number.
 * Where two cells would do equally well, nobody is named; where moving N between two sibling cells
 * makes the whole table agree (`swap.ts`), both are named. Which findings are relationships, and
 * what a changed cell affects, the template's relationship data says (`lib/template/formats/`).
 */
import type { CellRef, Finding, Swap } from '../model/finding';
import type { Report } from '../model/report';
import { internalError } from '../result';
import { columnKind, relationRules } from '../template/model';
import { cellAt, round } from './helpers';
import { checkKey, checkRelations } from './relations';
import { findSwap } from './swap';

/** A broken page can fail hundreds of relationships; past this many trials the answer would not help anyway. */
const MAX_TRIALS = 60;

interface Fix {
  cell: CellRef;
  value: number;
  clears: Set<string>;
}

const keyOf = (f: Pick<Finding, 'rule' | 'table' | 'row' | 'column'>) => checkKey(f.rule, f.table, f.row, f.column);
const cellKey = (c: CellRef) => `${c.table}|${c.row}|${c.column}`;

function withValue(report: Report, cell: CellRef, value: number): Report {
  const table = report.tables[cell.table]!;
  const row = table[cell.row]!;
  return {
    ...report,
    tables: { ...report.tables, [cell.table]: { ...table, [cell.row]: { ...row, [cell.column]: { ...row[cell.column]!, value } } } },
  };
}

function allowed(report: Report, cell: CellRef, value: number): boolean {
  const kind = columnKind(report.format, cell.table, cell.column);
  if (kind === 'money') return value >= 0;
  if (kind === 'signed') return Number.isInteger(value);
  return Number.isInteger(value) && value >= 0;
}

/** Candidate cells with the failed relationships they take part in, those in the most first. */
function candidates(relations: Finding[]): { cell: CellRef; involved: Finding[] }[] {
  const byCell = new Map<string, { cell: CellRef; involved: Finding[] }>();
  for (const f of relations) {
    for (const cell of f.cells) {
      const entry = byCell.get(cellKey(cell)) ?? { cell, involved: [] };
      entry.involved.push(f);
      byCell.set(cellKey(cell), entry);
    }
  }
  return [...byCell.values()].sort((a, b) => b.involved.length - a.involved.length);
}

/** The relationships that fail in a table of the report, by finding key. */
const failing = (report: Report, cell: CellRef) => new Set(checkRelations(report, cell.table, 'failed')
  .map((c) => checkKey(c.relation.rule, c.table, c.left[0]!.row, c.left[0]!.column)));

function trialFixes(report: Report, relations: Finding[]): Fix[] {
  /** The most findings a fix found so far clears, per finding it clears. */
  const best = new Map<string, number>();
  const before = new Map<string, Set<string>>();
  const fixes: Fix[] = [];
  let trials = 0;
  for (const { cell, involved } of candidates(relations)) {
    // A cell can clear at most the findings it is in: it cannot match a fix that already clears more.
    if (involved.every((f) => (best.get(keyOf(f)) ?? 0) > involved.length)) continue;
    const current = cellAt(report, cell.table, cell.row, cell.column)?.value;
    if (current === null || current === undefined) continue;
    const failedBefore = before.get(cell.table) ?? failing(report, cell);
    before.set(cell.table, failedBefore);
    const deltas = new Set(involved.flatMap((f) => [(f.expected as number) - (f.actual as number), (f.actual as number) - (f.expected as number)]));
    for (const delta of deltas) {
      const value = round(current + delta);
      if (!allowed(report, cell, value)) continue;
      if (++trials > MAX_TRIALS) return fixes;
      const after = failing(withValue(report, cell, value), cell);
      if ([...after].some((key) => !failedBefore.has(key))) continue; // it breaks something that held
      const clears = new Set(involved.map(keyOf).filter((key) => !after.has(key)));
      if (clears.size === 0) continue;
      fixes.push({ cell, value, clears });
      for (const key of clears) best.set(key, Math.max(best.get(key) ?? 0, clears.size));
    }
  }
  return fixes;
}

/**
 * Columns left blank or all 0 whose emptiness is the cause (a 总计 column never filled in): every
 * cell 0 or blank, and the declared cell of two or more failed relationships. No cell elsewhere
 * explains those findings — 自然人 “若为 0” would be a false lead — so only a cell of the column
 * itself may be named for them (洪泽区 2023: 行政复议 总计 0 “若为 11”).
 */
function deadColumns(report: Report, relations: Finding[]): Set<string> {
  const declared = new Map<string, number>();
  for (const f of relations) declared.set(`${f.table}|${f.column}`, (declared.get(`${f.table}|${f.column}`) ?? 0) + 1);
  const dead = new Set<string>();
  for (const [key, count] of declared) {
    const [table, column] = key.split('|') as [keyof Report['tables'], string];
    const cells = Object.values(report.tables[table] ?? {}).map((row) => row[column]).filter((cell) => cell !== undefined);
    if (count >= 2 && cells.every((cell) => (cell.value ?? 0) === 0)) dead.add(key);
  }
  return dead;
}

/**
 * The findings with `suspect` (and the value that would make everything agree) where one cell
 * stands out. A failure anywhere in this pass (never expected: the arithmetic is pure) leaves the
 * findings as the rules gave them and goes into `failures` as an internal error, the same words
 * the rule runner uses, so that the result shows it and the fuzz and property tests fail on it
 * (before, `suspect: …` was an ordinary anomaly they could not tell from the page's own).
 */
export function nameSuspects(report: Report, findings: Finding[], failures: string[] = []): Finding[] {
  try {
    return named(report, findings, failures);
  } catch (error) {
    failures.push(internalError('suspect pass', error));
    return findings;
  }
}

function named(report: Report, findings: Finding[], failures: string[]): Finding[] {
  const rules = relationRules(report.format);
  const isRelation = (f: Finding) => rules.has(f.rule) && typeof f.expected === 'number' && typeof f.actual === 'number';
  const relations = findings.filter(isRelation);
  if (relations.length === 0) return findings;
  const dead = deadColumns(report, relations);
  const column = (c: { table: string | null; column: string | null }) => `${c.table}|${c.column}`;
  const fixes = trialFixes(report, relations);
  let swap: Swap | null = null;
  try {
    swap = findSwap(report);
  } catch (error) {
    // The one-cell suspects still stand when the search for a swap between two cells breaks.
    failures.push(internalError('swap pass', error));
  }
  return findings.map((f) => {
    if (!isRelation(f)) return f;
    // A misbooking that one move between two cells explains names both cells, on every finding of its table.
    if (swap && f.table === swap.from.table) {
      const data = Object.fromEntries(Object.entries(f.data ?? {}).filter(([key]) => key !== 'suspectValue'));
      return { ...f, suspect: swap.from, data: { ...data, swap } };
    }
    const key = keyOf(f);
    const explaining = fixes.filter((fix) => fix.clears.has(key) && (!dead.has(column(f)) || column(fix.cell) === column(f)));
    const top = Math.max(0, ...explaining.map((fix) => fix.clears.size));
    const best = explaining.filter((fix) => fix.clears.size === top);
    if (best.length === 0 || new Set(best.map((fix) => cellKey(fix.cell))).size !== 1) return f;
    return { ...f, suspect: best[0]!.cell, data: { ...f.data, suspectValue: best[0]!.value } };
  });
}
