/**
 * The workbooks read back as a spreadsheet program reads them: widths, wrapped labels, row heights,
 * frozen header rows, print area and page setup, blank cells plain with a legend (issue 23: the
 * template sheets had no widths or heights, so row labels overlapped, and every blank cell was amber).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyRow, type BatchRow } from '../../../lib/batch/row';
import { displayWidth, heightFor, linesIn } from '../../../lib/export/sheet';
import { summaryXlsx } from '../../../lib/export/summary';
import { buildXlsx } from '../../../lib/export/xlsx';
import { auditShape } from '../../support/audit';
import { blankTotalReport } from '../../e2e/workspace-pages';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

/** Each merged range's master cell address → its extent. */
function merges(sheet: ExcelJS.Worksheet): Map<string, { top: number; left: number; bottom: number; right: number }> {
  const out = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const range of (sheet.model as { merges?: string[] }).merges ?? []) {
    const [from, to] = range.split(':').map((ref) => sheet.getCell(ref!));
    out.set(from!.address, { top: Number(from!.row), left: Number(from!.col), bottom: Number(to!.row), right: Number(to!.col) });
  }
  return out;
}

/** Text cells whose wrapped lines do not fit the height of the rows they span, at the width of the columns they span. */
function overflowing(sheet: ExcelJS.Worksheet): string[] {
  const merged = merges(sheet);
  const out: string[] = [];
  sheet.eachRow((row, r) => row.eachCell((cell, c) => {
    if (cell.isMerged && cell.master.address !== cell.address) return;
    const text = typeof cell.value === 'string' ? cell.value : '';
    if (!text) return;
    const span = merged.get(cell.address) ?? { top: r, left: c, bottom: r, right: c };
    let width = 0;
    for (let k = span.left; k <= span.right; k += 1) width += sheet.getColumn(k).width ?? 9;
    let height = 0;
    for (let k = span.top; k <= span.bottom; k += 1) height += sheet.getRow(k).height ?? 15;
    if (!cell.alignment?.wrapText && displayWidth(text) > width) out.push(`${cell.address} not wrapped: ${text}`);
    if (heightFor(linesIn(text, width)) > height + 0.01) out.push(`${cell.address} ${heightFor(linesIn(text, width))}pt > ${height}pt: ${text}`);
  }));
  return out;
}

describe('the single report’s workbook, sized for reading', () => {
  const result = auditShape(blankTotalReport(), 'word').result;

  it('template sheets: widths, wrapped labels tall enough, frozen headers and labels, one printed page each', async () => {
    const workbook = await load(await buildXlsx(result, 'zh'));
    const applications = workbook.getWorksheet('依申请公开')!;
    // The 2021 applications table: 3 header rows, 3 label columns (三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密), 7 applicant columns.
    expect(applications.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 });
    expect(applications.getColumn(3).width).toBeGreaterThanOrEqual(displayWidth('2.其他法律行政法规禁止公开'));
    expect(applications.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1, printTitlesRow: '1:3' });
    const legend = (applications.getColumn(1).values as unknown[]).indexOf('图例');
    expect(applications.pageSetup.printArea).toBe(`A1:J${legend + 4}`);
    expect(overflowing(applications)).toEqual([]);

    const active = workbook.getWorksheet('主动公开')!;
    // Each section of the active table has its own header row: only the label column is frozen; three value columns print portrait.
    expect(active.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 0 });
    expect(active.pageSetup.orientation).toBe('portrait');
    expect(overflowing(active)).toEqual([]);

    const appeals = workbook.getWorksheet('复议诉讼')!;
    expect(appeals.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 3 });
    expect(appeals.pageSetup.orientation).toBe('landscape');
    expect(appeals.pageSetup.printArea).toMatch(/^A1:O\d+$/);
    expect(overflowing(appeals)).toEqual([]);
  });

  it('blank cells are plain, cells with other findings filled, and a legend says what each fill means', async () => {
    const workbook = await load(await buildXlsx(result, 'zh'));
    const applications = workbook.getWorksheet('依申请公开')!;
    const legend = (applications.getColumn(1).values as unknown[]).indexOf('图例');
    const fills: Record<string, number> = {};
    let plainBlankWithNote = 0;
    applications.eachRow((row, r) => row.eachCell({ includeEmpty: true }, (cell) => {
      if (r <= 3 || r >= legend || typeof cell.value === 'string') return;
      const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      if (fill) fills[fill] = (fills[fill] ?? 0) + 1;
      if (!fill && cell.value === null && String(cell.note ?? '').includes('为空，按 0 计算')) plainBlankWithNote += 1;
    }));
    // blankTotalReport: 商业企业…其他 cells left blank (read as 0, plain), 总计 blank too but each breaks its row's total (red).
    expect(plainBlankWithNote).toBeGreaterThan(10);
    expect(Object.keys(fills)).toEqual(['FFF4B6B6']);
    const entries = [1, 2, 3, 4].map((k) => applications.getRow(legend + k));
    expect(entries.map((row) => (row.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb)).toEqual(['FFF4B6B6', 'FFFFE08A', 'FFDDEBF7', undefined]);
    expect(entries.map((row) => String(row.getCell(2).value).split('：')[0])).toEqual(['错误', '警告', '提示', '空白单元格不着色']);
  });

  it('the findings list: the report on one line, headers frozen and repeated, bounded widths, wrapped text', async () => {
    const workbook = await load(await buildXlsx(result, 'zh'));
    const list = workbook.getWorksheet('问题清单')!;
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(list.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2', printArea: `A1:M${list.rowCount}` });
    expect(list.getRow(2).getCell(1).value).toBe('规则代码');
    const widths = Array.from({ length: 13 }, (_, i) => list.getColumn(i + 1).width!);
    expect(widths.every((width) => width >= 6 && width <= 50)).toBe(true);
    expect(list.getColumn(10).width).toBe(50); // 说明: the message, widest
    expect(overflowing(list)).toEqual([]);
  });
});

describe('the batch summary workbook, sized for reading', () => {
  const long = '“（三）不予公开-1.属于国家秘密”的“总计”为空，按 0 计算；最可能填错的是本格（若为 3，相关各项均相符）';
  const audited: BatchRow = {
    ...emptyRow(0, 'https://www.a.gov.cn/xxgk/ndbg/2023/art_1234567890_nianbao.html', null, 'audited', null),
    agency: '测试市人力资源和社会保障局', year: 2023, format: '2021', publishedAt: '2024-02-05', publishedAtSource: 'list', deadline: 'missed', errors: 1, warnings: 0,
    rules: ['cell.empty'], findings: [{ rule: 'cell.empty', severity: 'warning', table: 'applications', row: '3.3.1', column: 'total', cells: [], expected: null, actual: null, text: null, message: long }],
  };

  it('汇总 and 问题: header frozen and repeated, wrapped, widths bounded, landscape fitted to the width', async () => {
    const workbook = await load(await summaryXlsx([audited, emptyRow(1, 'https://www.a.gov.cn/gone.html', null, 'fetch-failed', 'HTTP 404')], 'zh'));
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', printArea: 'A1:T3' });
    expect(summary.getColumn(1).width).toBe(30); // the address wraps rather than taking the page
    expect(summary.getColumn(3).width).toBeLessThanOrEqual(8);
    expect(summary.getRow(1).getCell(19).alignment?.wrapText).toBe(true);
    expect(overflowing(summary)).toEqual([]);

    const findings = workbook.getWorksheet('问题')!;
    expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(findings.pageSetup.printArea).toBe('A1:L2');
    expect(findings.getRow(2).height).toBeGreaterThanOrEqual(heightFor(linesIn(long, findings.getColumn(11).width!)));
    expect(overflowing(findings)).toEqual([]);
  });
});
