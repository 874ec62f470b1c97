import { normalizeText, splitOrdinal } from '../extract/normalize';
import type { Format, TableKey } from '../model/report';
import { TABLE_KEYS } from '../model/report';
import { FORMATS, formatForYear } from './formats';

/** Signature labels by their first two characters: a page's texts are many, and most start like no sign. */
type SignIndex = Map<string, string[]>;

function signIndex(signs: readonly string[]): SignIndex {
  const index: SignIndex = new Map();
  for (const sign of signs.map(normalizeText)) index.set(sign.slice(0, 2), [...(index.get(sign.slice(0, 2)) ?? []), sign]);
  return index;
}

/** Each format's signature labels per table, normalised and indexed once. */
const SIGNATURES = Object.values(FORMATS).map((def) => ({
  format: def.format,
  tables: Object.fromEntries(TABLE_KEYS.map((table) => [table, signIndex(def.tables[table].signature)])) as Record<TableKey, SignIndex>,
}));

function hits(bodies: readonly string[], signs: SignIndex): number {
  return bodies.filter((body) => signs.get(body.slice(0, 2))?.some((sign) => body.startsWith(sign))).length;
}

export interface Detected {
  format: Format;
  tableFormats: Partial<Record<TableKey, Format>>;
}

/** The format whose signature a table's labels match most, where one does; null on a tie. */
function tableFormat(bodies: readonly string[], table: TableKey): Format | null {
  const scored = SIGNATURES.map((s) => ({ format: s.format, hits: hits(bodies, s.tables[table]) })).sort((a, b) => b.hits - a.hits);
  return scored.length > 1 && scored[0]!.hits > scored[1]!.hits ? scored[0]!.format : null;
}

/** The format from the labels (never from the year alone); the year breaks a tie. */
export function detectFormat(texts: readonly string[], year: number | null): Detected {
  const bodies = texts.map((text) => splitOrdinal(text).body);
  const tableFormats: Partial<Record<TableKey, Format>> = {};
  for (const table of TABLE_KEYS) {
    const format = tableFormat(bodies, table);
    if (format) tableFormats[table] = format;
  }
  const first = TABLE_KEYS.map((table) => tableFormats[table]).find((format) => format !== undefined);
  return { format: first ?? formatForYear(year), tableFormats };
}
