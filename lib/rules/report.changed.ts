import { comparable, proseTexts } from '../batch/prose';
import { tablesOf } from '../result';
import { defineRule, finding } from './define';

/**
 * The page changed in place after an earlier audit recorded it (rules.md): the CASS transparency
 * index scores reports altered after publication (发布后有变动), and evaluators check for dates
 * moved after the fact. Compared with the record of the same address and the same report year:
 * the tables (values and raw text), the prose outside them, the publication date. A page whose
 * hash differs while none of these did (a CMS's visit counter, a new menu) did not change as a report.
 */

/** JSON with sorted keys: the same tables compare equal whatever order they were read in. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export default defineRule({
  id: 'report.changed',
  severity: 'warning',
  formats: ['2019', '2021'],
  check(report) {
    const before = report.baseline;
    if (!report.isReport || !before?.sameSource || report.year === null || before.year !== report.year) return [];
    const now = tablesOf(report);
    const tables = canonical({ tables: now.tables, raw: now.raw }) !== canonical({ tables: before.tables, raw: before.raw });
    const prose = comparable(proseTexts(report).join('')) !== comparable(before.texts.join(''));
    const date = (report.publishedAt ?? null) !== (before.publishedAt ?? null);
    if (!tables && !prose && !date) return [];
    const what = tables && prose ? 'changed.tables-prose' : tables ? 'changed.tables' : prose ? 'changed.prose' : 'changed.date';
    return [finding('report.changed', 'warning', {
      expected: before.publishedAt, actual: report.publishedAt,
      data: { recordedAt: before.auditedAt.slice(0, 10), what, before: before.publishedAt ?? 'changed.none', after: report.publishedAt ?? 'changed.none' },
    })];
  },
});
