import type { TableKey } from '../model/report';
import { tableDef } from '../template/model';
import { defineRule, finding } from './define';

/** A template row that a table which was found does not have (alternatives accepted, see formats). */
export default defineRule({
  id: 'report.row-missing',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport || !report.format) return [];
    return (Object.keys(report.tables) as TableKey[]).flatMap((key) => {
      const table = tableDef(report.format, key);
      const parsed = report.tables[key] ?? {};
      return table.rows
        .filter((row) => !row.group && !row.optional && row.columns.length > 0 && !parsed[row.key])
        .filter((row) => !(table.alternatives?.[row.key]?.every((alt) => parsed[alt]) ?? false))
        .map((row) => finding('report.row-missing', 'error', { table: key, row: row.key, src: report.tableSrc[key] ?? null }));
    });
  },
});
