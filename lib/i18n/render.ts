import type { Finding, RenderedFinding, Swap } from '../model/finding';
import type { Format } from '../model/report';
import { en, en_suspect, en_terms, en_titles } from './en';
import { columnName, rowName, tableName } from './labels';
import { zh_CN, zh_CN_suspect, zh_CN_terms, zh_CN_titles, type MessageId } from './zh_CN';
import type { Lang } from './lang';

const MESSAGES: Record<Lang, Record<MessageId, string>> = { zh: zh_CN, en };
const TITLES: Record<Lang, Record<MessageId, string>> = { zh: zh_CN_titles, en: en_titles };
const SUSPECT: Record<Lang, Record<keyof typeof zh_CN_suspect, string>> = { zh: zh_CN_suspect, en: en_suspect };
const TERMS: Record<Lang, Record<string, string>> = { zh: zh_CN_terms, en: en_terms };
const EMPTY: Record<Lang, string> = { zh: '空', en: 'blank' };
const UNKNOWN: Record<Lang, string> = { zh: '无法推算', en: 'unknown' };
const MAX_TEXT = 120;

export function isMessageId(id: string): id is MessageId {
  return id in zh_CN;
}

/** The placeholders a message template uses, for the locale parity test. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

function show(value: number | string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return EMPTY[lang];
  return String(value);
}

export function findingData(finding: Finding, format: Format | null, lang: Lang): Record<string, string> {
  const text = finding.text ?? '';
  const swap = finding.data?.swap;
  return {
    ...Object.fromEntries(Object.entries(finding.data ?? {}).filter(([, value]) => typeof value !== 'object').map(([key, value]) => [key, term(String(value), lang)])),
    ...(typeof swap === 'object' ? swapData(swap, format, lang) : {}),
    expected: finding.expected === null ? UNKNOWN[lang] : show(finding.expected, lang),
    actual: show(finding.actual, lang),
    text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
    tableLabel: finding.table ? tableName(lang, finding.table) : '',
    rowLabel: finding.table && finding.row ? rowName(lang, format, finding.table, finding.row) : '',
    columnLabel: finding.table && finding.column ? columnName(lang, format, finding.table, finding.column) : '',
    suspectRow: finding.suspect ? rowName(lang, format, finding.suspect.table, finding.suspect.row) : '',
    suspectColumn: finding.suspect ? columnName(lang, format, finding.suspect.table, finding.suspect.column) : '',
  };
}

const SWAP_PLACE: Record<Lang, { row: string; column: string; rows: string }> = {
  zh: { row: '「{a}」行有 ', column: '「{a}」列有 ', rows: '「{a}」行与「{b}」行各有 ' },
  en: { row: 'in row “{a}”, ', column: 'in column “{a}”, ', rows: 'in rows “{a}” and “{b}”, each time ' },
};

/** A swap's cells in the template's words: the row or column they share, and the two that differ. */
export function swapData(swap: Swap, format: Format | null, lang: Lang): Record<string, string> {
  const { from, to } = swap;
  const row = (key: string) => rowName(lang, format, from.table, key);
  const column = (key: string) => columnName(lang, format, from.table, key);
  const sameRow = from.row === to.row;
  const place = swap.also ? SWAP_PLACE[lang].rows.replace('{b}', row(swap.also.from.row)) : SWAP_PLACE[lang][sameRow ? 'row' : 'column'];
  return {
    swapPlace: place.replace('{a}', sameRow ? row(from.row) : column(from.column)),
    swapFrom: sameRow ? column(from.column) : row(from.row),
    swapTo: sameRow ? column(to.column) : row(to.row),
    swapAmount: String(swap.amount),
  };
}

/** A data value that names a locale term (a deadline's basis, a quantity) is shown in the reader's language. */
function term(value: string, lang: Lang): string {
  return Object.hasOwn(TERMS[lang], value) ? TERMS[lang][value]! : value;
}

/** `[[…]]` marks a part of a message that is left out when the finding lacks a value it names (no expected value, no such data). */
const OPTIONAL = /\[\[(.*?)\]\]/g;

function lacks(finding: Finding, data: Record<string, string>, part: string): boolean {
  return placeholdersOf(part).some((key) => (key === 'expected' ? finding.expected === null : data[key] === undefined));
}

export function renderMessage(finding: Finding, format: Format | null, lang: Lang): string {
  const template = (isMessageId(finding.rule) ? MESSAGES[lang][finding.rule] : finding.rule) + suspectTemplate(finding, lang);
  const data = findingData(finding, format, lang);
  const shaped = template.replace(OPTIONAL, (_, part: string) => (lacks(finding, data, part) ? '' : part));
  return shaped.replace(/\{(\w+)\}/g, (_, key: string) => data[key] ?? '');
}

function suspectTemplate(finding: Finding, lang: Lang): string {
  const suspect = finding.suspect;
  if (!suspect) return '';
  if (typeof finding.data?.swap === 'object') return SUSPECT[lang].swap;
  const self = suspect.table === finding.table && suspect.row === finding.row && suspect.column === finding.column;
  return SUSPECT[lang][self ? 'self' : 'other'];
}

export function ruleTitle(rule: string, lang: Lang): string {
  return isMessageId(rule) ? TITLES[lang][rule] : rule;
}

export function renderFindings(findings: Finding[], format: Format | null, lang: Lang): RenderedFinding[] {
  return findings.map((finding) => ({ ...finding, message: renderMessage(finding, format, lang) }));
}

