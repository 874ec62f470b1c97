/**
 * Table, row and column names in the reader's language. Chinese is the template's own wording
 * (`lib/template/display.ts`); English names the same keys, so an English message never has to
 * quote Chinese. Exports keep the template's Chinese: they document the page.
 */
import type { Format, TableKey } from '../model/report';
import { columnLabel, rowLabel, TABLE_LABELS } from '../template/display';
import type { Lang } from './render';

const TABLES_EN: Record<TableKey, string> = {
  active: '2. Proactive disclosure',
  applications: '3. Applications received and handled',
  appeals: '4. Administrative reconsideration and litigation',
};

const ROWS_EN: Record<TableKey, Record<string, string>> = {
  active: {
    '1.regulations': 'Rules', '1.normative': 'Normative documents', '5.license': 'Administrative licences',
    '5.other_services': 'Other external management services', '6.penalty': 'Administrative penalties',
    '6.enforcement': 'Administrative compulsion', '8.fees': 'Administrative fees', '9.procurement': 'Centralised government procurement',
  },
  applications: {
    '1': 'New applications this year', '2': 'Applications carried over from last year', '3': 'Outcomes this year',
    '3.1': 'Disclosed', '3.2': 'Partly disclosed', '3.3': 'Not disclosed', '3.3.1': 'state secret',
    '3.3.2': 'barred by other laws or regulations', '3.3.3': 'would endanger “three securities and one stability”',
    '3.3.4': 'protects third-party rights', '3.3.5': 'internal affairs', '3.3.6': 'process information',
    '3.3.7': 'enforcement case files', '3.3.8': 'administrative inquiry matters', '3.4': 'Cannot be provided',
    '3.4.1': 'not held by this agency', '3.4.2': 'would have to be newly made', '3.4.3': 'still unclear after correction',
    '3.5': 'Not processed', '3.5.1': 'petitions, reports and complaints', '3.5.2': 'repeated applications',
    '3.5.3': 'requests for published materials', '3.5.4': 'mass repeated applications without good reason',
    '3.5.5': 'requests to confirm or reissue information already obtained', '3.6': 'Other handling',
    '3.6.1': 'no correction in time, no longer processed', '3.6.2': 'fees not paid in time, no longer processed',
    '3.6.3': 'other', '3.7': 'Total', '4': 'Carried over to next year',
  },
  appeals: {
    reconsideration: 'Administrative reconsideration', 'litigation.direct': 'Litigation without reconsideration',
    'litigation.after_reconsideration': 'Litigation after reconsideration',
  },
};

const COLUMNS_EN: Record<TableKey, Record<string, string>> = {
  active: {
    made: 'made this year', published: 'published this year', cumulative: 'total published', previous: 'items last year',
    change: 'change this year', decisions: 'decisions this year', projects: 'procurement items', issued: 'issued this year',
    repealed: 'repealed this year', in_force: 'in force',
  },
  applications: {
    natural: 'natural persons', commercial: 'businesses', research: 'research institutions', social: 'public-interest organisations',
    legal: 'legal service providers', other: 'other', total: 'total',
  },
  appeals: { upheld: 'upheld', corrected: 'corrected', other: 'other outcome', pending: 'pending', total: 'total' },
};

/** 金额 means the procurement total in the 2019 table and fees collected in the 2021 one. */
const AMOUNT_EN: Record<Format, string> = { 2019: 'procurement amount', 2021: 'fees collected (10,000 yuan)' };

function rowEn(table: TableKey, key: string): string | undefined {
  const name = ROWS_EN[table][key];
  if (!name || table !== 'applications') return name;
  const parts = key.split('.');
  if (parts.length < 3) return `${key} ${name}`;
  return `${key} ${ROWS_EN.applications[parts.slice(0, 2).join('.')]} · ${name}`;
}

function columnEn(format: Format, table: TableKey, key: string): string | undefined {
  return table === 'active' && key === 'amount' ? AMOUNT_EN[format] : COLUMNS_EN[table][key];
}

export function tableName(lang: Lang, table: TableKey): string {
  return lang === 'en' ? TABLES_EN[table] : TABLE_LABELS[table];
}

export function rowName(lang: Lang, format: Format, table: TableKey, key: string): string {
  return (lang === 'en' ? rowEn(table, key) : undefined) ?? rowLabel(format, table, key);
}

export function columnName(lang: Lang, format: Format, table: TableKey, key: string): string {
  return (lang === 'en' ? columnEn(format, table, key) : undefined) ?? columnLabel(format, table, key);
}

/** Every key that has an English name, for the test that keeps them complete. */
export const ENGLISH_KEYS = { rows: ROWS_EN, columns: COLUMNS_EN };
