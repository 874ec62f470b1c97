/**
 * Findings with one cause, grouped: a column left blank (or all 0) breaks every relationship it takes
 * part in, and one mistyped cell breaks its row, its column and the balance. The rules still report
 * each relationship (rules.md); this only groups them for reading, in the list, the exports and the CLI.
 */
import { columnName, rowName, tableName } from '../i18n/labels';
import { swapData } from '../i18n/render';
import type { Lang } from '../i18n/lang';
import { t } from '../i18n/ui';
import type { CellRef, Finding, Severity, Swap } from '../model/finding';
import type { Format, TableKey } from '../model/report';
import type { AuditResult } from '../model/result';
import { isBlankFinding } from './blanks';

export type CauseKind = 'column' | 'swap' | 'suspect' | 'blank' | 'single';

export interface CauseGroup {
  kind: CauseKind;
  severity: Severity;
  table: TableKey | null;
  /** The blank or zero column (`column`), the blank cells' table (`blank`). */
  column?: string;
  /** Whether the column is blank (true) or all 0 (false). */
  blank?: boolean;
  /** The likely culprit (`suspect`) and the value that would make everything agree. */
  cell?: CellRef;
  /** The two-cell misbooking that explains every finding of the group (`swap`). */
  swap?: Swap;
  value?: number;
  /** Indexes into the findings list, in list order. */
  indexes: number[];
}

type Groupable = Pick<Finding, 'rule' | 'severity' | 'table' | 'row' | 'column' | 'cells' | 'suspect' | 'data'>;
type Tables = Pick<AuditResult, 'tables' | 'raw'>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Columns of a table where every cell reads as 0 or blank: `true` when the page left them blank, `false` all 0. */
function deadColumns(result: Tables, table: TableKey): Map<string, boolean> {
  const rows = Object.entries(result.tables[table] ?? {});
  const columns = new Set(rows.flatMap(([, row]) => Object.keys(row)));
  const dead = new Map<string, boolean>();
  for (const column of columns) {
    // No raw text kept means the cell was a plain number (output.md); a blank cell keeps its raw ''.
    const cells = rows.filter(([, row]) => column in row).map(([key, row]) => ({ value: row[column], raw: result.raw[table]?.[key]?.[column] }));
    if (cells.length < 2 || !cells.every((c) => c.value === null || c.value === 0)) continue;
    dead.set(column, cells.every((c) => c.value === null || (c.raw !== undefined && c.raw.trim() === '')));
  }
  return dead;
}

const isRelation = (f: Groupable) => f.table !== null && f.cells.length > 1 && !isBlankFinding(f);
const cellKey = (c: CellRef) => `${c.table}|${c.row}|${c.column}`;

/** Groups in reading order: the worst severity first, then where the group's first finding stands. */
export function groupByCause(findings: readonly Groupable[], result: Tables): CauseGroup[] {
  const taken = new Set<number>();
  const groups: CauseGroup[] = [];
  const add = (group: Omit<CauseGroup, 'severity'>) => {
    for (const index of group.indexes) taken.add(index);
    const severity = group.indexes.map((i) => findings[i]!.severity).sort((a, b) => RANK[a] - RANK[b])[0]!;
    groups.push({ ...group, severity });
  };
  const indexed = findings.map((finding, index) => ({ finding, index }));

  for (const table of ['active', 'applications', 'appeals'] as const) {
    for (const [column, blank] of deadColumns(result, table)) {
      const indexes = indexed.filter(({ finding: f, index }) => !taken.has(index) && f.table === table && isRelation(f)
        && (f.column === column || f.suspect?.column === column)).map(({ index }) => index);
      if (indexes.length >= 2) add({ kind: 'column', table, column, blank, indexes });
    }
  }

  const bySwap = new Map<string, number[]>();
  for (const { finding, index } of indexed) {
    const swap = finding.data?.swap;
    if (taken.has(index) || typeof swap !== 'object' || !isRelation(finding)) continue;
    bySwap.set(JSON.stringify(swap), [...(bySwap.get(JSON.stringify(swap)) ?? []), index]);
  }
  for (const indexes of bySwap.values()) {
    const swap = findings[indexes[0]!]!.data!.swap as Swap;
    add({ kind: 'swap', table: swap.from.table, swap, indexes });
  }

  const bySuspect = new Map<string, number[]>();
  for (const { finding, index } of indexed) {
    if (taken.has(index) || !finding.suspect || !isRelation(finding)) continue;
    const key = cellKey(finding.suspect);
    bySuspect.set(key, [...(bySuspect.get(key) ?? []), index]);
  }
  for (const indexes of bySuspect.values()) {
    if (indexes.length < 2) continue;
    const first = findings[indexes[0]!]!;
    const value = first.data?.suspectValue;
    add({ kind: 'suspect', table: first.suspect!.table, cell: first.suspect!, ...(typeof value === 'number' ? { value } : {}), indexes });
  }

  const blanks = new Map<TableKey, number[]>();
  for (const { finding, index } of indexed) {
    if (!taken.has(index) && finding.table && isBlankFinding(finding)) blanks.set(finding.table, [...(blanks.get(finding.table) ?? []), index]);
  }
  for (const [table, indexes] of blanks) add({ kind: 'blank', table, indexes });

  for (const { index } of indexed) if (!taken.has(index)) add({ kind: 'single', table: findings[index]!.table, indexes: [index] });

  return groups.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.indexes[0]! - b.indexes[0]!);
}

/** The group's one line (“「总计」列整列空白：11 条勾稽关系因此不符”); a single finding has none. */
export function causeTitle(group: CauseGroup, format: Format | null, lang: Lang): string | null {
  const f = format ?? '2019';
  const table = group.table ? tableName(lang, group.table) : '';
  switch (group.kind) {
    case 'column':
      return t(lang, group.blank ? 'causeBlankColumn' : 'causeZeroColumn', {
        table, column: columnName(lang, f, group.table!, group.column!), count: group.indexes.length,
      });
    case 'suspect':
      return t(lang, group.value === undefined ? 'causeSuspect' : 'causeSuspectValue', {
        table, row: rowName(lang, f, group.cell!.table, group.cell!.row), column: columnName(lang, f, group.cell!.table, group.cell!.column),
        value: group.value ?? '', count: group.indexes.length,
      });
    case 'swap': {
      const words = swapData(group.swap!, f, lang);
      return t(lang, 'causeSwap', { place: words.swapPlace!, amount: words.swapAmount!, from: words.swapFrom!, to: words.swapTo!, count: group.indexes.length });
    }
    case 'blank':
      return t(lang, 'causeBlanks', { table, count: group.indexes.length });
    case 'single':
      return null;
  }
}

/** For each finding index, the 1-based number of its cause group and that group's title (exports' “cause” column). */
export function causeOfEach(findings: readonly Groupable[], result: Tables, format: Format | null, lang: Lang): { group: number; title: string }[] {
  const out: { group: number; title: string }[] = findings.map(() => ({ group: 0, title: '' }));
  groupByCause(findings, result).forEach((group, n) => {
    const title = causeTitle(group, format, lang) ?? '';
    for (const index of group.indexes) out[index] = { group: n + 1, title };
  });
  return out;
}
