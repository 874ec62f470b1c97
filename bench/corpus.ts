/** Pages the benchmarks run on: typical reports, scaled-up reports, and pages that are not reports. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditText } from '../lib/audit';
import type { AuditResult } from '../lib/model/result';
import { hongze2023, huaian2024 } from '../test/fixtures/real-reports';
import { HTML_SHAPES, esc, renderHtml } from '../test/support/render';
import { sharedPath } from '../test/support/shared';
import { unitProse, withProse } from '../test/support/unit-prose';
import { ACTIVE_COLUMNS, applicationRows, consistentReport, setCell, type ReportData, type Value } from '../test/support/report-data';

/** A seed's tables as report data (raw text kept where it is not a number), for a Word-export rendering. */
export function seedData(text: string): ReportData {
  const result: AuditResult = auditText(text).result;
  const value = (table: 'active' | 'applications' | 'appeals', row: string, column: string): Value =>
    result.raw[table]?.[row]?.[column] ?? result.tables[table]?.[row]?.[column] ?? '';
  const format = result.format ?? '2019';
  const other = result.tables.applications?.['3.6'] ? 'single' : 'sub';
  const data = consistentReport(format, 1, { other });
  data.title = result.title ?? data.title;
  for (const [row, columns] of Object.entries(ACTIVE_COLUMNS[format])) {
    for (const column of columns) data.active[row]![column] = value('active', row, column);
  }
  for (const row of applicationRows(other)) {
    data.applications[row] = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'].map((c) => value('applications', row, c));
  }
  for (const row of ['reconsideration', 'litigation.direct', 'litigation.after_reconsideration']) {
    for (const column of ['upheld', 'corrected', 'other', 'pending', 'total']) setCell(data, 'appeals', row, column, value('appeals', row, column));
  }
  return data;
}

export function seedPages(seedDir: string): { name: string; html: string }[] {
  return readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((file) => ({
    name: `seed ${file.slice(0, 3)}`,
    html: renderHtml(seedData(readFileSync(join(seedDir, file), 'utf8')), 'word'),
  }));
}

export function typicalPages(seedDir: string): { name: string; html: string }[] {
  return [
    ...seedPages(seedDir),
    { name: 'real 洪泽区 2023', html: renderHtml(hongze2023, 'word') },
    { name: 'real 淮安市 2024', html: renderHtml(huaian2024, 'word') },
  ];
}

/** The report's tables repeated k times in one page: k times the cells. */
export function scaledPage(k: number): string {
  const html = renderHtml(consistentReport('2021', 77), 'word');
  const start = html.indexOf('<div class="WordSection1">');
  const end = html.lastIndexOf('</div>\n<div class="footer">');
  const body = html.slice(start, end + 6);
  return html.slice(0, start) + body.repeat(k) + html.slice(end + 6);
}

/** An ordinary article page of about `bytes` bytes: paragraphs, links, images, no tables. */
export function newsPage(bytes: number): string {
  const paragraph = '<p>为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，进一步提升政府信息公开质量，我市召开专题会议。'
    + '<a href="/news/1.html">相关链接</a> <img src="/a.png" alt="图片"> 会议强调，要坚持以公开为常态、不公开为例外。</p>\n';
  const count = Math.ceil(bytes / Buffer.byteLength(paragraph));
  return `<!doctype html><html><head><meta charset="utf-8"><title>新闻</title></head><body><div class="article">${paragraph.repeat(count)}</div></body></html>`;
}

/** A portal page full of layout and list tables, none of them a report. */
export function manyTablesPage(tables: number): string {
  const table = (i: number) => `<table class="list"><tr><td><a href="/n/${i}.html">通知公告第${i}号</a></td><td>2024-01-${(i % 28) + 1}</td></tr>`
    + '<tr><td>行政许可事项办理指南</td><td>下载</td></tr><tr><td>信息公开目录</td><td>查看</td></tr></table>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>门户</title></head><body>${Array.from({ length: tables }, (_, i) => table(i)).join('\n')}</body></html>`;
}

/** The real report pages (../shared/fixtures/real/pages/, see its MANIFEST.md), as published. */
export function realPages(): { name: string; html: string }[] {
  const dir = sharedPath('fixtures', 'real', 'pages');
  return readdirSync(dir).filter((f) => f.endsWith('.html')).sort().map((f) => ({ name: `real-${f}`, html: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * A report rendered in `shape` inside the whole crawled page of 沭阳县发展和改革局 (its head, styles,
 * scripts, navigation, metadata table with `<publishtime>`, footer iframe): what a user saves from a
 * county site is the report plus some 80 KB of site around it, and the reader pays for all of it.
 */
function inRealChrome(chrome: string, report: string, title: string, published: string): string {
  const open = chrome.indexOf('<ucapcontent>') + '<ucapcontent>'.length;
  const close = chrome.indexOf('</ucapcontent>');
  return (chrome.slice(0, open) + report + chrome.slice(close))
    .replace(/<title>[^<]*<\/title>/, `<title>${esc(title)}</title>`)
    .replace(/<ucaptitle>[^<]*<\/ucaptitle>/, `<ucaptitle>${esc(title)}</ucaptitle>`)
    .replace(/<publishtime>[^<]*<\/publishtime>/, `<publishtime>${esc(published)}</publishtime>`);
}

/**
 * The corpus of the whole-command bench and the warm pass (issue 25): the real pages once each, then
 * reports of distinct units (each its own prose, so the batch's copying check sees no false copies)
 * in every markup shape in turn, inside a real site's page, a third of them with an error. `size`
 * pages in all (the first `size` real pages when fewer than there are).
 */
export function realShapedCorpus(size: number): { name: string; html: string }[] {
  const real = realPages();
  const chrome = real.find((page) => page.html.includes('<ucapcontent>'))!.html;
  const rendered = Array.from({ length: Math.max(size - real.length, 0) }, (_, i) => {
    const format = i % 2 === 0 ? '2019' : '2021';
    const agency = `测试市第${i + 1}区第${i + 1}号单位管理局`;
    const data = consistentReport(format, 2000 + i);
    const year = Number(data.published.slice(0, 4)) - 1;
    data.title = `${agency}${year}年政府信息公开工作年度报告`;
    if (i % 3 === 0) setCell(data, 'appeals', 'reconsideration', 'total', 999);
    const shape = HTML_SHAPES[i % HTML_SHAPES.length]!;
    const page = withProse(renderHtml(data, shape), unitProse(agency, year, 7 + i));
    const report = page.slice(page.indexOf('<body>') + '<body>'.length, page.lastIndexOf('</body>'));
    return { name: `report-${String(i).padStart(4, '0')}-${shape}.html`, html: inRealChrome(chrome, report, data.title, data.published) };
  });
  return [...real, ...rendered].slice(0, size);
}
