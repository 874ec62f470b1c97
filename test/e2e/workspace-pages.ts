/**
 * Dense real-shaped pages for the workspace tests (issue 12), built with the report generator:
 * a 2019 report whose 总计 column was left blank and most legal-person cells too (one typo besides),
 * and a clean 2023 report whose five legal-person columns are blank, as real agencies publish them.
 */
import { renderHtml } from '../support/render';
import { APPLICATION_COLUMNS, consistentReport, setCell, setRow, zeroApplications, type ReportData } from '../support/report-data';
import { firstPublication, redated, republished } from '../support/republished';

const LEGAL = ['commercial', 'research', 'social', 'legal', 'other'];

/** Blank every 0 of the legal-person columns, as many agencies do. */
function blankLegalZeros(data: ReportData): void {
  for (const values of Object.values(data.applications)) {
    for (const column of LEGAL) {
      const i = APPLICATION_COLUMNS.indexOf(column);
      if (values[i] === 0) values[i] = '';
    }
  }
}

/** 2019 format; 总计 blank in every row; a mistyped 自然人 cell under 予以公开 besides. */
export function blankTotalReport(): ReportData {
  const data = consistentReport('2019', 12);
  data.title = '测试县人民政府办公室2019年政府信息公开工作年度报告';
  blankLegalZeros(data);
  const total = APPLICATION_COLUMNS.indexOf('total');
  for (const values of Object.values(data.applications)) values[total] = '';
  const natural = Number(data.applications['3.1']![0]);
  setCell(data, 'applications', '3.1', 'natural', natural + 10);
  return data;
}

/** 2021 format, every relationship holds, the five legal-person columns wholly blank. */
export function cleanBlankColumnsReport(): ReportData {
  const data = consistentReport('2021', 23);
  data.title = '测试市生态环境局2023年政府信息公开工作年度报告';
  data.published = '2024-01-26';
  for (const values of Object.values(data.applications)) {
    for (const column of LEGAL) values[APPLICATION_COLUMNS.indexOf(column)] = '';
    values[APPLICATION_COLUMNS.indexOf('total')] = values[0]!;
  }
  // The balance of the natural-person column must still hold once the others are gone.
  return data;
}

/**
 * 2021 format, as a 局 publishes it from Word: the 总计 column left blank and nothing else wrong, so
 * its twelve failing row totals have one cause (issue 21's memo: one cause line, one page).
 */
export function blankTotalColumnReport(): ReportData {
  const data = zeroApplications(consistentReport('2021', 5));
  data.title = '测试市自然资源局2023年政府信息公开工作年度报告';
  data.published = '2024-01-22';
  const rows: [string, number[]][] = [
    ['1', [30, 2, 0, 0, 0, 0]], ['2', [3, 0, 0, 0, 0, 0]],
    ['3.1', [18, 1, 0, 0, 0, 0]], ['3.2', [5, 1, 0, 0, 0, 0]], ['3.3.1', [1, 0, 0, 0, 0, 0]], ['3.3.3', [2, 0, 0, 0, 0, 0]],
    ['3.4.1', [1, 0, 0, 0, 0, 0]], ['3.5.1', [2, 0, 0, 0, 0, 0]], ['3.5.3', [1, 0, 0, 0, 0, 0]], ['3.6.2', [1, 0, 0, 0, 0, 0]],
    ['3.7', [31, 2, 0, 0, 0, 0]], ['4', [2, 0, 0, 0, 0, 0]],
  ];
  for (const [row, parts] of rows) setRow(data, row, parts, '');
  for (const values of Object.values(data.applications)) values[APPLICATION_COLUMNS.indexOf('total')] = '';
  return data;
}

/**
 * A report published, audited, then corrected (issue 21): the first publication as a Word export at
 * its address; the tests swap in the republished page (through the CMS, another layout) or one with
 * only its date moved, and serve the republished one at a second address too.
 */
export const REPORT_ADDRESS = '/zfxxgk/ndbg/2023nb.html';
export const MOVED_ADDRESS = '/art/2024/1/29/art_99.html';
export const reauditPages = {
  first: () => renderHtml(firstPublication(), 'word'),
  republished: () => renderHtml(republished(), 'cms'),
  redated: () => renderHtml(redated(), 'word'),
};

export function workspacePages() {
  return new Map([
    ['/blank-total.html', { body: renderHtml(blankTotalReport(), 'word') }],
    ['/clean-blank.html', { body: renderHtml(cleanBlankColumnsReport(), 'cms') }],
    ['/blank-total-column.html', { body: renderHtml(blankTotalColumnReport(), 'word') }],
    [REPORT_ADDRESS, { body: reauditPages.first() }],
    [MOVED_ADDRESS, { body: reauditPages.republished() }],
  ]);
}
