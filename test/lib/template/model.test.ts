import { describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '../../../lib/model/report';
import { childRows, columnKind, columnsByRow, formatDef, formatForYear, FORMATS, relationRules, relationsOf, rowDef, tableDef, valueRows } from '../../../lib/template/model';

describe('the template model', () => {
  it('chooses the format prescribed for a year, the oldest without one', () => {
    expect([2018, 2019, 2020, 2021, 2030, null].map(formatForYear)).toEqual(['2019', '2019', '2019', '2021', '2021', '2019']);
    expect(formatDef(null)).toBe(FORMATS['2019']);
  });

  it('lists the value rows, and the rows each format accepts in their place', () => {
    const app2021 = tableDef('2021', 'applications');
    expect(valueRows(app2021).filter((key) => key.startsWith('3.6'))).toEqual(['3.6.1', '3.6.2', '3.6.3']);
    expect(valueRows(app2021, true).filter((key) => key.startsWith('3.6'))).toEqual(['3.6']);
    expect(valueRows(tableDef('2019', 'applications'), true).filter((key) => key.startsWith('3.6'))).toEqual(['3.6.1', '3.6.2', '3.6.3']);
    expect(valueRows(app2021)).toHaveLength(25);
    expect(columnsByRow(tableDef('2021', 'active'))['8.fees']).toEqual(['amount']);
  });

  it('knows each column’s kind and each row’s place in the layout', () => {
    expect(columnKind('2019', 'active', 'change')).toBe('signed');
    expect(columnKind('2021', 'active', 'amount')).toBe('money');
    expect(columnKind('2021', 'applications', 'natural')).toBe('count');
    expect(childRows(tableDef('2021', 'applications'), '3.3')).toHaveLength(8);
    expect(rowDef('2021', 'applications', '3.3.1')).toMatchObject({ printed: '1.属于国家秘密', zh: '（三）不予公开·1.属于国家秘密', parent: '3.3' });
  });

  it('describes every row and column of every table in both languages, and every relation names only cells its table has', () => {
    for (const format of Object.values(FORMATS)) {
      for (const table of TABLE_KEYS) {
        const def = format.tables[table];
        const rows = new Set(def.rows.map((row) => row.key));
        const columns = new Set(def.columns.map((column) => column.key));
        for (const row of def.rows) {
          expect(row.zh && row.en && row.printed, `${format.format} ${table} ${row.key}`).toBeTruthy();
          for (const column of row.columns) expect(columns.has(column), `${row.key}/${column}`).toBe(true);
          if (row.parent) expect(rows.has(row.parent), `${row.key} under ${row.parent}`).toBe(true);
        }
        for (const relation of def.relations) {
          const keys = [...relation.left, ...relation.right, ...(relation.over ?? [])].map((term) => (typeof term === 'string' ? term : term.key));
          const names = relation.along === 'row' ? [...relation.left, ...relation.right].map((t) => (typeof t === 'string' ? t : t.key)) : keys;
          for (const key of names) expect((relation.along === 'row' ? columns : rows).has(key), `${relation.rule}: ${key}`).toBe(true);
        }
      }
    }
  });

  it('says which rules report relations, and of which table', () => {
    expect(relationRules('2019')).toEqual(new Map([
      ['active.projects-negative', 'active'], ['active.cumulative-below-new', 'active'], ['applications.row-total', 'applications'],
      ['applications.results-total', 'applications'], ['applications.balance', 'applications'], ['appeals.total', 'appeals'],
    ]));
    expect(relationsOf('2021', 'active').map((r) => r.rule)).toEqual(['active.in-force']);
  });
});
