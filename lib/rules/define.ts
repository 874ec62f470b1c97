import type { CellRef, Finding, Severity } from '../model/finding';
import type { Format, Report, TableKey } from '../model/report';

/**
 * The relationships (勾稽关系) a run of the rules checked and found failing, counted by the rules as
 * they check: the popup's and the memo's “N 项勾稽关系中 M 项不符” is this, never a second walk.
 */
export interface RelationTally {
  checked: number;
  failed: number;
}

export interface Rule {
  id: string;
  severity: Severity;
  formats: readonly Format[];
  /** Extra ids this module reports (one classification pass that yields several ids). */
  emits?: readonly string[];
  /** `tally`: where a relationship rule counts what it checked (the rule runner passes it). */
  check(report: Report, tally?: RelationTally): Finding[];
}

export function defineRule<const R extends Rule>(rule: R): R {
  return rule;
}

export interface FindingFields {
  table?: TableKey | null;
  row?: string | null;
  column?: string | null;
  cells?: CellRef[];
  expected?: number | string | null;
  actual?: number | string | null;
  text?: string | null;
  suspect?: CellRef;
  data?: Record<string, string | number>;
  src?: number | null;
}

export function finding(rule: string, severity: Severity, fields: FindingFields): Finding {
  const result: Finding = {
    rule,
    severity,
    table: fields.table ?? null,
    row: fields.row ?? null,
    column: fields.column ?? null,
    cells: fields.cells ?? [],
    expected: fields.expected ?? null,
    actual: fields.actual ?? null,
    text: fields.text ?? null,
    src: fields.src ?? null,
  };
  if (fields.suspect) result.suspect = fields.suspect;
  if (fields.data) result.data = fields.data;
  return result;
}
