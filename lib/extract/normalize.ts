/**
 * Label and cell normalisation, in the order formats.md prescribes: NFKC, one form for
 * brackets and punctuation classes, no whitespace, one quote character, ordinal split off.
 */

const INVISIBLE = /[\s\u00a0\u3000\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff]+/g;
const ARTEFACT_OPEN = /\[bookmark:/gi;

/**
 * Remove conversion artefacts that are not report content (Word's `[bookmark: _GoBack]`): what
 * `/\[bookmark:[^\]]*\]/gi` removes, in one pass. (That pattern rescans to the end of the text from
 * every unclosed `[bookmark:`, which is quadratic.)
 */
export function stripArtefacts(text: string): string {
  if (!/\[bookmark:/i.test(text)) return text;
  let out = '';
  let from = 0;
  ARTEFACT_OPEN.lastIndex = 0;
  for (let open = ARTEFACT_OPEN.exec(text); open; open = ARTEFACT_OPEN.exec(text)) {
    const close = text.indexOf(']', ARTEFACT_OPEN.lastIndex);
    if (close < 0) break; // no `]` after this one, so none after any later one either
    out += text.slice(from, open.index);
    from = close + 1;
    ARTEFACT_OPEN.lastIndex = from;
  }
  return out + text.slice(from);
}

/** Cell texts repeat (“0”, labels): normalising each distinct text once saves a tenth of an audit. */
const CACHE = new Map<string, string>();
const CACHE_LIMIT = 20_000;
/** Longer texts (prose, a whole table's text) rarely repeat: they are not kept, nor looked up (a look-up hashes all of the text). */
const CACHED_LENGTH = 200;

export function normalizeText(text: string): string {
  if (text.length > CACHED_LENGTH) return normalizeUncached(text);
  const cached = CACHE.get(text);
  if (cached !== undefined) return cached;
  const normalized = normalizeUncached(text);
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(text, normalized);
  return normalized;
}

/** One form for brackets and punctuation classes, one quote character: each a single character. */
const PUNCTUATION: Record<string, string> = {
  '、': ',', '，': ',', '；': ';', '：': ':', '〔': '(', '【': '(', '［': '(', '〕': ')', '】': ')', '］': ')',
  '“': '"', '”': '"', '"': '"', '「': '"', '」': '"', '『': '"', '』': '"', '„': '"', '‟': '"', '〝': '"', '〞': '"', '＂': '"',
  '－': '-', '—': '-', '–': '-', '―': '-', '‐': '-',
};
/** One pass for all of them: no character maps to one another entry maps (one pass equals one per class). */
const PUNCTUATION_CHARS = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'g');

function normalizeUncached(text: string): string {
  return stripArtefacts(text)
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(PUNCTUATION_CHARS, (char) => PUNCTUATION[char]!)
    // 钩稽 is 勾稽 (both spellings are in use for the template's 勾稽关系).
    .replace(/钩稽/g, '勾稽');
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1) return CN_DIGITS[text] ?? 0;
  // 十一 … 十九, 二十 …: enough for the template's ordinals.
  const [a = '', b = ''] = text.split('十');
  return (a ? (CN_DIGITS[a] ?? 0) : 1) * 10 + (b ? (CN_DIGITS[b] ?? 0) : 0);
}

export interface SplitLabel {
  /** `dot:3` for “三、”, “3.”, “3、”; `paren:3` for “（三）”, “(3)”; null when there is none. */
  ordinal: string | null;
  body: string;
}

const ORDINAL_PAREN = /^\(([一二三四五六七八九十]{1,3}|\d{1,2})\)/;
const ORDINAL_DOT = /^([一二三四五六七八九十]{1,3}|\d{1,2})[,.](?!\d)/;

/** How every ordinal `splitOrdinal` splits off begins: “(”, a digit, or a Chinese numeral. */
export const ORDINAL_START = /^[(\d一二三四五六七八九十]/;

/** Split the leading ordinal off an already normalised label. */
export function splitOrdinal(normalized: string): SplitLabel {
  if (!ORDINAL_START.test(normalized)) return { ordinal: null, body: normalized }; // most texts: neither pattern can match
  const paren = ORDINAL_PAREN.exec(normalized);
  if (paren?.[1]) return { ordinal: `paren:${chineseNumber(paren[1])}`, body: normalized.slice(paren[0].length) };
  const dot = ORDINAL_DOT.exec(normalized);
  if (dot?.[1]) return { ordinal: `dot:${chineseNumber(dot[1])}`, body: normalized.slice(dot[0].length) };
  return { ordinal: null, body: normalized };
}

/** Collapse whitespace for display while keeping the line structure of a cell. */
/** No whitespace and no `[` (so no artefact): `tidyText` would change nothing. Most cells. */
const ALREADY_TIDY = /^[^\s\u00a0\u3000[]*$/;

export function tidyText(text: string): string {
  if (ALREADY_TIDY.test(text)) return text;
  // Whitespace only around the text (a cell's paragraph: "\n0\n"): its lines would all be blank
  // but one, so the tidy text is the trimmed text. (`trim` and `\s` strip the same characters.)
  const trimmed = text.trim();
  if (ALREADY_TIDY.test(trimmed)) return trimmed;
  return stripArtefacts(text)
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && i < lines.length - 1 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}
