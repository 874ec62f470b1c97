/**
 * Report data for tests: the numbers of a report (consistent, or with chosen errors injected), as
 * plain values keyed exactly like the spec. Renderers turn it into every page shape real sites use.
 */
import type { Format } from '../../lib/model/report';
import { columnsByRow, FORMATS, valueRows } from '../../lib/template/model';

export type Value = number | string;

export interface ReportData {
  format: Format;
  title: string;
  /** The six part headings; null leaves a part out. */
  headings: (string | null)[];
  active: Record<string, Record<string, Value>>;
  applications: Record<string, Value[]>;
  appeals: Value[];
  /** Label text as the page writes it, where it differs from the template (typos, variants). */
  labels: Record<string, string>;
  /** （六）其他处理 as one row (2019) or three sub-rows (2021); real 2023 reports mix them. */
  other: 'single' | 'sub';
  published: string;
  /** Part 六's text as the report writes it, where the tests keep the real report's words (淮安市 2024's 信息处理费). */
  six?: string;
  /** Tables left out of the page, rows left out of their table ('applications/3.3.2'), rows the template lacks. */
  omit?: ('active' | 'applications' | 'appeals')[];
  dropRows?: string[];
  extraRows?: { table: 'active' | 'applications'; label: string; values: Value[] }[];
}

/** The template's keys, read from the format descriptions. */
const APPLICATIONS = FORMATS['2019'].tables.applications;
const APPEALS = FORMATS['2019'].tables.appeals;
const APPEAL_ROWS: readonly string[] = APPEALS.rows.map((row) => row.key);
const APPLICATION_COLUMNS: readonly string[] = APPLICATIONS.columns.map((column) => column.key);
const APPEAL_COLUMNS: readonly string[] = APPEALS.columns.map((column) => column.key);
export const ACTIVE_COLUMNS: Record<Format, Record<string, string[]>> = {
  '2019': columnsByRow(FORMATS['2019'].tables.active),
  '2021': columnsByRow(FORMATS['2021'].tables.active),
};

/** The applications rows with （六）其他处理 as one row, or as the three sub-rows accepted in its place. */
export function applicationRows(other: 'single' | 'sub'): string[] {
  return valueRows(APPLICATIONS, other === 'sub');
}

/** A small deterministic PRNG, so a failing case can be reproduced from its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

/** A consistent report: every total, balance and relationship holds. */
export function consistentReport(format: Format, seed = 1, options: Partial<Pick<ReportData, 'other'>> = {}): ReportData {
  const next = random(seed);
  const int = (max: number) => Math.floor(next() * (max + 1));
  const sparse = (max: number) => (next() < 0.6 ? 0 : int(max));
  const other = options.other ?? (format === '2021' ? 'sub' : 'single');
  const year = format === '2021' ? 2021 + int(3) : 2019 + int(1);

  const rows = applicationRows(other);
  const leaves = rows.filter((row) => row.startsWith('3.') && row !== '3.7');
  const applications: Record<string, Value[]> = Object.fromEntries(rows.map((row) => [row, [] as Value[]]));
  for (let column = 0; column < 6; column += 1) {
    let results = 0;
    for (const row of leaves) {
      const value = column === 0 ? sparse(40) : sparse(3);
      applications[row]!.push(value);
      results += value;
    }
    const carried = int(3);
    const previous = int(Math.min(3, results + carried));
    applications['3.7']!.push(results);
    applications['4']!.push(carried);
    applications['2']!.push(previous);
    applications['1']!.push(results + carried - previous);
  }
  for (const row of rows) applications[row]!.push((applications[row] as number[]).reduce((a, b) => a + b, 0));

  const appeals: Value[] = [];
  for (let group = 0; group < 3; group += 1) {
    const parts = [sparse(9), sparse(5), sparse(5), sparse(3)];
    appeals.push(...parts, parts.reduce((a, b) => a + b, 0));
  }

  const active: ReportData['active'] = {};
  if (format === '2019') {
    for (const row of ['1.regulations', '1.normative']) {
      const published = int(20);
      active[row] = { made: published + int(3), published, cumulative: published + int(300) };
    }
    for (const row of ['5.license', '5.other_services', '6.penalty', '6.enforcement']) {
      const previous = int(200);
      active[row] = { previous, change: int(previous + 20) - previous, decisions: int(5000) };
    }
    const previous = int(10);
    active['8.fees'] = { previous, change: int(previous) - previous };
    const projects = int(5);
    active['9.procurement'] = { projects, amount: projects === 0 ? 0 : Math.round(next() * 1e6) / 100 };
  } else {
    for (const row of ['1.regulations', '1.normative']) {
      const issued = int(10);
      const repealed = int(5);
      active[row] = { issued, repealed, in_force: Math.max(issued - repealed, 0) + int(50) };
    }
    for (const row of ['5.license', '6.penalty', '6.enforcement']) active[row] = { decisions: int(5000) };
    active['8.fees'] = { amount: Math.round(next() * 1e8) / 1e4 };
  }
  return {
    format,
    title: `测试市示例局${year}年政府信息公开工作年度报告`,
    headings: [...HEADINGS],
    active,
    applications,
    appeals,
    labels: {},
    other,
    published: `${year + 1}-01-2${int(8)}`,
  };
}

export function clone(data: ReportData): ReportData {
  return structuredClone(data);
}

/** Set one cell by its spec keys (table, row, column). */
export function setCell(data: ReportData, table: 'active' | 'applications' | 'appeals', row: string, column: string, value: Value): ReportData {
  if (table === 'active') data.active[row]![column] = value;
  else if (table === 'applications') data.applications[row]![APPLICATION_COLUMNS.indexOf(column)] = value;
  else data.appeals[APPEAL_ROWS.indexOf(row) * 5 + APPEAL_COLUMNS.indexOf(column)] = value;
  return data;
}

export function getCell(data: ReportData, table: 'active' | 'applications' | 'appeals', row: string, column: string): Value {
  if (table === 'active') return data.active[row]![column]!;
  if (table === 'applications') return data.applications[row]![APPLICATION_COLUMNS.indexOf(column)]!;
  return data.appeals[APPEAL_ROWS.indexOf(row) * 5 + APPEAL_COLUMNS.indexOf(column)]!;
}

export { APPLICATION_COLUMNS, APPEAL_COLUMNS, APPEAL_ROWS };

/** Every applications cell set to 0, so a test states exactly the numbers it is about. */
export function zeroApplications(data: ReportData): ReportData {
  for (const row of Object.keys(data.applications)) data.applications[row] = [0, 0, 0, 0, 0, 0, 0];
  return data;
}

/** Set a whole applications row from its six applicant counts; the total is their sum unless given. */
export function setRow(data: ReportData, row: string, parts: number[], total?: Value): ReportData {
  data.applications[row] = [...parts, total ?? parts.reduce((a, b) => a + b, 0)];
  return data;
}
