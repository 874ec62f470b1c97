/**
 * Table, row and column names in the reader's language, read from the format descriptions
 * (`lib/template/formats/`): the template's own Chinese, or English names for the same keys, so an
 * English message never has to quote Chinese. Exports keep the template's Chinese: they document the page.
 */
import type { Format, TableKey } from '../model/report';
import { columnDef, rowDef, tableDef } from '../template/model';
import type { Lang } from './lang';

export function tableName(lang: Lang, table: TableKey): string {
  return tableDef(null, table)[lang];
}

export function rowName(lang: Lang, format: Format | null, table: TableKey, key: string): string {
  const row = rowDef(format, table, key);
  return row ? row[lang] : key;
}

export function columnName(lang: Lang, format: Format | null, table: TableKey, key: string): string {
  const column = columnDef(format, table, key);
  if (!column) return key;
  return lang === 'en' ? column.en : column.label;
}
