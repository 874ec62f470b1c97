import type { ExportKind } from '../../components/ExportBar';
import { cellsCsv, cellsTsv, findingsCsv, resultJson } from '../../lib/export/csv';
import { exportFileName } from '../../lib/export/filename';
import type { Lang } from '../../lib/i18n/render';
import type { ReviewBook } from '../../lib/review/state';
import type { AuditResult } from '../../lib/model/result';
import { download } from '../popup/download';

/** The popup's exports, from the viewer: the same files, named the same way. */
export async function exportResult(result: AuditResult, kind: ExportKind, lang: Lang, reviews: ReviewBook = {}): Promise<void> {
  if (kind === 'json') download(exportFileName(result, 'json'), resultJson(result, reviews), 'application/json;charset=utf-8');
  if (kind === 'csv') {
    download(exportFileName(result, 'csv'), cellsCsv(result), 'text/csv;charset=utf-8');
    download(exportFileName(result, 'csv', '-问题'), findingsCsv(result, lang, reviews), 'text/csv;charset=utf-8');
  }
  if (kind === 'xlsx') {
    const { buildXlsx } = await import('../../lib/export/xlsx');
    download(exportFileName(result, 'xlsx'), await buildXlsx(result, lang, reviews), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }
  if (kind === 'tsv') await navigator.clipboard.writeText(cellsTsv(result));
}
