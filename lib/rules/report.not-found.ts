import { normalizeText } from '../extract/normalize';
import type { Report } from '../model/report';
import { defineRule, finding } from './define';

/**
 * Template labels glued to their numbers (“规范性文件898989”, a crawler's textContent): the words
 * of a report are there, but nothing separates its cells.
 */
const GLUED = /(本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|予以公开|部分公开|规范性文件|规章|行政许可|行政处罚|行政强制|总计|结果维持|结果纠正|尚未审结|其他结果)\d{3,}/g;
const REPORT_WORDS = /(政府信息公开|政务公开).*(年度报告|年报|工作报告)/;

function gluedSample(report: Report): string | null {
  const labels = new Set<string>();
  let sample: string | null = null;
  for (const block of report.texts) {
    for (const glued of normalizeText(block.text).match(GLUED) ?? []) {
      labels.add(glued.replace(/\d+$/, ''));
      // The first run of several values shows the fault best (“规范性文件898989” rather than “规章000”).
      if (!sample || (sample.replace(/\D/g, '').length < 4 && glued.replace(/\D/g, '').length >= 4)) sample = glued;
    }
  }
  return labels.size >= 3 ? sample : null;
}

/** Most pages are not reports: say so, quietly; and say why when the report is there but cannot be read. */
export default defineRule({
  id: 'report.not-found',
  severity: 'info',
  formats: ['2019', '2021'],
  check(report) {
    if (report.isReport) return [];
    const glued = gluedSample(report);
    if (glued) return [finding('report.not-found', 'info', { text: glued, data: { reason: 'not-found.no-separators', sample: `“${glued}”` } })];
    const attachment = report.attachments?.find((name) => REPORT_WORDS.test(name)) ?? (report.title && REPORT_WORDS.test(report.title) ? report.attachments?.[0] : undefined);
    if (attachment) return [finding('report.not-found', 'info', { text: attachment, data: { reason: 'not-found.attachment', sample: `“${attachment}”` } })];
    return [finding('report.not-found', 'info', {})];
  },
});
