import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { BatchRow, RowStatus } from '../batch/row';
import type { ExpectedCheck } from '../batch/expected';
import { EXPECTED_SHEET, expectedCsv, SIMILAR_SHEET, similarCsv } from '../export/column-sheets';
import { summaryCsv, summaryXlsx } from '../export/summary';
import { bt } from '../i18n/batch-ui';
import type { Lang } from '../i18n/render';
import { say } from './messages';

export const rowStatusText = (status: RowStatus, lang: Lang) => bt(lang, `status-${status}`);

/** The batch's closing line: what became of every input, the findings, the cross-year checks and late reports. */
export function closingLine(rows: readonly BatchRow[], lang: Lang): string {
  const count = (status: RowStatus) => rows.filter((row) => row.status === status).length;
  const checked = rows.filter((row) => row.crossyear !== null);
  return bt(lang, 'closing', {
    rows: rows.length, audited: count('audited'), notReport: count('not-report'), attachment: count('attachment'),
    failed: count('fetch-failed'), unreadable: count('unreadable'), stopped: count('stopped'),
    errors: rows.reduce((sum, row) => sum + row.errors, 0), warnings: rows.reduce((sum, row) => sum + row.warnings, 0),
    cross: checked.length, crossFindings: checked.filter((row) => row.crossyear === 'findings').length,
    late: rows.filter((row) => row.deadline === 'missed').length,
  });
}

/**
 * The summary file; an XLSX holds the 应报清单 and 雷同 sheets too, a CSV gets them as files of their
 * own beside it (汇总.csv → 汇总-应报清单.csv, 汇总-雷同.csv): one table per CSV, as spreadsheets read them.
 */
export async function writeSummary(file: string, rows: readonly BatchRow[], lang: Lang, expected: ExpectedCheck | null = null): Promise<void> {
  const xlsx = extname(file).toLowerCase() === '.xlsx';
  await writeFile(file, xlsx ? await summaryXlsx(rows, lang, expected) : summaryCsv(rows));
  process.stderr.write(`audit: ${say(lang, 'summaryWritten', { value: file })}\n`);
  if (xlsx) return;
  const beside = (sheet: string) => file.replace(/(\.csv)$/i, `-${sheet}$1`);
  const extra: [string, string][] = [...(expected ? [[beside(EXPECTED_SHEET[lang]), expectedCsv(expected, lang)] as [string, string]] : []), [beside(SIMILAR_SHEET[lang]), similarCsv(rows)]];
  for (const [path, text] of extra) {
    await writeFile(path, text);
    process.stderr.write(`audit: ${say(lang, 'summaryWritten', { value: path })}\n`);
  }
}
