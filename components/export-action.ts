import type { AuditResult } from '../lib/model/result';
import { cellsCsv, cellsTsv, findingsCsv, resultJson } from '../lib/export/csv';
import { exportFileName } from '../lib/export/filename';
import type { Lang } from '../lib/i18n/lang';
import type { ReviewBook } from '../lib/review/state';
import type { ExportKind } from './ExportBar';
import { download } from './download';

/** The files a report's result is exported as. */
export type FileExport = Exclude<ExportKind, 'memo'>;

/**
 * The one export action of the popup, the side panel and the viewer: the same files, named the same
 * way, in the reader's language (the cells CSV and the clipboard TSV too). Resolves once the TSV is on the clipboard.
 */
export async function exportResult(result: AuditResult, kind: FileExport, lang: Lang, reviews: ReviewBook = {}): Promise<void> {
  if (kind === 'json') download(exportFileName(result, 'json'), resultJson(result, reviews), 'application/json;charset=utf-8');
  if (kind === 'csv') {
    download(exportFileName(result, 'csv'), cellsCsv(result, lang), 'text/csv;charset=utf-8');
    download(exportFileName(result, 'csv', '-问题'), findingsCsv(result, lang, reviews), 'text/csv;charset=utf-8');
  }
  if (kind === 'xlsx') {
    const { buildXlsx } = await import('../lib/export/xlsx');
    download(exportFileName(result, 'xlsx'), await buildXlsx(result, lang, reviews), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }
  if (kind === 'tsv') await navigator.clipboard.writeText(cellsTsv(result, lang));
}
