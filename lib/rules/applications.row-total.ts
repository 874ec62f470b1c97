import { defineRule, finding } from './define';
import { APPLICANT_PARTS, cellAt, ref, sumOf } from './helpers';

/** 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他, in every row. */
export default defineRule({
  id: 'applications.row-total',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    return Object.keys(report.tables.applications ?? {}).flatMap((row) => {
      const parts = APPLICANT_PARTS.map((part) => ref('applications', row, part));
      const expected = sumOf(report, parts);
      const total = cellAt(report, 'applications', row, 'total');
      if (expected === null || total?.value == null || total.value === expected) return [];
      return [finding('applications.row-total', 'error', {
        table: 'applications', row, column: 'total', cells: [...parts, ref('applications', row, 'total')],
        expected, actual: total.value, src: total.src,
      })];
    });
  },
});
