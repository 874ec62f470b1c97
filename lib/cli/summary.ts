import { rename, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { BatchRow, RowStatus } from '../batch/row';
import type { ExpectedCheck } from '../batch/expected';
import { EXPECTED_SHEET, expectedCsv, SIMILAR_SHEET, similarCsv } from '../export/column-sheets';
import { summaryCsv, summaryXlsx } from '../export/summary';
import { bt } from '../i18n/batch-ui';
import type { Lang } from '../i18n/lang';
import { say } from './messages';

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
 * The summary file, written as rows arrive and completed at the end: at every moment the file on disk
 * is a whole CSV or XLSX (each write goes to a temporary file renamed over it), so a run that is
 * stopped or dies leaves the rows it had. While the batch runs, rows are in the order they arrived,
 * without cross-year checks; the last write has every row, in input order. An XLSX holds the 应报清单
 * and 雷同 sheets too; a CSV gets them at the end as files of their own beside it (汇总.csv →
 * 汇总-应报清单.csv, 汇总-雷同.csv): one table per CSV, as spreadsheets read them.
 */
export class SummaryFile {
  private rows: BatchRow[] = [];
  private written = 0;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private failure: unknown = null;

  constructor(private readonly file: string, private readonly lang: Lang, private readonly everyMs = 1000) {}

  /** One more row: written within `everyMs`. */
  add(row: BatchRow): void {
    this.rows.push(row);
    if (this.timer) return;
    const wait = Math.max(0, this.written + this.everyMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write(this.rows);
    }, wait);
    this.timer.unref();
  }

  /** The complete summary, replacing what was written while the batch ran. */
  async finish(rows: readonly BatchRow[], expected: ExpectedCheck | null = null): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.write(rows, expected);
    await this.writing;
    if (this.failure) throw this.failure;
    process.stderr.write(`audit: ${say(this.lang, 'summaryWritten', { value: this.file })}\n`);
    if (extname(this.file).toLowerCase() === '.xlsx') return;
    const beside = (sheet: string) => this.file.replace(/(\.csv)$/i, `-${sheet}$1`);
    const extra: [string, string][] = [
      ...(expected ? [[beside(EXPECTED_SHEET[this.lang]), expectedCsv(expected, this.lang)] as [string, string]] : []),
      [beside(SIMILAR_SHEET[this.lang]), similarCsv(rows, this.lang)],
    ];
    for (const [path, text] of extra) {
      await writeFile(path, text);
      process.stderr.write(`audit: ${say(this.lang, 'summaryWritten', { value: path })}\n`);
    }
  }

  private write(rows: readonly BatchRow[], expected: ExpectedCheck | null = null): void {
    const snapshot = [...rows];
    this.written = Date.now();
    this.writing = this.writing.then(async () => {
      const bytes = extname(this.file).toLowerCase() === '.xlsx' ? await summaryXlsx(snapshot, this.lang, expected) : summaryCsv(snapshot, this.lang);
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, this.file);
    }).catch((error: unknown) => {
      this.failure ??= error;
    });
  }
}
