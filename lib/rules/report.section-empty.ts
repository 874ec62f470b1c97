import { normalizeText } from '../extract/normalize';
import { partOf } from '../template/sections';
import { defineRule, finding } from './define';

/** Parts whose emptiness evaluators deduct for: 一 总体情况 and 五 存在的主要问题及改进情况. */
const PARTS = [1, 5];
const NONE = /^(无|暂无|没有|无此项|无相关情况)$/;

export default defineRule({
  id: 'report.section-empty',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    const out = [];
    for (const part of PARTS) {
      const found = partOf(report.texts, part);
      if (!found) continue;
      const body = [found.inline, ...found.body.map((block) => normalizeText(block.text))].join('').replace(/[。.,;:!！]/g, '');
      const state = body === '' ? 'section.blank' : NONE.test(body) ? 'section.none' : null;
      const { heading } = found;
      if (state) out.push(finding('report.section-empty', 'warning', { text: heading.text, src: heading.src, data: { part, heading: heading.text, state } }));
    }
    return out;
  },
});
