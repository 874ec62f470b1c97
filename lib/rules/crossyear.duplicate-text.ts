import { lastYear } from '../batch/previous';
import { originalSentence, proseSentences, proseTexts, repetition } from '../batch/prose';
import { defineRule, finding } from './define';

/** Evaluators deduct for 与上年度重复率大于50%: the share of this year's prose sentences that repeat last year's. */
const THRESHOLD = 0.5;
/** Below this many characters of prose there is too little text to speak of a share. */
const MIN_PROSE = 80;

export default defineRule({
  id: 'crossyear.duplicate-text',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    const previous = lastYear(report);
    if (!previous) return [];
    const texts = proseTexts(report);
    const current = proseSentences(texts);
    const { share, chars, example } = repetition(current, proseSentences(previous.texts));
    if (chars < MIN_PROSE || share <= THRESHOLD) return [];
    const percent = Math.round(share * 100);
    return [finding('crossyear.duplicate-text', 'warning', {
      expected: Math.round(THRESHOLD * 100), actual: percent, text: example && originalSentence(texts, example),
      data: { share: percent, previousYear: previous.year ?? '' },
    })];
  },
});
