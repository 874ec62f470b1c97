/**
 * A report audited, then corrected and republished (issue 21), as real agencies do it after an
 * evaluator sends it back: one error fixed, two left, one new one made while editing, and the page
 * given a new 发布日期. Each error breaks exactly one relationship, so the re-audit's counts are
 * plain: 已整改 1 / 未整改 2 / 新增 1.
 */
import { clone, consistentReport, getCell, setCell, type ReportData } from './report-data';

const AGENCY = '测试县交通运输局';

/** The first publication: a wrong 行政复议 total, a wrong 直接起诉 total, and “左栏所有总计” left in （七）总计. */
export function firstPublication(): ReportData {
  const data = consistentReport('2021', 41);
  data.title = `${AGENCY}2023年政府信息公开工作年度报告`;
  data.published = '2024-01-19';
  setCell(data, 'appeals', 'reconsideration', 'total', Number(getCell(data, 'appeals', 'reconsideration', 'total')) + 2);
  setCell(data, 'appeals', 'litigation.direct', 'total', Number(getCell(data, 'appeals', 'litigation.direct', 'total')) + 1);
  setCell(data, 'applications', '3.7', 'total', '左栏所有总计');
  return data;
}

/** Republished: the 行政复议 total corrected, a wrong 复议后起诉 total made, dated ten days later. */
export function republished(): ReportData {
  const data = clone(firstPublication());
  const fresh = consistentReport('2021', 41);
  setCell(data, 'appeals', 'reconsideration', 'total', getCell(fresh, 'appeals', 'reconsideration', 'total'));
  setCell(data, 'appeals', 'litigation.after_reconsideration', 'total', Number(getCell(fresh, 'appeals', 'litigation.after_reconsideration', 'total')) + 3);
  data.published = '2024-01-29';
  return data;
}

/** The same page with only its 发布日期 moved (the tables and the text as they were). */
export function redated(): ReportData {
  const data = clone(firstPublication());
  data.published = '2024-01-24';
  return data;
}
