import type { AuditResult } from '../model/result';

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** `<agency>-<year>-年报核查.<ext>`, with characters illegal in file names replaced. */
export function exportFileName(result: Pick<AuditResult, 'agency' | 'year'>, ext: string, suffix = ''): string {
  const agency = (result.agency ?? '未知单位').replace(ILLEGAL, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 60) || '未知单位';
  const year = result.year ?? '未知年度';
  return `${agency}-${year}-年报核查${suffix}.${ext.replace(/[^a-z0-9]/gi, '')}`;
}
