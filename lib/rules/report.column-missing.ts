import type { TableKey } from '../model/report';
import { defineRule, finding } from './define';
import { missingColumns } from './helpers';

/** A column that no row of a found table has: every row stops short of it (a table the page's edge cuts is document.table-cut's). */
export default defineRule({
  id: 'report.column-missing',
  severity: 'error',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    return (Object.keys(report.tables) as TableKey[]).filter((table) => !report.cuts?.[table]).flatMap((table) =>
      missingColumns(report, table).map((column) => finding('report.column-missing', 'error', { table, column, src: report.tableSrc[table] ?? null })),
    );
  },
});
