import { splitOrdinal } from '../extract/normalize';

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
  return SECTIONS.find((section) => section.test(body))?.part ?? null;
}

/** Which table a part's heading introduces. */
export const SECTION_TABLE = { 2: 'active', 3: 'applications', 4: 'appeals' } as const;
