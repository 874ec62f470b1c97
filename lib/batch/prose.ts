// The one diff we use, imported alone: the package index pulls every diff class into the auditor (Rollup cannot drop them).
import { diffChars } from 'diff/lib/diff/character.js';
import type { Report } from '../model/report';
import { FORMATS } from '../template/formats';
import { joinRunOnLines, PROSE_HEADING } from '../template/sections';

/**
 * How much of this year's prose repeats last year's (crossyear.duplicate-text). Sentences, not
 * characters: evaluators judge 与上年度重复率 by copied sentences. The template's own words (table
 * labels, part headings, the standard opening and closing sentences) are left out on both sides,
 * since every report must repeat them.
 */

/** Sentences every report writes because the template or the 条例 tells it to. */
const BOILERPLATE = [
  /(根据|依据|按照).{0,6}《中华人民共和国政府信息公开条例》/,
  /统计期限|统计期为|统计时限|数据统计.{0,4}(期间|时间)/,
  /如对本报告有(任何)?疑问|如对本(年度)?报告有/,
  /电子版可在|可在.{0,20}(网站|门户).{0,10}(下载|查阅)/,
  /(全文|报告)(由|包括|共分)?.{0,6}总体情况/,
  /联系(地址|电话|方式)|邮政编码|邮编|电子邮箱|传真/,
  /勾稽关系/,
  /^.{0,40}(政府信息公开|政务公开).{0,4}(年度报告|年报)$/,
];
const HEADING = PROSE_HEADING;
const MIN_CHARS = 10;
const SIMILAR = 0.8;
const SHINGLE = 4;

let labelCache: string[] | null = null;
/** Every label and header of both templates, longest first, normalised like sentences. */
function templateLabels(): string[] {
  if (labelCache) return labelCache;
  const labels = new Set<string>();
  for (const format of Object.values(FORMATS)) {
    for (const table of Object.values(format.tables)) {
      for (const row of table.rows) for (const label of [row.label, ...(row.variants ?? [])]) labels.add(comparable(label));
      for (const column of table.columns) for (const label of [column.label, ...(column.variants ?? [])]) labels.add(comparable(label));
      for (const header of [...table.headers, ...(table.sharedHeaders ?? [])]) labels.add(comparable(header));
    }
  }
  labelCache = [...labels].filter((label) => label.length >= 2).sort((a, b) => b.length - a.length);
  return labelCache;
}

/** NFKC, no spaces or punctuation: two copies of one sentence compare equal however they were typeset. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The report's text blocks outside its tables: the title, row labels and the 勾稽 note, which every report repeats, left out. */
export function proseTexts(report: Report): string[] {
  const labels = new Set<string>();
  for (const rows of Object.values(report.rowLabels)) for (const label of Object.values(rows ?? {})) labels.add(label.text);
  return report.texts
    .map((block) => block.text)
    .filter((text) => !labels.has(text) && text !== report.title && !/勾稽/.test(text));
}

/** Blocks joined where a sentence runs on (a PDF's printed lines). */
const joinLines = (texts: readonly string[]): string[] => joinRunOnLines(texts.map((text) => ({ text }))).map((block) => block.text);

/** Comparable form with every label and header of the templates left out (a sentence naming a table row says nothing of its own). */
export function bare(text: string): string {
  let out = comparable(text);
  for (const label of templateLabels()) if (out.includes(label)) out = out.split(label).join('');
  return out;
}

/** A counted sentence: as the report writes it, and with the template's labels left out (comparable form). */
export interface CountedSentence {
  text: string;
  bare: string;
}

/**
 * The sentences of a report's text blocks that count as its own prose: the template's standard
 * sentences and short headings left out. Shared by the cross-year repetition and the cross-unit
 * similarity (lib/batch/similar.ts), so both discount the same template text.
 */
export function countedSentences(texts: readonly string[]): CountedSentence[] {
  const out: CountedSentence[] = [];
  for (const block of joinLines(texts)) {
    for (const piece of block.split(/[。！？；!?;\n]+/)) {
      const trimmed = piece.trim();
      if (!trimmed || BOILERPLATE.some((pattern) => pattern.test(trimmed))) continue;
      if (HEADING.test(trimmed) && trimmed.length < 30) continue;
      const sentence = bare(trimmed);
      if ((sentence.match(/\p{Script=Han}/gu)?.length ?? 0) >= MIN_CHARS) out.push({ text: trimmed, bare: sentence });
    }
  }
  return out;
}

/** The prose sentences of a report's text blocks that count for repetition, comparable form. */
export function proseSentences(texts: readonly string[]): string[] {
  return [...new Set(countedSentences(texts).map((sentence) => comparable(sentence.text)))];
}

/** A sentence as the report writes it (with its punctuation), for quoting in a finding. */
export function originalSentence(texts: readonly string[], sentence: string): string {
  for (const block of joinLines(texts)) {
    for (const piece of block.split(/[。！？；!?;\n]+/)) if (comparable(piece) === sentence) return piece.trim();
  }
  return sentence;
}

export interface Repetition {
  /** Share of this year's prose characters in sentences that repeat last year's, 0…1. */
  share: number;
  /** Characters of prose counted this year. */
  chars: number;
  /** The longest repeated sentence, as an example. */
  example: string | null;
}

function shingles(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= text.length; i += 1) out.add(text.slice(i, i + SHINGLE));
  return out;
}

/** 2 × common characters / both lengths, by the diff library's character diff. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  let common = 0;
  for (const part of diffChars(a, b)) if (!part.added && !part.removed) common += part.value.length;
  return (2 * common) / (a.length + b.length);
}

/** How much of `current` repeats `previous`: exact sentences first, then close ones found through shared 4-character shingles. */
export function repetition(current: readonly string[], previous: readonly string[]): Repetition {
  const before = new Set(previous);
  const index = new Map<string, number[]>();
  previous.forEach((sentence, i) => {
    for (const shingle of shingles(sentence)) {
      const list = index.get(shingle) ?? [];
      list.push(i);
      index.set(shingle, list);
    }
  });
  let chars = 0;
  let repeated = 0;
  let example: string | null = null;
  for (const sentence of current) {
    chars += sentence.length;
    if (!before.has(sentence) && !closeMatch(sentence, previous, index)) continue;
    repeated += sentence.length;
    if (!example || sentence.length > example.length) example = sentence;
  }
  return { share: chars ? repeated / chars : 0, chars, example };
}

function closeMatch(sentence: string, previous: readonly string[], index: Map<string, number[]>): boolean {
  const own = shingles(sentence);
  const counts = new Map<number, number>();
  for (const shingle of own) for (const i of index.get(shingle) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
  const candidates = [...counts].filter(([, n]) => n >= own.size * 0.4).sort((a, b) => b[1] - a[1]).slice(0, 3);
  return candidates.some(([i]) => similarity(sentence, previous[i]!) >= SIMILAR);
}
