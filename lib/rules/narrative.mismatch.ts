import type { CellRef } from '../model/finding';
import type { Report } from '../model/report';
import { clausesOf, INCLUDES_MARK, NARRATIVE_QUANTITIES, OTHER_READING, yearsIn, type NarrativeQuantity, type Reading } from '../template/narrative';
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

function valueOf(report: Report, cells: readonly CellRef[]): number | null {
  let sum = 0;
  for (const cell of cells) {
    const value = report.tables[cell.table]?.[cell.row]?.[cell.column]?.value;
    if (value === null || value === undefined) return null;
    sum += value;
  }
  return round(sum);
}

interface Stated {
  quantity: NarrativeQuantity;
  value: number;
  sentence: string;
}

/** Numbers the prose states for table quantities, where the clause can be read one way only. */
function statedIn(report: Report, text: string): Stated[] {
  const out: Stated[] = [];
  for (const { sentence, clauses } of clausesOf(text)) {
    const otherYears = yearsIn(sentence).filter((year) => year !== report.year);
    let nfkc: string | undefined; // the sentence as `about` reads it: made once, when first asked for
    for (const clause of clauses) {
      if (OTHER_READING.test(clause)) continue;
      for (const quantity of NARRATIVE_QUANTITIES) {
        // “不予公开2件（含不予处理）” counts two rows at once.
        if (clause.includes(INCLUDES_MARK) && !quantity.includes) continue;
        if (quantity.unless?.test(clause) || (quantity.about && !quantity.about.test((nfkc ??= sentence.normalize('NFKC'))))) continue;
        if (otherYears.some((year) => !(quantity.nextYear && year === (report.year ?? 0) + 1))) continue;
        const match = quantity.pattern.exec(clause);
        if (match?.[1]) out.push({ quantity, value: Number(match[1].replace(/,/g, '')), sentence });
      }
    }
  }
  return out;
}

export default defineRule({
  id: 'narrative.mismatch',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    const findings = [];
    const seen = new Set<string>();
    for (const block of report.texts) {
      if (block.text.length > MAX_BLOCK || !/\d/.test(block.text)) continue;
      for (const stated of statedIn(report, block.text)) {
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
