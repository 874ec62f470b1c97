import { normalizeText } from '../extract/normalize';
import { matchPlaceholder } from '../template/phrases';
import { defineRule, finding } from './define';

const MAX_TEXT = 200;

/** Template instructions or definitions left in a heading, label or paragraph. */
export default defineRule({
  id: 'text.placeholder',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    const seen = new Set<string>();
    return report.texts.flatMap((block) => {
      const phrase = matchPlaceholder(normalizeText(block.text), 'text');
      const key = `${block.src}\u0000${block.text}`;
      if (!phrase || seen.has(key)) return [];
      seen.add(key);
      const text = block.text.length > MAX_TEXT ? `${block.text.slice(0, MAX_TEXT)}…` : block.text;
      return [finding('text.placeholder', 'warning', { text, src: block.src, data: { phrase } })];
    });
  },
});
