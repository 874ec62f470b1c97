import type { CellRef, Finding, Severity } from '../model/finding';
import type { Format, Report, TableKey } from '../model/report';

export interface Rule {
  id: string;
  severity: Severity;
  formats: readonly Format[];
  /** Extra ids this module reports (one classification pass that yields several ids). */
  emits?: readonly string[];
  check(report: Report): Finding[];
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
