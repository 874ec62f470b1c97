/**
 * A real-shaped report page with one fact changed: render the data in a site's shape, then replace
 * exact strings of the page (a sentence of the prose, a date). A replacement that finds nothing fails,
 * so a test can never pass by editing nothing.
 */
import { auditText } from '../../../lib/audit';
import { auditHtml } from '../../support/audit';
import { HTML_SHAPES, renderHtml, renderText, type HtmlShape, type TextShape } from '../../support/render';
import type { ReportData } from '../../support/report-data';

export type Edit = readonly [from: string, to: string];

/** The prose the renderer writes (test/support/render.ts), which edits replace. */
export const PROSE = {
  overview: '本报告依据《中华人民共和国政府信息公开条例》编制。全年主动公开政府信息若干条，依申请公开工作依法办理。',
  problems: '一是公开内容还需进一步丰富；二是工作机制还需进一步完善。下一步将加强培训，提升公开质量。',
} as const;

export function renderPage(data: ReportData, shape: HtmlShape | TextShape): string {
  return (HTML_SHAPES as readonly string[]).includes(shape) ? renderHtml(data, shape as HtmlShape) : renderText(data, shape as TextShape);
}

export function edit(page: string, edits: readonly Edit[]): string {
  let out = page;
  for (const [from, to] of edits) {
    if (!out.includes(from)) throw new Error(`edit found nothing to replace: ${from}`);
    out = out.split(from).join(to);
  }
  return out;
}

export function auditEdited(data: ReportData, shape: HtmlShape | TextShape, edits: readonly Edit[] = []) {
  const page = edit(renderPage(data, shape), edits);
  return (HTML_SHAPES as readonly string[]).includes(shape) ? auditHtml(page) : auditText(page);
}
