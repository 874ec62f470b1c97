import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { BatchRow, RowStatus } from '../batch/row';
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

export async function writeSummary(file: string, rows: readonly BatchRow[], lang: Lang): Promise<void> {
  await writeFile(file, extname(file).toLowerCase() === '.xlsx' ? await summaryXlsx(rows, lang) : summaryCsv(rows));
  process.stderr.write(`audit: ${say(lang, 'summaryWritten', { value: file })}\n`);
}
