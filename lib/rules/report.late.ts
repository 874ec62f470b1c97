import { normalizeText } from '../extract/normalize';
import type { Report } from '../model/report';
import { defineRule, finding } from './define';

export type ReportKind = 'government' | 'department' | 'unknown';

/**
 * A people's government, a zone's 管委会 (开发区/新区/园区 …, not 国资委 or 城市管理委员会), or a place
 * name alone (“洪泽区2023年…”): the government's own report.
 */
const GOVERNMENT = /(人民政府|政府|行政公署|(?:区|园|港|开发区|新区|园区|试验区|示范区|合作区)(?:管委会|管理委员会|工委管委会)|[省市区县旗州盟镇乡])$/;
/** 街道办事处 and 乡镇 offices answer to local rules that differ: not told apart here. */
const UNSURE = /(街道|街道办事处|街道办)$/;
/** A department: 局, 委, 办, 中心 … (a government's 办公室 reporting on its own work is one too). */
const DEPARTMENT = /(局|委|委员会|办|办公室|办公厅|厅|中心|院|所|站|队|处|部|署|社|馆|会|集团|公司|分局|支队|大队|学校)$/;
/** “本报告由某某市人民政府办公室编制”: the office compiles the government's own report. */
const COMPILED_BY_OFFICE = /本报告(?:是)?由[^。，,]{0,30}(?:人民政府|政府)(?:办公室|办公厅)[^。]{0,40}编制/;

export function reportKind(report: Pick<Report, 'agency' | 'texts'>): ReportKind {
  const agency = normalizeText(report.agency ?? '').replace(/[()（）]/g, '');
  if (agency && UNSURE.test(agency)) return 'unknown';
  if (agency && GOVERNMENT.test(agency)) return 'government';
  if (agency && DEPARTMENT.test(agency)) return 'department';
  if (!agency && report.texts.slice(0, 60).some((block) => COMPILED_BY_OFFICE.test(normalizeText(block.text).replace(/,/g, '，')))) return 'government';
  return 'unknown';
}

/** The legal deadline for a report on `year`, and why (条例 2019 第四十九条; 2007 第三十一条 before). */
export function deadlineOf(year: number, kind: ReportKind): { date: string; basis: string } {
  if (year <= 2018) return { date: `${year + 1}-03-31`, basis: 'deadline.before-2019' };
  if (kind === 'department') return { date: `${year + 1}-01-31`, basis: 'deadline.department' };
  return { date: `${year + 1}-03-31`, basis: kind === 'government' ? 'deadline.government' : 'deadline.unknown' };
}

export default defineRule({
  id: 'report.late',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport || report.year === null || !report.publishedAt) return [];
    const { date, basis } = deadlineOf(report.year, reportKind(report));
    // ISO dates compare as strings; a date before the year ended is a misreading, not a late report.
    if (report.publishedAt <= date || report.publishedAt < `${report.year + 1}-01-01`) return [];
    return [finding('report.late', 'warning', {
      expected: date, actual: report.publishedAt, text: report.title,
      data: { agency: report.agency ?? report.title ?? '', basis },
    })];
  },
});
