/**
 * Copying between units (batch.similar-text): within a batch, reports of different agencies whose
 * own prose is near-identical. Evaluators deduct for reports “与往年或与其他单位雷同” (鲤城: 5 of 10
 * points); units of one county often take a neighbour's report and change the name and the numbers.
 *
 * What is compared: the sentences `prose.ts` counts (the template's standard sentences, headings and
 * table labels left out, as for crossyear.duplicate-text), cut into clauses, with the report's own
 * agency name and every number removed, so a copy that changed only those is still a copy.
 *
 * Near-linear in the number of reports: each report is reduced once to winnowed fingerprints of its
 * 8-character shingles (MOSS's winnowing: about one in four positions kept, a shared passage of 13
 * characters or more always shares one); an inverted index of fingerprints gives the pairs that share
 * many, skipping fingerprints that most reports share (a phrase a whole county uses is no sign of one
 * copying another). Only those candidate pairs are diffed exactly (clause by clause with the diff
 * package, then character by character inside changed clauses); 300 reports mean a few dozen diffs,
 * not 45,000.
 */
import { diffArrays } from 'diff/lib/diff/array.js';
import { diffChars } from 'diff/lib/diff/character.js';
import type { SimilarTo } from '../model/report';
import { agencyGroups } from './pair';
import { bare, comparable, countedSentences } from './prose';

/**
 * A pair is a copy when more than this share of each report's own prose is shared: near-identical.
 * Higher than crossyear.duplicate-text's 50%: units of one county write to one brief and share much
 * wording (generated columns of 300 unrelated units reach 61% between their closest pair), while a
 * copy with the names and numbers changed keeps 90% and more.
 */
export const SIMILAR_THRESHOLD = 0.7;
/** Below this many shared characters there is too little prose to speak of copying. */
const MIN_SHARED = 80;
const SHINGLE = 8;
const WINDOW = 6;
/** A pair becomes a candidate when it shares this share of the smaller report's fingerprints. */
const CANDIDATE = 0.3;
/** Inside a changed clause, a common run this long counts as shared; shorter ones are common words. */
const MIN_RUN = 8;
const MAX_PASSAGES = 3;
/** A clause more than this share of the batch's reports write (and more than COMMON_MIN of them) is common wording. */
const COMMON_SHARE = 0.5;
const COMMON_MIN = 4;
const MAX_PASSAGE = 160;

export interface ProseItem {
  source: string;
  agency: string | null;
  year: number | null;
  /** The prose blocks (`proseTexts`, as a snapshot keeps them). */
  texts: readonly string[];
}

export interface Clause {
  text: string;
  key: string;
  /** Its place among the report's clauses: a quoted passage never joins clauses that were not side by side. */
  at: number;
}

export interface Reduced {
  clauses: Clause[];
  chars: number;
  prints: Set<number>;
}

const NUMBERS = /[0-9〇零一二两三四五六七八九十百千万亿]+/g;

/** The name and its short forms as a text writes them (福建省福州市公安局 → 福州市公安局, 市公安局, 公安局), longest first. */
function ownNames(agency: string | null): string[] {
  if (!agency) return [];
  const full = comparable(agency);
  const names = new Set([full]);
  [...full].forEach((char, i) => {
    if (!/[省市县区旗州盟]/.test(char)) return;
    names.add(full.slice(i));
    names.add(full.slice(i + 1));
  });
  return [...names].filter((name) => name.length >= 2).sort((a, b) => b.length - a.length);
}

/**
 * Each report's clauses, made once: a report's own, known from its first audit, so the command line
 * makes them while its workers read the next reports (lib/batch/audit-batch.ts `readyForBatch`) and
 * not in the batch's last, single-threaded step (a third of it on a 140-page run).
 */
const made = new WeakMap<ProseItem, Clause[]>();

/** A report's counted prose as clauses: as written, and as compared (its own name and every number left out). */
export function clausesOf(item: ProseItem): Clause[] {
  let clauses = made.get(item);
  if (!clauses) made.set(item, (clauses = clausesOfText(item)));
  return clauses;
}

function clausesOfText(item: ProseItem): Clause[] {
  const names = ownNames(item.agency);
  const clauses: Clause[] = [];
  for (const sentence of countedSentences(item.texts)) {
    // Each clause keeps the punctuation after it (the sentence's own end is 。), so a passage quotes as written.
    const pieces = sentence.text.split(/(?<=[，,：:、])/);
    pieces.forEach((piece, n) => {
      let key = bare(piece);
      for (const name of names) if (key.includes(name)) key = key.split(name).join('');
      key = key.replace(NUMBERS, '');
      if (key.length >= 4) clauses.push({ text: n === pieces.length - 1 ? `${piece.trim()}。` : piece.trim(), key, at: clauses.length });
    });
  }
  return clauses;
}

/**
 * Clauses that most reports of the batch write (a county's common wording: 坚持以人民为中心的发展思想,
 * 均在法定期限内答复) say nothing of one unit copying another: left out of both the comparison and
 * the share. Only in a batch large enough to tell: a cluster of copies must stay below the bound.
 */
function commonClauses(all: readonly Clause[][]): Set<string> {
  const limit = Math.max(COMMON_MIN, Math.ceil(all.length * COMMON_SHARE));
  const df = new Map<string, number>();
  for (const clauses of all) for (const key of new Set(clauses.map((c) => c.key))) df.set(key, (df.get(key) ?? 0) + 1);
  return new Set([...df].filter(([, n]) => n > limit).map(([key]) => key));
}

export function reduce(clauses: readonly Clause[], common: ReadonlySet<string> = new Set()): Reduced {
  const own = clauses.filter((clause) => !common.has(clause.key));
  const joined = own.map((clause) => clause.key).join('');
  return { clauses: own, chars: joined.length, prints: winnow(joined) };
}

/** FNV-1a of each shingle, then the minimum of every window (rightmost on ties): MOSS's winnowing. */
function winnow(text: string): Set<number> {
  const hashes: number[] = [];
  for (let i = 0; i + SHINGLE <= text.length; i += 1) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE; j += 1) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    hashes.push(h >>> 0);
  }
  const prints = new Set<number>();
  for (let start = 0; start + WINDOW <= hashes.length; start += 1) {
    let min = start;
    for (let j = start + 1; j < start + WINDOW; j += 1) if (hashes[j]! <= hashes[min]!) min = j;
    prints.add(hashes[min]!);
  }
  if (hashes.length > 0 && hashes.length < WINDOW) prints.add(Math.min(...hashes));
  return prints;
}

/** Pairs (i < j) of reports of different agencies that share many fingerprints. */
export function candidatePairs(reduced: readonly Reduced[], groups: readonly (string | null)[]): [number, number][] {
  const index = new Map<number, number[]>();
  reduced.forEach((r, i) => {
    for (const print of r.prints) {
      const list = index.get(print);
      if (list) list.push(i);
      else index.set(print, [i]);
    }
  });
  // A fingerprint most reports share is county boilerplate, not a sign of one copying another.
  const cap = Math.max(30, Math.ceil(reduced.length * 0.1));
  const shared = new Map<number, number>();
  for (const list of index.values()) {
    if (list.length < 2 || list.length > cap) continue;
    for (let a = 0; a < list.length; a += 1) {
      for (let b = a + 1; b < list.length; b += 1) {
        const key = list[a]! * reduced.length + list[b]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: [number, number][] = [];
  for (const [key, count] of shared) {
    const i = Math.floor(key / reduced.length);
    const j = key % reduced.length;
    if (groups[i] !== null && groups[i] === groups[j]) continue; // one agency's years: crossyear.duplicate-text's business
    if (count >= CANDIDATE * Math.min(reduced[i]!.prints.size, reduced[j]!.prints.size)) pairs.push([i, j]);
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

export interface Comparison {
  shared: number;
  /** Shared share of each report's prose. */
  shares: [number, number];
  /** The longest shared runs of clauses, each in both reports' own words. */
  passages: [string[], string[]];
}

/** The exact comparison of two reduced reports: clause diff, then character diff inside changed clauses. */
export function compare(a: Reduced, b: Reduced): Comparison {
  let shared = 0;
  type Run = { a: string[]; b: string[]; chars: number; ends: [number, number] };
  const runs: Run[] = [];
  let run: Run | null = null;
  let i = 0;
  let j = 0;
  const parts = diffArrays(a.clauses.map((c) => c.key), b.clauses.map((c) => c.key));
  for (let p = 0; p < parts.length; p += 1) {
    const part = parts[p]!;
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      for (let k = 0; k < n; k += 1) {
        const x = a.clauses[i + k]!;
        const y = b.clauses[j + k]!;
        // Common wording left out between two clauses breaks the passage: it quotes text that stands together.
        if (run && (run.ends[0] !== x.at - 1 || run.ends[1] !== y.at - 1)) {
          runs.push(run);
          run = null;
        }
        run ??= { a: [], b: [], chars: 0, ends: [x.at, y.at] };
        run.a.push(x.text);
        run.b.push(y.text);
        run.chars += x.key.length;
        run.ends = [x.at, y.at];
      }
      shared += part.value.reduce((sum, key) => sum + key.length, 0);
      i += n;
      j += n;
      continue;
    }
    if (run) runs.push(run);
    run = null;
    const next = parts[p + 1];
    if (part.removed && next?.added) {
      // A clause edited by a word: its long common runs still count.
      shared += commonRuns(part.value.join(''), next.value.join(''));
      i += n;
      j += next.count ?? next.value.length;
      p += 1;
    } else if (part.removed) i += n;
    else j += n;
  }
  if (run) runs.push(run);
  const longest = runs.sort((x, y) => y.chars - x.chars).slice(0, MAX_PASSAGES);
  const quote = (clauses: string[]) => {
    const text = clauses.join('').replace(/[，,：:、。]$/, '');
    return text.length > MAX_PASSAGE ? `${text.slice(0, MAX_PASSAGE)}…` : text;
  };
  return {
    shared,
    shares: [a.chars ? shared / a.chars : 0, b.chars ? shared / b.chars : 0],
    passages: [longest.map((r) => quote(r.a)), longest.map((r) => quote(r.b))],
  };
}

function commonRuns(x: string, y: string): number {
  // Bounded: two clauses that differ throughout are not worth the quadratic worst case.
  const parts = diffChars(x, y, { maxEditLength: Math.max(64, Math.ceil((x.length + y.length) / 2)) });
  if (!parts) return 0;
  return parts.filter((part) => !part.added && !part.removed && part.value.length >= MIN_RUN).reduce((sum, part) => sum + part.value.length, 0);
}

export interface SimilarityRun {
  /** Per item, its part in a copy, or null. */
  similar: (SimilarTo | null)[];
  /** How many pairs were diffed exactly (the benchmark shows it stays near-linear). */
  compared: number;
}

/** Every pair and cluster of near-identical reports of different agencies in a batch. */
export function findSimilar(items: readonly ProseItem[]): SimilarityRun {
  const clauses = items.map(clausesOf);
  const common = commonClauses(clauses);
  const reduced = clauses.map((c) => reduce(c, common));
  const groups = agencyGroups(items);
  const candidates = candidatePairs(reduced, groups);
  const parent = items.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const best = new Map<number, { share: number; passages: string[] }>();
  const direct = new Map<string, [number, number]>();
  for (const [i, j] of candidates) {
    const c = compare(reduced[i]!, reduced[j]!);
    if (c.shared < MIN_SHARED || c.shares[0] <= SIMILAR_THRESHOLD || c.shares[1] <= SIMILAR_THRESHOLD) continue;
    parent[find(j)] = find(i);
    direct.set(`${i}|${j}`, c.shares);
    direct.set(`${j}|${i}`, [c.shares[1], c.shares[0]]);
    for (const [k, side] of [[i, 0], [j, 1]] as const) {
      if ((best.get(k)?.share ?? 0) < c.shares[side]) best.set(k, { share: c.shares[side], passages: c.passages[side] });
    }
  }
  const members = new Map<number, number[]>();
  for (const k of [...best.keys()].sort((x, y) => x - y)) members.set(find(k), [...(members.get(find(k)) ?? []), k]);
  const similar: (SimilarTo | null)[] = items.map(() => null);
  [...members.values()].forEach((group, n) => {
    for (const k of group) {
      similar[k] = {
        group: n + 1,
        share: best.get(k)!.share,
        passages: best.get(k)!.passages,
        peers: group.filter((other) => other !== k).map((other) => ({
          source: items[other]!.source, agency: items[other]!.agency, year: items[other]!.year, share: direct.get(`${k}|${other}`)?.[0] ?? null,
        })),
      };
    }
  });
  return { similar, compared: candidates.length };
}
