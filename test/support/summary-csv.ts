import { SUMMARY_COLUMNS, type SummaryColumn } from '../../lib/export/summary';

/** A CSV line's fields, quoted fields unquoted. */
function fields(line: string): string[] {
  const out: string[] = [];
  for (const match of line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)) {
    if (match.index === line.length && match[0] === '') break;
    out.push(match[1]!.startsWith('"') ? match[1]!.slice(1, -1).replace(/""/g, '"') : match[1]!);
  }
  return out;
}

/**
 * A summary CSV's rows keyed by column: its headers are in the run's language, so the columns are
 * read by their place (SUMMARY_COLUMNS); a header of another length throws.
 */
export function parseSummaryCsv(text: string): Record<SummaryColumn, string>[] {
  const [header, ...lines] = text.replace(/^\ufeff/, '').trim().split('\r\n').map(fields);
  if (header!.length !== SUMMARY_COLUMNS.length) throw new Error(`summary CSV header has ${header!.length} columns, not ${SUMMARY_COLUMNS.length}: ${header!.join(',')}`);
  return lines.map((cells) => Object.fromEntries(SUMMARY_COLUMNS.map((key, i) => [key, cells[i] ?? ''])) as Record<SummaryColumn, string>);
}
