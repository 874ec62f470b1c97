/**
 * The likely culprit behind failed relationships (rules.md: an extra `suspect` field, never a
 * replacement for the findings). One mistyped cell breaks every relationship it takes part in;
 * so a cell is named when changing it alone, by a failed relationship's difference, clears that
 * finding and the most others while breaking none, and leaves a count a non-negative whole number.
 * Where two cells would do equally well, nobody is named.
 */
import type { CellRef, Finding } from '../model/finding';
import type { Report, TableKey } from '../model/report';
import { FORMATS } from '../template/formats';
import type { Rule } from './define';
import { cellAt, round } from './helpers';

/** A broken page can fail hundreds of relationships; past this many trials the answer would not help anyway. */
const MAX_TRIALS = 60;

interface Fix {
  cell: CellRef;
  value: number;
  clears: Set<string>;
}

const keyOf = (f: Pick<Finding, 'rule' | 'table' | 'row' | 'column'>) => `${f.rule}|${f.table}|${f.row}|${f.column}`;
const cellKey = (c: CellRef) => `${c.table}|${c.row}|${c.column}`;

function isRelation(f: Finding): boolean {
  return f.table !== null && f.rule.startsWith(`${f.table}.`) && typeof f.expected === 'number'
    && typeof f.actual === 'number' && f.cells.length > 1;
}

/** The rules that read each table, for this report's format: what a trial re-runs. */
function rulesByTable(rules: readonly Rule[], report: Report): Map<TableKey, Rule[]> {
  const byTable = new Map<TableKey, Rule[]>();
  for (const rule of rules) {
    if (report.format !== null && !rule.formats.includes(report.format)) continue;
    const table = rule.id.split('.')[0] as TableKey;
    byTable.set(table, [...(byTable.get(table) ?? []), rule]);
  }
  return byTable;
}

function withValue(report: Report, cell: CellRef, value: number): Report {
  const table = report.tables[cell.table]!;
  const row = table[cell.row]!;
  return {
    ...report,
    tables: { ...report.tables, [cell.table]: { ...table, [cell.row]: { ...row, [cell.column]: { ...row[cell.column]!, value } } } },
  };
}

function allowed(report: Report, cell: CellRef, value: number): boolean {
  const kind = FORMATS[report.format ?? '2019'].tables[cell.table].columns.find((c) => c.key === cell.column)?.kind ?? 'count';
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

function trialFixes(report: Report, findings: Finding[], relations: Finding[], rules: readonly Rule[]): Fix[] {
  const before = new Set(findings.map(keyOf));
  const tableRules = rulesByTable(rules, report);
  /** The most findings a fix found so far clears, per finding it clears. */
  const best = new Map<string, number>();
  const fixes: Fix[] = [];
  let trials = 0;
  for (const { cell, involved } of candidates(relations)) {
    // A cell can clear at most the findings it is in: it cannot match a fix that already clears more.
    if (involved.every((f) => (best.get(keyOf(f)) ?? 0) > involved.length)) continue;
    const current = cellAt(report, cell.table, cell.row, cell.column)?.value;
    if (current === null || current === undefined) continue;
    const deltas = new Set(involved.flatMap((f) => [(f.expected as number) - (f.actual as number), (f.actual as number) - (f.expected as number)]));
    for (const delta of deltas) {
      const value = round(current + delta);
      if (!allowed(report, cell, value)) continue;
      if (++trials > MAX_TRIALS) return fixes;
      const changed = withValue(report, cell, value);
      const after = new Set((tableRules.get(cell.table) ?? []).flatMap((rule) => rule.check(changed)).map(keyOf));
      if ([...after].some((key) => !before.has(key))) continue; // it breaks something that held
      const clears = new Set(involved.map(keyOf).filter((key) => !after.has(key)));
      if (clears.size === 0) continue;
      fixes.push({ cell, value, clears });
      for (const key of clears) best.set(key, Math.max(best.get(key) ?? 0, clears.size));
    }
  }
  return fixes;
}

/** The findings with `suspect` (and the value that would make everything agree) where one cell stands out. */
export function nameSuspects(report: Report, findings: Finding[], rules: readonly Rule[]): Finding[] {
  const relations = findings.filter(isRelation);
  if (relations.length === 0) return findings;
  let fixes: Fix[];
  try {
    fixes = trialFixes(report, findings, relations, rules);
  } catch {
    return findings; // a rule failed on a changed report: no suspects rather than no findings
  }
  return findings.map((f) => {
    if (!isRelation(f)) return f;
    const key = keyOf(f);
    const explaining = fixes.filter((fix) => fix.clears.has(key));
    const best = Math.max(0, ...explaining.map((fix) => fix.clears.size));
    const top = explaining.filter((fix) => fix.clears.size === best);
    if (top.length === 0 || new Set(top.map((fix) => cellKey(fix.cell))).size !== 1) return f;
    return { ...f, suspect: top[0]!.cell, data: { ...f.data, suspectValue: top[0]!.value } };
  });
}
