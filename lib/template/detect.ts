import { normalizeText, ORDINAL_START, splitOrdinal } from '../extract/normalize';
import type { Format, TableKey } from '../model/report';
import { TABLE_KEYS } from '../model/report';
import { FORMATS, formatForYear } from './formats';

/** A table's signature labels in one format. */
interface Signature {
  format: Format;
  table: TableKey;
  signs: string[];
}

/**
 * Every format's and table's signature labels, normalised once and indexed by their first two
 * characters: one look-up per text finds the few signatures it could start with.
 */
const BY_PREFIX = new Map<string, Signature[]>();
for (const def of Object.values(FORMATS)) {
  for (const table of TABLE_KEYS) {
    for (const sign of def.tables[table].signature.map(normalizeText)) {
      const prefix = sign.slice(0, 2);
      const list = BY_PREFIX.get(prefix) ?? [];
      BY_PREFIX.set(prefix, list);
      let signature = list.find((s) => s.format === def.format && s.table === table);
      if (!signature) list.push((signature = { format: def.format, table, signs: [] }));
      signature.signs.push(sign);
    }
  }
}

/** How many texts start with one of each table's signature labels, per format. */
function hitCounts(bodies: readonly string[]): Map<TableKey, Map<Format, number>> {
  const counts = new Map<TableKey, Map<Format, number>>(TABLE_KEYS.map((table) => [table, new Map(Object.values(FORMATS).map((def) => [def.format, 0]))]));
  for (const body of bodies) {
    const signatures = BY_PREFIX.get(body.slice(0, 2));
    if (!signatures) continue;
    for (const { format, table, signs } of signatures) {
      if (!signs.some((sign) => body.startsWith(sign))) continue;
      const perFormat = counts.get(table)!;
      perFormat.set(format, perFormat.get(format)! + 1);
    }
  }
  return counts;
}

export interface Detected {
  format: Format;
  tableFormats: Partial<Record<TableKey, Format>>;
}

/** The format whose signature a table's labels match most, where one does; null on a tie. */
function tableFormat(hits: Map<Format, number>): Format | null {
  const scored = [...hits].map(([format, count]) => ({ format, hits: count })).sort((a, b) => b.hits - a.hits);
  return scored.length > 1 && scored[0]!.hits > scored[1]!.hits ? scored[0]!.format : null;
}

/** The format from the labels (never from the year alone); the year breaks a tie. */
export function detectFormat(texts: readonly string[], year: number | null): Detected {
  const hits = hitCounts(texts.map((text) => (ORDINAL_START.test(text) ? splitOrdinal(text).body : text)));
  const tableFormats: Partial<Record<TableKey, Format>> = {};
  for (const table of TABLE_KEYS) {
    const format = tableFormat(hits.get(table)!);
    if (format) tableFormats[table] = format;
  }
  const first = TABLE_KEYS.map((table) => tableFormats[table]).find((format) => format !== undefined);
  return { format: first ?? formatForYear(year), tableFormats };
}
