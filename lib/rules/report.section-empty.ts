import { normalizeText, splitOrdinal } from '../extract/normalize';
import type { TextBlock } from '../model/report';
import { sectionOf } from '../template/sections';
import { defineRule, finding } from './define';

/** Parts whose emptiness evaluators deduct for: 一 总体情况 and 五 存在的主要问题及改进情况. */
const PARTS = [1, 5];
const NONE = /^(无|暂无|没有|无此项|无相关情况)$/;

/** Text on the heading's own line after a colon or full stop (“五、存在的主要问题及改进情况：无”). */
function inlineText(heading: string): string {
  const body = splitOrdinal(normalizeText(heading)).body;
  const cut = body.search(/[:。]/);
  return cut < 0 ? '' : body.slice(cut + 1);
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
      const next = parts.findIndex((p, i) => i > at && p !== null);
      const body = [inlineText(blocks[at]!.text), ...blocks.slice(at + 1, next < 0 ? undefined : next).map((block) => normalizeText(block.text))]
        .join('').replace(/[。.,;:!！]/g, '');
      const state = body === '' ? 'section.blank' : NONE.test(body) ? 'section.none' : null;
      if (state) out.push(finding('report.section-empty', 'warning', { text: blocks[at]!.text, src: blocks[at]!.src, data: { part, heading: blocks[at]!.text, state } }));
    }
    return out;
  },
});
