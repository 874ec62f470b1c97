import type { Lang } from '../i18n/lang';
import type { RenderedFinding } from '../model/finding';
import type { Format, TableKey } from '../model/report';
import { formatDef, tableDef, valueRows } from '../template/model';
import { TABLE_KEYS } from '../model/report';
import type { AuditResult } from '../model/result';
import { findingKey, reviewLabel, type ReviewBook } from '../review/state';
import { neutralize } from './csv';
import { findingHeader, findingRows, FINDING_COLUMNS } from './findings';
import { tableLayout, type LayoutRow, type LayoutSource } from './layout';
import { BORDER, displayWidth, HEADER_FILL, heightFor, linesIn, setPage, shapeList } from './sheet';
import { isBlankFinding } from '../present/counts';
import { t } from '../i18n/ui';
import type { Worksheet } from 'exceljs';

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

type Placed = ReturnType<typeof placeRows>[number];

/** Widest a column may grow for one cell's text (beyond, it wraps): a row label, a header, a label standing for a group of rows, a number. */
function capOf(cell: LayoutRow[number]): number {
  if (cell.kind === 'value') return 14;
  if (cell.kind === 'header') return 12;
  return (cell.rowspan ?? 1) > 1 ? 10 : 36;
}

/** Column widths from the cells that sit in one column only; merged cells take the sum of theirs. */
function widthsOf(placed: readonly Placed[], columns: number): number[] {
  const widths = Array.from({ length: columns }, () => 8);
  for (const { col, cell } of placed) {
    if ((cell.colspan ?? 1) > 1) continue;
    widths[col] = Math.max(widths[col]!, Math.min(capOf(cell), displayWidth(cell.text) + 2));
  }
  return widths;
}

/** Row heights tall enough for every cell's wrapped lines, a merged cell's spread over the rows it spans. */
function heightsOf(placed: readonly Placed[], widths: readonly number[], rows: number): number[] {
  const width = (p: Placed) => widths.slice(p.col, p.col + (p.cell.colspan ?? 1)).reduce((a, b) => a + b, 0);
  const heights = Array.from({ length: rows }, () => heightFor(1));
  for (const p of placed) {
    if ((p.cell.rowspan ?? 1) === 1) heights[p.row] = Math.max(heights[p.row]!, heightFor(linesIn(p.cell.text, width(p))));
  }
  for (const p of placed) {
    const span = p.cell.rowspan ?? 1;
    if (span === 1) continue;
    const have = heights.slice(p.row, p.row + span).reduce((a, b) => a + b, 0);
    const need = heightFor(linesIn(p.cell.text, width(p)));
    if (need > have) heights[p.row + span - 1]! += need - have;
  }
  return heights;
}

/** The rows at the top that are all header, and the label columns at the left: frozen on screen, repeated in print. */
function frozenOf(format: Format, table: TableKey): { headerRows: number; labelColumns: number } {
  const layout = tableDef(format, table).layout;
  if (layout.kind === 'rows') return { headerRows: layout.header.length, labelColumns: layout.labelColumns };
  if (layout.kind === 'flat') return { headerRows: layout.header.length, labelColumns: 0 };
  // Each section of the active table has its own header: only the label column stays in view.
  return { headerRows: 0, labelColumns: 1 };
}

/** What the fills mean, under the table: blank cells are plain, and the legend says so. */
function addLegend(sheet: Worksheet, firstRow: number, lastColumn: number, lang: Lang): number {
  const entries: [string, string | null][] = [
    [t(lang, 'legendError'), FILL.error], [t(lang, 'legendWarning'), FILL.warning], [t(lang, 'legendInfo'), FILL.info], [t(lang, 'legendBlank'), null],
  ];
  sheet.getCell(firstRow, 1).value = t(lang, 'legend');
  sheet.getCell(firstRow, 1).font = { bold: true };
  sheet.getRow(firstRow).height = heightFor(1);
  const width = Array.from({ length: lastColumn - 1 }, (_, i) => sheet.getColumn(i + 2).width ?? 9).reduce((a, b) => a + b, 0);
  entries.forEach(([text, fill], i) => {
    const r = firstRow + 1 + i;
    const swatch = sheet.getCell(r, 1);
    swatch.border = BORDER;
    if (fill) swatch.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    if (lastColumn > 2) sheet.mergeCells(r, 2, r, lastColumn);
    const label = sheet.getCell(r, 2);
    label.value = text;
    label.alignment = { wrapText: true, vertical: 'middle' };
    sheet.getRow(r).height = heightFor(linesIn(text, width));
  });
  return firstRow + entries.length;
}

/**
 * The workbook: one sheet per table laid out like the template (merged headers, template row
 * order, numbers as numbers), sized for reading and printing (lib/export/sheet.ts); cells with
 * findings filled red or amber with the message as a note, blank cells plain (their findings are on
 * the list), a legend under each table, and a sheet listing the findings. ExcelJS is loaded only when this runs.
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
    const placed = placeRows(tableLayout(table, source));
    const columns = Math.max(1, ...placed.map((p) => p.col + (p.cell.colspan ?? 1)));
    const rows = Math.max(0, ...placed.map((p) => p.row + (p.cell.rowspan ?? 1)));
    const widths = widthsOf(placed, columns);
    widths.forEach((width, i) => { sheet.getColumn(i + 1).width = width; });
    heightsOf(placed, widths, rows).forEach((height, i) => { sheet.getRow(i + 1).height = height; });
    for (const { row, col, cell } of placed) {
      const target = sheet.getCell(row + 1, col + 1);
      target.value = typeof cell.value === 'number' ? cell.value : cell.text ? neutralize(cell.text) : null;
      const unit = cell.ref ? result.units?.[cell.ref.table]?.[cell.ref.row]?.[cell.ref.column] : undefined;
      // The unit written beside a money figure (251000元) stays beside it: a number format, so the value stays a number.
      if (unit && typeof cell.value === 'number') target.numFmt = `General"${unit.replace(/"/g, '')}"`;
      target.alignment = { wrapText: true, vertical: 'middle', horizontal: cell.kind === 'value' ? 'right' : cell.kind === 'label' ? 'left' : 'center' };
      target.border = BORDER;
      if (cell.kind === 'header') {
        target.font = { bold: true };
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      }
      if ((cell.rowspan ?? 1) > 1 || (cell.colspan ?? 1) > 1) {
        sheet.mergeCells(row + 1, col + 1, row + (cell.rowspan ?? 1), col + (cell.colspan ?? 1));
      }
      const found = cell.ref ? findingsAt.get(`${cell.ref.table}/${cell.ref.row}/${cell.ref.column}`) : undefined;
      if (found?.length) {
        // A blank cell's only finding is that it was read as 0: it stays plain (issue 23: every blank painted amber hid the real problems).
        const marked = found.filter((f) => !isBlankFinding(f));
        if (marked.length) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[worst(marked)] } };
        target.note = found.map((f) => {
          const review = reviews[findingKey(f)];
          return review ? `${f.message}〔${[reviewLabel(review.status, lang), review.note].filter(Boolean).join('：')}〕` : f.message;
        }).join('\n');
      }
    }
    const last = addLegend(sheet, rows + 2, columns, lang);
    setPage(sheet, { ...frozenOf(source.format, table), onePage: true, lastRow: last, lastColumn: columns });
  }

  const list = workbook.addWorksheet(SHEETS[lang].findings);
  // The report this list is about, on one line over the whole width (separate cells would spill into each other).
  list.addRow([neutralize([result.title ?? result.agency ?? '', result.source].filter(Boolean).join('　'))]);
  list.getRow(1).font = { bold: true };
  list.addRow(findingHeader(lang));
  for (const row of findingRows(result, lang, reviews)) {
    list.addRow(FINDING_COLUMNS.map((key) => {
      const value = row[key];
      return typeof value === 'number' ? value : neutralize(String(value ?? ''));
    }));
  }
  shapeList(list, FINDING_COLUMNS.map((key) => ({ max: FINDING_WIDTHS[key] })), 2);
  list.mergeCells(1, 1, 1, FINDING_COLUMNS.length);
  list.getCell(1, 1).alignment = { wrapText: true, vertical: 'middle' };
  list.getRow(1).height = heightFor(2);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** How wide each column of the findings list may grow: the message most, short words least. */
const FINDING_WIDTHS: Record<(typeof FINDING_COLUMNS)[number], number> = {
  rule: 16, ruleTitle: 18, severity: 8, table: 18, row: 20, column: 14, expected: 8, actual: 8, text: 20, message: 50, cause: 28, review: 10, note: 20,
};
