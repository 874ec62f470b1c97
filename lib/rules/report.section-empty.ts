import { normalizeText, splitOrdinal } from '../extract/normalize';
import type { TextBlock } from '../model/report';
import { sectionOf } from '../template/sections';
import { defineRule, finding } from './define';

/** Parts whose emptiness evaluators deduct for: 一 总体情况 and 五 存在的主要问题及改进情况. */
const PARTS = [1, 5];
const NONE = /^(无|暂无|没有|无此项|无相关情况)$/;

/** A part's heading words; what follows them on the same line is the part's text. */
const HEADING_WORDS: Record<number, RegExp> = {
  1: /^总体情况/,
  5: /^存在的?主要问题(?:及|和|与|以及)?(?:改进|整改)?(?:情况|措施|方向|举措|计划)?/,
};

/** Text on the heading's own line (“五、存在的主要问题及改进情况：无”, “一、总体情况2023年，我局…”). */
function inlineText(heading: string, part: number): string {
  const body = splitOrdinal(normalizeText(heading)).body.replace(/^[一二三四五六1-6](?=总体|存在)/, '');
  return body.replace(HEADING_WORDS[part]!, '').replace(/^[:.,;。]+/, '');
}

/** Headings and prose in page order (table cells of a page come first in `src` order, before all prose). */
function inOrder(texts: readonly TextBlock[]): TextBlock[] {
  return texts.filter((block) => block.src !== null).sort((a, b) => a.src! - b.src!);
}

export default defineRule({
  id: 'report.section-empty',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    const blocks = inOrder(report.texts);
    const parts = blocks.map((block) => sectionOf(normalizeText(block.text)));
    const out = [];
    for (const part of PARTS) {
      const at = parts.indexOf(part);
      if (at < 0) continue;
      // The next part's heading ends it (a sub-heading repeating this part's words does not).
      const next = parts.findIndex((p, i) => i > at && p !== null && p !== part);
      const body = [inlineText(blocks[at]!.text, part), ...blocks.slice(at + 1, next < 0 ? undefined : next).map((block) => normalizeText(block.text))]
        .join('').replace(/[。.,;:!！]/g, '');
      const state = body === '' ? 'section.blank' : NONE.test(body) ? 'section.none' : null;
      if (state) out.push(finding('report.section-empty', 'warning', { text: blocks[at]!.text, src: blocks[at]!.src, data: { part, heading: blocks[at]!.text, state } }));
    }
    return out;
  },
});
