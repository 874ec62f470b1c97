/**
 * An independent statement of what the error findings of a generated report must be, computed
 * from the report data alone (no extraction, no template matching): the property tests compare
 * the auditor's error findings with it.
 */
import { ACTIVE_COLUMNS, APPEAL_COLUMNS, APPEAL_ROWS, APPLICATION_COLUMNS, applicationRows, getCell, type ReportData, type Value } from './report-data';

const PLACEHOLDERS = ['左栏所有总计', '项目数量', '同上'];
const BLANKS = ['', '无', '—', '/'];

/** 0 for blanks, the number for numbers, null for text. */
function read(value: Value): number | null {
  if (typeof value === 'number') return value;
  if (BLANKS.includes(value.trim())) return 0;
  // Template text with a number after it: the number is used (rules.md).
  const trailing = /(\d+)$/.exec(value);
  return PLACEHOLDERS.some((p) => value.includes(p)) && trailing ? Number(trailing[1]) : null;
}

function cellError(table: string, row: string, column: string, value: Value, money: boolean): string | null {
  if (typeof value === 'number' || BLANKS.includes(value.trim())) return null;
  if (PLACEHOLDERS.some((p) => value.includes(p))) return `cell.placeholder ${table} ${row} ${column}`;
  return money ? `active.money ${table} ${row} ${column}` : `cell.not-a-number ${table} ${row} ${column}`;
}

export function expectedErrors(data: ReportData): string[] {
  const out: string[] = [];
  const sum = (values: (number | null)[]) => (values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0));
  for (const [row, columns] of Object.entries(ACTIVE_COLUMNS[data.format])) {
    for (const column of columns) {
      const error = cellError('active', row, column, getCell(data, 'active', row, column), column === 'amount');
      if (error) out.push(error);
    }
  }
  const rows = applicationRows(data.other);
  const at = (row: string, column: string) => read(getCell(data, 'applications', row, column));
  for (const row of rows) {
    for (const column of APPLICATION_COLUMNS) {
      const error = cellError('applications', row, column, getCell(data, 'applications', row, column), false);
      if (error) out.push(error);
    }
    const parts = sum(APPLICATION_COLUMNS.slice(0, 6).map((c) => at(row, c)));
    const total = at(row, 'total');
    if (parts !== null && total !== null && parts !== total) out.push(`applications.row-total applications ${row} total`);
  }
  const leaves = rows.filter((row) => row.startsWith('3.') && row !== '3.7');
  for (const column of APPLICATION_COLUMNS) {
    const results = sum(leaves.map((row) => at(row, column)));
    const total = at('3.7', column);
    if (results !== null && total !== null && results !== total) out.push(`applications.results-total applications 3.7 ${column}`);
    const left = sum([at('1', column), at('2', column)]);
    const right = sum([at('3.7', column), at('4', column)]);
    if (left !== null && right !== null && left !== right) out.push(`applications.balance applications 3.7 ${column}`);
  }
  for (const row of APPEAL_ROWS) {
    for (const column of APPEAL_COLUMNS) {
      const error = cellError('appeals', row, column, getCell(data, 'appeals', row, column), false);
      if (error) out.push(error);
    }
    const parts = sum(APPEAL_COLUMNS.slice(0, 4).map((c) => read(getCell(data, 'appeals', row, c))));
    const total = read(getCell(data, 'appeals', row, 'total'));
    if (parts !== null && total !== null && parts !== total) out.push(`appeals.total appeals ${row} total`);
  }
  return out.sort();
}

/**
 * The info a report's numbers alone call for, flattened as `flatten` writes findings: appeals.corrected
 * when a 结果纠正 of table 四 is above 0 (a consistent report gets it as well; it reports no mistake).
 */
export function expectedNotes(data: ReportData): string[] {
  const corrected = APPEAL_ROWS.reduce((sum, row) => sum + (read(getCell(data, 'appeals', row, 'corrected')) ?? 0), 0);
  return corrected > 0 ? [`appeals.corrected appeals - corrected - ${corrected}`] : [];
}
