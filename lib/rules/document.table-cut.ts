import type { TableKey } from '../model/report';
import { defineRule, finding } from './define';
import { columnsOf } from './helpers';

/**
 * A table the document cuts at the page's right edge (a fixed-width Word table exported by Writer,
 * a nowrap page printed in portrait): the columns it does not show at all, one finding each, so the
 * auditor knows the document — not the report — lacks them. Their cells have no value, so no
 * arithmetic rule sums them (template/match.ts); report.column-missing leaves such a table alone.
 */
export default defineRule({
  id: 'document.table-cut',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    return (Object.keys(report.cuts ?? {}) as TableKey[]).flatMap((table) => {
      const rows = Object.values(report.tables[table] ?? {});
      const unshown = columnsOf(report, table).filter((column) => rows.length > 0 && rows.every((row) => row[column]?.status === 'missing' && row[column]!.value === null));
      return unshown.map((column) => finding('document.table-cut', 'warning', { table, column, src: report.tableSrc[table] ?? null }));
    });
  },
});
