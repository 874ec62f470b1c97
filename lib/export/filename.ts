import type { AuditResult } from '../model/result';

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]+/g;
/** Bidi marks, embeddings, overrides and isolates: they can make `evil\u202Eslx.exe` read as `evilexe.xls`. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Leading and trailing dots and spaces off, in linear time (`/[.\s]+$/` retries from every space of a long inner run). */
function trimDotsAndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && /[.\s]/.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end).replace(/^[.\s]+/, '');
}

/** `<agency>-<year>-年报核查.<ext>`, with characters illegal in file names (C0 and C1 controls) replaced and bidi marks removed. */
export function exportFileName(result: Pick<AuditResult, 'agency' | 'year'>, ext: string, suffix = ''): string {
  const agency = trimDotsAndSpaces((result.agency ?? '未知单位').replace(BIDI, '').replace(ILLEGAL, '_'));
  const short = Array.from(agency).slice(0, 60).join('') || '未知单位'; // by code point: never half a surrogate pair
  const year = result.year ?? '未知年度';
  return `${short}-${year}-年报核查${suffix}.${ext.replace(/[^a-z0-9]/gi, '')}`;
}
