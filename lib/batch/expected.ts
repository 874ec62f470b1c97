/**
 * 应报清单: the units that must publish, against what a column holds. In January a city's or a
 * county's 政务公开办 checks every unit under it; units that published nothing, published late or
 * published under the wrong year are the first thing it reports, and a unit that published nothing
 * never shows in a batch of what was published. Names are joined as the batch joins them
 * (lib/facts/agency.ts, lib/batch/pair.ts: 县教育局 is 测试县教育局, a 办公室 stays its own unit);
 * the deadline is the one deadline (lib/facts/deadline.ts), told the unit's kind by the list.
 */
import * as z from 'zod/mini';
import { agencyFromText } from '../facts/agency';
import type { PreviousReport } from '../model/report';
import { agencyGroups } from './pair';
import type { BatchRow } from './row';

export const unitKindSchema = z.enum(['department', 'government', 'township']);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const expectedUnitSchema = z.object({ name: z.string(), kind: z.nullable(unitKindSchema) });
export type ExpectedUnit = z.infer<typeof expectedUnitSchema>;

export const unitStatusSchema = z.enum([
  'on-time', // its report for the year is in the column, published by the deadline
  'late', // published after the deadline
  'undated', // published, but no date to judge the deadline by
  'attachment', // its report is an attachment no reader could read
  'not-report', // a link of the column names it, but what it leads to is not a report
  'unreadable', // a link names it, but the page or file could not be fetched or read
  'other-year', // found only under another year's title
  'missing', // nothing of it in the column
  'unlisted', // a report in the column of a unit the list does not name
]);
export type UnitStatus = z.infer<typeof unitStatusSchema>;

/** One unit of the list as the column shows it. */
export const unitResultSchema = z.object({
  name: z.string(),
  kind: z.nullable(unitKindSchema),
  status: unitStatusSchema,
  /** The row of the batch that decided it (its index), and what that row says. */
  row: z.nullable(z.number()),
  agency: z.nullable(z.string()),
  source: z.nullable(z.string()),
  year: z.nullable(z.number()),
  publishedAt: z.nullable(z.string()),
  /** The attachment the report was read from, when it was read from one. */
  attachment: z.nullable(z.string()),
  /** The years it was found under instead (other-year). */
  otherYears: z.array(z.number()),
});
export type UnitResult = z.infer<typeof unitResultSchema>;

/** The 应报清单 of a batch: the year it is checked for and each unit's status. */
export const expectedCheckSchema = z.object({ year: z.number(), units: z.array(unitResultSchema) });
export type ExpectedCheck = z.infer<typeof expectedCheckSchema>;

/** The kind a list writes (部门 / 人民政府 / 街道乡镇 and their usual variants), or null. */
export function kindOf(text: string | null | undefined): UnitKind | null {
  const value = (text ?? '').replace(/\s+/g, '');
  if (!value) return null;
  if (/街道|乡镇|^[镇乡]$|township|street/i.test(value)) return 'township';
  if (/人民政府|^政府$|government/i.test(value)) return 'government';
  if (/部门|单位|department/i.test(value)) return 'department';
  return null;
}

/** The kind the deadline takes from a list's kind: 街道乡镇 answer to local rules, so the name decides for them. */
export function listedKind(kind: UnitKind | null): 'department' | 'government' | undefined {
  return kind === 'department' || kind === 'government' ? kind : undefined;
}

const NAME_HEADER = /单位|名称|机关|部门名称|主体|^name$|^unit|agency/i;
const KIND_HEADER = /类型|类别|性质|层级|^kind$|^type$/i;

/**
 * The units of a table read from a CSV or a sheet: a header row naming the name column (单位名称, 机关 …)
 * and optionally the kind column (类型); without one, names in the first column and kinds in the second
 * where it holds kinds. Blank lines, repeated names and a 序号 column are skipped.
 */
export function unitsFromTable(table: readonly (readonly string[])[]): ExpectedUnit[] {
  const rows = table.map((row) => row.map((cell) => String(cell ?? '').replace(/[\s\u3000]+/g, ' ').trim())).filter((row) => row.some(Boolean));
  if (rows.length === 0) return [];
  const header = rows[0]!;
  let nameAt = header.findIndex((cell) => NAME_HEADER.test(cell) && !KIND_HEADER.test(cell));
  let kindAt = header.findIndex((cell) => KIND_HEADER.test(cell));
  const body = nameAt >= 0 ? rows.slice(1) : rows;
  if (nameAt < 0) {
    // No header: the first column that is not a 序号 holds names; the next holds kinds if its cells are kinds.
    nameAt = Math.max(0, header.findIndex((cell) => !/^\d+$/.test(cell)));
    kindAt = body.every((row) => !row[nameAt + 1] || kindOf(row[nameAt + 1]) !== null) ? nameAt + 1 : -1;
  }
  const seen = new Set<string>();
  const units: ExpectedUnit[] = [];
  for (const row of body) {
    const name = (row[nameAt] ?? '').replace(/\s+/g, '');
    if (name.length < 2 || seen.has(name)) continue;
    seen.add(name);
    units.push({ name, kind: kindAt >= 0 ? kindOf(row[kindAt]) : null });
  }
  return units;
}

/** A CSV's cells: commas (or tabs, or semicolons, whichever the first line uses), quoted fields with "" inside. */
export function csvCells(text: string): string[][] {
  const clean = text.replace(/^\ufeff/, '');
  const first = clean.split(/\r?\n/, 1)[0] ?? '';
  const separator = [',', '\t', ';', '，'].sort((a, b) => first.split(b).length - first.split(a).length)[0]!;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < clean.length; i += 1) {
    const c = clean[i]!;
    if (quoted) {
      if (c === '"' && clean[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && clean[i + 1] === '\n') i += 1;
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** The name a row of the batch goes by: its report's agency, else the one its link text names. */
function rowAgency(row: Pick<BatchRow, 'agency' | 'linkText'>): string | null {
  return row.agency ?? agencyFromText(row.linkText);
}

/** The year a row stands for: its report's, else the one its link text names (a page that is not a report has none of its own). */
function rowYear(row: Pick<BatchRow, 'year' | 'linkText'>): number | null {
  if (row.year !== null) return row.year;
  const named = row.linkText ? /((?:19|20)\d{2})\s*年/.exec(row.linkText)?.[1] : undefined;
  return named ? Number(named) : null;
}

/**
 * Which unit of the list each named item is (or null), by the batch's agency joining: the list's names
 * and the items' names grouped together, so a short name joins the one longer name it abbreviates.
 */
export function unitOfEach(units: readonly ExpectedUnit[], agencies: readonly (string | null)[]): (number | null)[] {
  const groups = agencyGroups([...units.map((unit) => ({ agency: unit.name, year: null })), ...agencies.map((agency) => ({ agency, year: null }))]);
  const byGroup = new Map<string, number>();
  units.forEach((_, u) => {
    const group = groups[u];
    if (group && !byGroup.has(group)) byGroup.set(group, u);
  });
  return agencies.map((_, i) => {
    const group = groups[units.length + i];
    return group ? (byGroup.get(group) ?? null) : null;
  });
}

/** The year a column is checked for: the year most of its reports are on (the latest on a tie). */
export function columnYear(rows: readonly Pick<BatchRow, 'status' | 'year'>[]): number | null {
  const counts = new Map<number, number>();
  for (const row of rows) if (row.status === 'audited' && row.year !== null) counts.set(row.year, (counts.get(row.year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/** “Last year's column as the list”: every unit with a report on the year before, in the batch or remembered. */
export function lastYearUnits(rows: readonly BatchRow[], year: number, known: readonly PreviousReport[] = []): ExpectedUnit[] {
  const names = [
    ...rows.filter((row) => row.status === 'audited' && row.year === year - 1).map(rowAgency),
    ...known.filter((report) => report.year === year - 1).map((report) => report.agency),
  ].filter((name): name is string => !!name);
  const groups = agencyGroups(names.map((agency) => ({ agency, year: null })));
  return names.filter((_, i) => groups.indexOf(groups[i]!) === i).map((name) => ({ name, kind: null }));
}

/**
 * A list (or 'last-year') checked against a batch's rows for `year`, by default the year most of its
 * reports are on ('last-year': the latest, the list being the units of the year before); null when
 * the batch holds no report to tell the year by.
 */
export function checkList(list: readonly ExpectedUnit[] | 'last-year', rows: readonly BatchRow[], known: readonly PreviousReport[] = [], year?: number): ExpectedCheck | null {
  const years = rows.filter((row) => row.status === 'audited' && row.year !== null).map((row) => row.year!);
  const checked = year ?? (list === 'last-year' ? (years.length ? Math.max(...years) : null) : columnYear(rows));
  if (checked === null) return null;
  if (list === 'last-year') return checkExpected(lastYearUnits(rows, checked, known), rows, checked, checked - 1);
  return checkExpected(list, rows, checked);
}

const WORST: readonly RowStatusOrder[] = ['audited', 'attachment', 'not-report', 'fetch-failed', 'unreadable', 'stopped'];
type RowStatusOrder = BatchRow['status'];

/**
 * Each unit of the list as the column shows it for `year`, then the column's reports of units the list
 * does not name. `listYear`: the year whose reports made the list (last year's column), which is then
 * no “other year” of a unit missing this one.
 */
export function checkExpected(units: readonly ExpectedUnit[], rows: readonly BatchRow[], year: number, listYear: number | null = null): ExpectedCheck {
  const unitOf = unitOfEach(units, rows.map(rowAgency));
  const results: UnitResult[] = units.map((unit, u) => {
    const mine = rows.filter((_, i) => unitOf[i] === u);
    const thisYear = mine.filter((row) => rowYear(row) === year || (row.status !== 'audited' && rowYear(row) === null));
    const best = [...thisYear].sort((a, b) => WORST.indexOf(a.status) - WORST.indexOf(b.status))[0];
    const otherYears = [...new Set(mine.filter((row) => row.status === 'audited' && row.year !== null && row.year !== year && row.year !== listYear).map((row) => row.year!))].sort();
    if (!best) return resultOf(unit, otherYears.length ? 'other-year' : 'missing', null, otherYears);
    return resultOf(unit, statusOf(best), best, otherYears);
  });
  const unlisted = rows.filter((row, i) => row.status === 'audited' && row.year === year && unitOf[i] === null);
  const seen = agencyGroups(unlisted.map((row) => ({ agency: rowAgency(row), year: null })));
  unlisted.forEach((row, k) => {
    if (seen.indexOf(seen[k]!) === k || seen[k] === null) results.push(resultOf({ name: rowAgency(row) ?? row.source, kind: null }, 'unlisted', row, []));
  });
  return { year, units: results };
}

function statusOf(row: BatchRow): UnitStatus {
  switch (row.status) {
    case 'audited':
      return row.deadline === 'missed' ? 'late' : row.deadline === 'kept' ? 'on-time' : 'undated';
    case 'attachment':
      return 'attachment';
    case 'not-report':
      return 'not-report';
    default:
      return 'unreadable';
  }
}

function resultOf(unit: ExpectedUnit, status: UnitStatus, row: BatchRow | null | undefined, otherYears: number[]): UnitResult {
  // An audited row whose reason is an address was read from that attachment (lib/input/prepare.ts).
  const attachment = row && /^https?:\/\//.test(row.reason ?? '') ? row.reason!.replace(/:\s.*$/, '') : null;
  return {
    name: unit.name, kind: unit.kind, status, row: row?.index ?? null, agency: row ? rowAgency(row) : null, source: row?.source ?? null,
    year: row ? rowYear(row) : null, publishedAt: row?.publishedAt ?? null, attachment, otherYears,
  };
}
