import type { TextBlock } from '../model/report';
import { partOf, PROSE_HEADING } from '../template/sections';
import { defineRule, finding } from './define';

/** 国办公开办函〔2021〕30号 on part 一 (总体情况): “篇幅原则上不超过一千字”. */
const LIMIT = 1000;

/** A sub-heading on a line of its own (“（一）主动公开方面”): a heading, not prose. */
const isSubHeading = (text: string) => text.length < 30 && PROSE_HEADING.test(text) && !/[。；;]/.test(text);

/** What the notice counts as the part's length: its prose, without headings, spaces or lines of punctuation only. */
export function proseLength(blocks: readonly string[]): number {
  let length = 0;
  for (const text of blocks) {
    const plain = text.replace(/[\s\u00a0\u3000]+/g, '');
    if (!plain || isSubHeading(plain) || /^[\p{P}\p{S}]+$/u.test(plain)) continue;
    length += [...plain].length;
  }
  return length;
}

/**
 * The part's blocks, up to the first table when the part runs into one (a text dump's table cells are
 * lines among the prose, and a missing heading 二 must not make the tables part 一's).
 */
function ownBlocks(body: readonly TextBlock[], tableStart: number | null): TextBlock[] {
  return tableStart === null ? [...body] : body.filter((block) => block.src! < tableStart);
}

export default defineRule({
  id: 'report.summary-length',
  severity: 'info',
  formats: ['2021'],
  check(report) {
    if (!report.isReport) return [];
    const part = partOf(report.texts, 1);
    if (!part) return [];
    const after = Object.values(report.tableSrc).filter((src): src is number => src !== null && src !== undefined && src > part.heading.src!);
    const blocks = ownBlocks(part.body, after.length ? Math.min(...after) : null);
    const length = proseLength([part.inline, ...blocks.map((block) => block.text)]);
    if (length <= LIMIT) return [];
    return [finding('report.summary-length', 'info', { expected: LIMIT, actual: length, text: part.heading.text, src: part.heading.src })];
  },
});
