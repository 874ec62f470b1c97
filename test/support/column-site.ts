/**
 * A county's 年报 column for one year, as a 政务公开办 checks it: one report per unit on one list page,
 * each in a real site's page shape with the unit's own prose (test/support/unit-prose.ts), and the
 * 应报清单 of the units that must publish. The county column of the tests holds exactly: two listed
 * units that published nothing, one department published after 1月31日, and two units whose reports
 * copy a third's prose with the names and numbers changed.
 */
import { renderHtml } from './render';
import { consistentReport } from './report-data';
import { copiedProse, unitProse, withProse } from './unit-prose';

export interface UnitSpec {
  agency: string;
  /** 发布日期 on the page and beside the link. */
  published: string;
  /** The unit whose prose this one copies (its agency), if any. */
  copyOf?: string;
}

export interface ColumnPage {
  body: string;
}

export const COLUMN_YEAR = 2024;
export const COLUMN_LIST = '/xxgk/ndbg/index.html';
export const pathOf = (i: number) => `/xxgk/ndbg/202501/t2025_${String(i).padStart(4, '0')}.html`;

/** The county column of the tests (see the file's comment): 8 reports, 10 units on the list. */
export const COUNTY: UnitSpec[] = [
  { agency: '测试县发展和改革局', published: '2025-01-20' },
  { agency: '测试县教育局', published: '2025-01-22' },
  { agency: '测试县公安局', published: '2025-01-24' },
  { agency: '测试县财政局', published: '2025-02-18' }, // a department: 1月31日 passed
  { agency: '测试县人力资源和社会保障局', published: '2025-01-16' },
  { agency: '测试县自然资源局', published: '2025-01-27', copyOf: '测试县人力资源和社会保障局' },
  { agency: '测试县卫生健康委员会', published: '2025-01-29', copyOf: '测试县人力资源和社会保障局' },
  { agency: '测试县人民政府', published: '2025-03-20' }, // its own report: 3月31日
];

/** The 应报清单 as a 公开办 keeps it (Excel saved as CSV): short and full names, a kind column; 民政局 and 城关镇 published nothing. */
export const COUNTY_EXPECTED_CSV = [
  '序号,单位名称,类型',
  '1,县发展和改革局,部门',
  '2,测试县教育局,部门',
  '3,县公安局,部门',
  '4,县民政局,部门',
  '5,县财政局,部门',
  '6,县人力资源和社会保障局,部门',
  '7,县自然资源局,部门',
  '8,县卫生健康委员会,部门',
  '9,测试县人民政府,人民政府',
  '10,城关镇人民政府,街道乡镇',
].join('\r\n');

export const COUNTY_MISSING = ['县民政局', '城关镇人民政府'];
export const COUNTY_LATE = '县财政局';
export const COUNTY_COPIES = { original: '测试县人力资源和社会保障局', copies: ['测试县自然资源局', '测试县卫生健康委员会'] };

/** A unit's report page: consistent tables, its own (or its copied) prose, its title and date. */
export function unitPage(spec: UnitSpec, i: number, year = COLUMN_YEAR): string {
  const data = consistentReport('2021', 900 + i);
  data.title = `${spec.agency}${year}年政府信息公开工作年度报告`;
  data.published = spec.published;
  const seedOf = (agency: string) => [...agency].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const prose = spec.copyOf
    ? copiedProse(unitProse(spec.copyOf, year, seedOf(spec.copyOf)), spec.copyOf, spec.agency, i + 1)
    : unitProse(spec.agency, year, seedOf(spec.agency));
  return withProse(renderHtml(data, i % 2 ? 'cms' : 'word'), prose);
}

/** The list page: one line per report, the date beside each link. */
export function listPage(units: readonly UnitSpec[], year = COLUMN_YEAR): string {
  const items = units.map((spec, i) => `<li><a href="${pathOf(i)}" target="_blank">${spec.agency}${year}年政府信息公开工作年度报告</a><span class="date">${spec.published}</span></li>`);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>政府信息公开年报_测试县人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="${COLUMN_LIST}">政府信息公开年报</a></div>
<ul class="news-list">${items.join('\n')}</ul></body></html>`;
}

/** The site: the list page and every report page, by path. */
export function columnSite(units: readonly UnitSpec[] = COUNTY, year = COLUMN_YEAR): Map<string, ColumnPage> {
  const pages = new Map<string, ColumnPage>();
  units.forEach((spec, i) => pages.set(pathOf(i), { body: unitPage(spec, i, year) }));
  pages.set(COLUMN_LIST, { body: listPage(units, year) });
  return pages;
}

/**
 * A large column for the benchmark: `count` departments of a city, `copies` of them copying another's
 * prose (each a different original), all published on time.
 */
export function largeColumn(count: number, copies: number): UnitSpec[] {
  const units: UnitSpec[] = Array.from({ length: count }, (_, i) => ({ agency: `测试市第${i + 1}区第${i + 1}号单位管理局`, published: `2025-01-${String(10 + (i % 20)).padStart(2, '0')}` }));
  const step = Math.floor(count / Math.max(copies, 1));
  for (let k = 0; k < copies; k += 1) units[k * step + 1] = { ...units[k * step + 1]!, copyOf: units[k * step]!.agency };
  return units;
}
