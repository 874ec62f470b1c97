/**
 * A document's title, chosen as a page's is (html.ts: headings first, then the first lines, each
 * read by `pickTitle`): here the headings are the lines set larger than the body text, or centred,
 * near the top, a heading wrapped over lines joined (“沭阳县发展和改革局2023年政府信息公开年” /
 * “度报告”), the largest first. A crawler's or a metadata table's field label (标题：, 名称) is no part
 * of the title.
 */
import { joinSplitTitles, pickTitle } from '../types';
import { foldText } from './chars';
import { joinLine } from './page';
import type { LayoutSettings } from './settings';
import type { Line } from './types';

/** A field label before the title: 标题：, 题目：, 名称 (a metadata table's row). */
const FIELD_LABEL = /^(?:文章标题|信息名称|标题|题目|名称)\s*[:：]?\s*/;
/** A line of running prose: a title has no sentence punctuation. */
const SENTENCE = /[。，；,;]/;

/** The title among a document's lines (reading order), or the metadata's title, or null. */
export function documentTitle(lines: readonly Line[], metadata: string | null, settings: LayoutSettings): string | null {
  const { nearTop, larger, centred: centring } = settings.title;
  const top = lines.slice(0, nearTop);
  if (top.length === 0) return pickTitle([metadata]);
  const body = bodySize(top);
  const column = new Map<number, { x0: number; x1: number }>();
  for (const line of top) {
    const own = column.get(line.page) ?? { x0: Infinity, x1: -Infinity };
    column.set(line.page, { x0: Math.min(own.x0, line.chunks[0]!.x0), x1: Math.max(own.x1, line.chunks[line.chunks.length - 1]!.x1) });
  }
  const isHeading = (line: Line) => {
    const { x0, x1 } = column.get(line.page)!;
    const left = line.chunks[0]!.x0;
    const right = line.chunks[line.chunks.length - 1]!.x1;
    const centred = left > x0 + line.size && Math.abs((left + right) / 2 - (x0 + x1) / 2) <= centring * line.size;
    return line.size >= body * larger || centred;
  };
  // Consecutive heading lines of one size are one heading wrapped: the whole first, then its lines.
  const groups: { lines: string[]; size: number; order: number }[] = [];
  top.forEach((line, i) => {
    if (!isHeading(line)) return;
    const last = groups[groups.length - 1];
    // A heading that already reads as a title is whole: the centred line below it (发布日期：…) is another.
    const goesOn = last && last.order + last.lines.length === i && Math.abs(line.size - last.size) < 0.05 * last.size && pickTitle([last.lines.join('')]) === null;
    if (last && goesOn) last.lines.push(clean(joinLine(line)));
    else groups.push({ lines: [clean(joinLine(line))], size: line.size, order: i });
  });
  const prominent = [...groups].sort((a, b) => b.size - a.size || a.order - b.order).flatMap((group) => [group.lines.join(''), ...(group.lines.length > 1 ? group.lines : [])]);
  // A line that fills the text column is a paragraph's, wrapped (…关于印发〈…年度报告格式〉的通知》): no title.
  const full = (line: Line) => line.chunks[line.chunks.length - 1]!.x1 >= column.get(line.page)!.x1 - 2 * line.size;
  const first = joinSplitTitles(top.slice(0, 12).filter((line) => !full(line)).map((line) => clean(joinLine(line))).filter((text) => !SENTENCE.test(text)));
  return pickTitle(prominent) ?? pickTitle([...first, metadata]);
}

/** The line as the readers hand text on, without a field label. */
const clean = (text: string) => foldText(text).replace(FIELD_LABEL, '').trim();

/** The body text's font size: the size most of the text is set in. */
function bodySize(lines: readonly Line[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 10) / 10;
    chars.set(size, (chars.get(size) ?? 0) + joinLine(line).length);
  }
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
