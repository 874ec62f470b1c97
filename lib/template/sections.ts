import { normalizeText, splitOrdinal } from '../extract/normalize';
import type { TextBlock } from '../model/report';

/** The six parts of a report, recognised by meaning rather than by exact wording or numbering. */
const SECTIONS: readonly { part: number; test: (body: string) => boolean }[] = [
  { part: 1, test: (body) => body.startsWith('总体情况') },
  { part: 2, test: (body) => body.startsWith('主动公开政府信息') },
  { part: 3, test: (body) => body.includes('收到和处理政府信息公开申请') },
  { part: 4, test: (body) => body.includes('复议') && body.includes('诉讼') && body.includes('政府信息公开') },
  { part: 5, test: (body) => body.includes('存在的主要问题') || (body.includes('主要问题') && body.includes('改进')) },
  { part: 6, test: (body) => body.startsWith('其他需要报告') },
];

const MAX_HEADING = 64;
/** An ordinal written without its 、 (“一总体情况”, “5存在的主要问题”): only before a part's own words. */
const BARE_ORDINAL = /^(?:[一二三四五六]|[1-6])(?=总体情况|主动公开政府信息|收到和处理|政府信息公开(?:的)?行政复议|存在的?主要问题|其他需要报告)/;

/**
 * Words at least one of which every part's test needs (its `startsWith` or one of its `includes`):
 * text without any of them (numbers, labels: nearly every cell) is no heading, found in one search.
 */
const ANY_PART_WORD = /总体情况|主动公开政府信息|收到和处理政府信息公开申请|复议|主要问题|其他需要报告/;

/** The part number (1–6) a heading introduces, or null. Needs a dot ordinal (一、 / 1、) or none. */
export function sectionOf(normalized: string): number | null {
  if (normalized.length > MAX_HEADING || !ANY_PART_WORD.test(normalized)) return null;
  const { ordinal, body: split } = splitOrdinal(normalized);
  const body = ordinal === null ? split.replace(BARE_ORDINAL, '') : split;
  if (ordinal?.startsWith('paren:')) return null;
  // Without an ordinal, a line holding a sentence's punctuation or a count is prose, not a heading: the
  // 平潭 2023 report printed landscape has the printed line “占1.23%;其他处理2件,…因政府信息公开引起的
  // 行政复议案件2件、行政诉讼案件7件。”, which ended part 一 there as if it were heading 四.
  if (ordinal === null && /[。；;%]|\d/.test(body)) return null;
  return SECTIONS.find((section) => section.test(body))?.part ?? null;
}

/** Which table a part's heading introduces. */
export const SECTION_TABLE = { 2: 'active', 3: 'applications', 4: 'appeals' } as const;

/** A heading's ordinal at the start of a line: 一、 第二部分 （三） 4、 */
export const PROSE_HEADING = /^(第?[一二三四五六七八九十]+[、.．部]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])/;

/**
 * Blocks joined where a sentence runs on: a PDF gives one block per printed line, so a block that
 * ends without a full stop continues into the next, unless it is a heading. A joined block keeps the
 * first line's other fields (its `src`).
 */
export function joinRunOnLines<B extends { text: string }>(blocks: readonly B[]): B[] {
  const out: B[] = [];
  let open = false;
  for (const block of blocks) {
    const trimmed = block.text.trim();
    if (open && !PROSE_HEADING.test(trimmed)) out[out.length - 1] = { ...out[out.length - 1]!, text: out[out.length - 1]!.text + trimmed };
    else out.push({ ...block, text: trimmed });
    open = trimmed.length >= 15 && !/[。！？；!?;:：]$/.test(trimmed) && !(PROSE_HEADING.test(trimmed) && trimmed.length < 30);
  }
  return out;
}

/** Headings and prose in page order (table cells of a page come first in `src` order, before all prose). */
export function inPageOrder(texts: readonly TextBlock[]): TextBlock[] {
  return texts.filter((block) => block.src !== null).sort((a, b) => a.src! - b.src!);
}

export interface Part {
  /** The block holding the part's heading. */
  heading: TextBlock;
  /** Text on the heading's own line after the heading's words (“一、总体情况2023年，我局…”). */
  inline: string;
  /** The blocks up to the next part's heading. */
  body: TextBlock[];
}

/** A part's heading words; what follows them on the same line is the part's text. */
const HEADING_WORDS: Record<number, RegExp> = {
  1: /^总体情况/,
  5: /^存在的?主要问题(?:及|和|与|以及)?(?:改进|整改)?(?:情况|措施|方向|举措|计划)?/,
  6: /^其他需要报告的?事项/,
};

/** Part `part` (1–6) of a report's prose, in page order; null when its heading is not there. */
export function partOf(texts: readonly TextBlock[], part: number): Part | null {
  const blocks = inPageOrder(texts);
  const parts = blocks.map((block) => sectionOf(normalizeText(block.text)));
  const at = parts.indexOf(part);
  if (at < 0) return null;
  // The next part's heading ends it (a sub-heading repeating this part's words does not).
  const next = parts.findIndex((p, i) => i > at && p !== null && p !== part);
  const heading = blocks[at]!;
  const body = splitOrdinal(normalizeText(heading.text)).body.replace(/^[一二三四五六1-6](?=总体|存在|其他)/, '');
  const inline = HEADING_WORDS[part] ? body.replace(HEADING_WORDS[part], '').replace(/^[:.,;。]+/, '') : '';
  return { heading, inline, body: blocks.slice(at + 1, next < 0 ? undefined : next) };
}
