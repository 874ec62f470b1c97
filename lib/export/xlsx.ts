import type { Lang } from '../i18n/render';
import type { RenderedFinding } from '../model/finding';
import type { Format, TableKey } from '../model/report';
import { formatDef, tableDef, valueRows } from '../template/model';
import { TABLE_KEYS } from '../model/report';
import type { AuditResult } from '../model/result';
import { findingKey, reviewLabel, type ReviewBook } from '../review/state';
import { neutralize } from './csv';
import { findingHeader, findingRows, FINDING_COLUMNS } from './findings';
import { tableLayout, type LayoutRow, type LayoutSource } from './layout';

const SHEETS: Record<Lang, Record<TableKey | 'findings', string>> = {
  zh: { active: '主动公开', applications: '依申请公开', appeals: '复议诉讼', findings: '问题清单' },
  en: { active: 'Active disclosure', applications: 'Applications', appeals: 'Appeals', findings: 'Findings' },
};
const FILL = { error: 'FFF4B6B6', warning: 'FFFFE08A', info: 'FFDDEBF7' } as const;

/** Place layout rows on a grid: the same rowspan/colspan algorithm as a browser's table. */
export function placeRows(rows: LayoutRow[]): { row: number; col: number; cell: LayoutRow[number] }[] {
  const taken: boolean[][] = [];
  const placed: { row: number; col: number; cell: LayoutRow[number] }[] = [];
  rows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (taken[r]?.[col]) col += 1;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr += 1) {
        for (let dc = 0; dc < (cell.colspan ?? 1); dc += 1) (taken[r + dr] ??= [])[col + dc] = true;
      }
      placed.push({ row: r, col, cell });
      col += cell.colspan ?? 1;
    }
  });
  return placed;
}

/** The template's rows, or the rows it accepts in their place (（六） as one row) where the page has those. */
function rowsOf(result: AuditResult, format: Format, table: TableKey): string[] {
  const present = (keys: string[]) => keys.filter((key) => result.tables[table]?.[key]).length;
  const def = tableDef(format, table);
  const [expected, alternative] = [valueRows(def), valueRows(def, true)];
  return present(alternative) > present(expected) ? alternative : expected;
}

function sourceOf(result: AuditResult): LayoutSource {
  const format = formatDef(result.format).format;
  return {
    format,
    rows: (table) => rowsOf(result, format, table),
    // A blank cell stays blank (its finding says it was read as 0); text the reader could not read stays text.
    value: (table, row, column) => {
      const raw = result.raw[table]?.[row]?.[column];
      const value = result.tables[table]?.[row]?.[column];
      if (value === undefined) return null;
      if (value === null || raw?.trim() === '') return raw?.trim() ? raw : null;
      return value;
    },
  };
}

function worst(findings: RenderedFinding[]): keyof typeof FILL {
  return findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
}

/**
 * The workbook: one sheet per table laid out like the template (merged headers, template row
 * order, numbers as numbers), cells with findings filled red or amber with the message as a note,
 * and a sheet listing the findings. ExcelJS is loaded only when this runs.
 */
export async function buildXlsx(result: AuditResult, lang: Lang, reviews: ReviewBook = {}): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '年报核查';
  const source = sourceOf(result);
  const findingsAt = new Map<string, RenderedFinding[]>();
  for (const finding of result.findings) {
    if (!finding.table || !finding.row || !finding.column) continue;
    const key = `${finding.table}/${finding.row}/${finding.column}`;
    findingsAt.set(key, [...(findingsAt.get(key) ?? []), finding]);
  }

  for (const table of TABLE_KEYS) {
    if (!result.tables[table]) continue;
    const sheet = workbook.addWorksheet(SHEETS[lang][table]);
    sheet.properties.defaultColWidth = 12;
    for (const { row, col, cell } of placeRows(tableLayout(table, source))) {
      const target = sheet.getCell(row + 1, col + 1);
      target.value = typeof cell.value === 'number' ? cell.value : cell.text ? neutralize(cell.text) : null;
      const unit = cell.ref ? result.units?.[cell.ref.table]?.[cell.ref.row]?.[cell.ref.column] : undefined;
      // The unit written beside a money figure (251000元) stays beside it: a number format, so the value stays a number.
      if (unit && typeof cell.value === 'number') target.numFmt = `General"${unit.replace(/"/g, '')}"`;
      target.alignment = { wrapText: true, vertical: 'middle', horizontal: cell.kind === 'value' ? 'right' : 'center' };
      target.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      if ((cell.rowspan ?? 1) > 1 || (cell.colspan ?? 1) > 1) {
        sheet.mergeCells(row + 1, col + 1, row + (cell.rowspan ?? 1), col + (cell.colspan ?? 1));
      }
      const found = cell.ref ? findingsAt.get(`${cell.ref.table}/${cell.ref.row}/${cell.ref.column}`) : undefined;
      if (found?.length) {
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[worst(found)] } };
        target.note = found.map((f) => {
          const review = reviews[findingKey(f)];
          return review ? `${f.message}〔${[reviewLabel(review.status, lang), review.note].filter(Boolean).join('：')}〕` : f.message;
        }).join('\n');
      }
    }
  }

  const list = workbook.addWorksheet(SHEETS[lang].findings);
  list.addRow([result.title ?? '', result.agency ?? '', result.year ?? '', result.format ?? '', result.source].map((v) => (typeof v === 'number' ? v : neutralize(v))));
  list.addRow(findingHeader(lang));
  for (const row of findingRows(result, lang, reviews)) {
    list.addRow(FINDING_COLUMNS.map((key) => {
      const value = row[key];
      return typeof value === 'number' ? value : neutralize(String(value ?? ''));
    }));
  }
  list.getColumn(FINDING_COLUMNS.indexOf('message') + 1).width = 80;
  list.getColumn(FINDING_COLUMNS.indexOf('cause') + 1).width = 40;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
