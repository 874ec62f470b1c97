import type { CellRef } from '../model/finding';
import type { Report } from '../model/report';
import { statedIn, type Reading } from '../template/narrative';
import { inPageOrder, joinRunOnLines } from '../template/sections';
import { defineRule, finding } from './define';
import { round } from './helpers';

const MAX_BLOCK = 4000;

/** The cells a reading means in this report (`3.3.*` → the 3.3.x rows present), or null when one is missing. */
function cellsOf(report: Report, reading: Reading): CellRef[] | null {
  const out: CellRef[] = [];
  for (const cell of reading) {
    const table = report.tables[cell.table] ?? {};
    const rows = cell.row.endsWith('.*') ? Object.keys(table).filter((row) => row.startsWith(cell.row.slice(0, -1))) : [cell.row];
    if (rows.length === 0 || rows.some((row) => !table[row]?.[cell.column])) return null;
    out.push(...rows.map((row) => ({ table: cell.table, row, column: cell.column })));
  }
  return out;
}

const APPLICANTS = ['natural', 'commercial', 'research', 'social', 'legal', 'other'];

/**
 * A cell's value as a reader of the table takes it: a 总计 left blank is the sum of its row (上海市
 * 人民政府办公厅 2019 left every result row's 总计 blank: its 予以公开 reads 272 from the columns, not 0;
 * the blank itself is applications.row-total's finding).
 */
function cellValue(report: Report, cell: CellRef): number | null {
  const row = report.tables[cell.table]?.[cell.row];
  const read = row?.[cell.column];
  if (!row || !read) return null;
  if (cell.table !== 'applications' || cell.column !== 'total' || (read.status !== 'empty' && read.status !== 'none-mark')) return read.value;
  const parts = APPLICANTS.map((column) => row[column]?.value);
  return parts.every((value) => typeof value === 'number') ? (parts as number[]).reduce((a, b) => a + b, 0) : null;
}

function valueOf(report: Report, cells: readonly CellRef[]): number | null {
  let sum = 0;
  for (const cell of cells) {
    const value = cellValue(report, cell);
    if (value === null) return null;
    sum += value;
  }
  return round(sum);
}

export default defineRule({
  id: 'narrative.mismatch',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    const findings = [];
    const seen = new Set<string>();
    // In page order, a PDF's printed lines joined where a sentence runs on (“…区政府办代表区政府受理政府” / “信息公开申请 17 件，…”).
    for (const block of joinRunOnLines(inPageOrder(report.texts))) {
      if (block.text.length > MAX_BLOCK || !/\d/.test(block.text)) continue;
      for (const stated of statedIn(block.text, report.year)) {
        const readings = stated.quantity.readings.map((reading) => cellsOf(report, reading)).filter((cells) => cells !== null);
        const values = readings.map((cells) => valueOf(report, cells));
        // No table value to compare, or one reading fits: not a finding.
        if (values.length === 0 || values.some((value) => value === null || value === stated.value)) continue;
        const key = `${stated.quantity.term}\u0000${stated.sentence}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(finding('narrative.mismatch', 'warning', {
          table: stated.quantity.table, row: stated.quantity.row, column: readings[0]!.length === 1 ? readings[0]![0]!.column : 'total',
          cells: readings[0], expected: values[0], actual: stated.value, text: stated.sentence, src: block.src,
          data: { quantity: stated.quantity.term },
        }));
      }
    }
    return findings;
  },
});
