import type { TableKey } from '../model/report';
import { FORMATS } from '../template/formats';
import { defineRule, finding } from './define';

/** A template row that a table which was found does not have (alternatives accepted, see formats). */
export default defineRule({
  id: 'report.row-missing',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport || !report.format) return [];
    const format = FORMATS[report.format];
    return (Object.keys(report.tables) as TableKey[]).flatMap((key) => {
      const table = format.tables[key];
      const parsed = report.tables[key] ?? {};
      return table.rows
        .filter((row) => !row.group && !row.optional && row.columns.length > 0 && !parsed[row.key])
        .filter((row) => !(table.alternatives?.[row.key]?.every((alt) => parsed[alt]) ?? false))
        .map((row) => finding('report.row-missing', 'error', { table: key, row: row.key, src: report.tableSrc[key] ?? null }));
    });
  },
});
