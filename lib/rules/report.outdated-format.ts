import type { Format, Report } from '../model/report';
import { formatForYear } from '../template/model';
import { defineRule, finding } from './define';

const SUB_ROWS = ['3.6.1', '3.6.2', '3.6.3'];

/** The format the applications table's （六）其他处理 points to: one row (2019) or three sub-rows (2021). */
function applicationsFormat(report: Report): Format | null {
  const table = report.tables.applications;
  if (!table) return null;
  if (SUB_ROWS.some((row) => table[row])) return '2021';
  return table['3.6'] ? '2019' : null;
}

/**
 * Reports on 2021 and later use the 2021 format, reports on 2019 and 2020 the 2019 one. Judged per
 * table: real 区 and 片区 reports keep the 2019 （六）其他处理 row under a 2021 active table.
 */
export default defineRule({
  id: 'report.outdated-format',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport || report.year === null) return [];
    const expected = formatForYear(report.year);
    const data = { year: report.year };
    const out = [];
    const active = report.tables.active ? report.tableFormats.active : undefined;
    if (active && active !== expected) {
      out.push(finding('report.outdated-format', 'warning', {
        table: 'active', expected, actual: active, src: report.tableSrc.active ?? null, data: { ...data, detail: `outdated.active-${active}` },
      }));
    }
    // The 2021 sub-rows in a 2019 table are accepted (formats.md): only the old single row is flagged.
    if (expected === '2021' && applicationsFormat(report) === '2019') {
      out.push(finding('report.outdated-format', 'warning', {
        table: 'applications', row: '3.6', expected, actual: '2019', src: report.rowLabels.applications?.['3.6']?.src ?? null,
        data: { ...data, detail: 'outdated.single-other' },
      }));
    }
    return out;
  },
});
