import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importName, withLocaleEntry, withRegistryEntry } from '../../scripts/new-rule';

const INDEX = readFileSync(new URL('../../lib/rules/index.ts', import.meta.url), 'utf8');
const ZH = readFileSync(new URL('../../lib/i18n/zh_CN.ts', import.meta.url), 'utf8');

describe('npm run new-rule', () => {
  it('names the import after the id', () => {
    expect(importName('report.section-empty')).toBe('reportSectionEmpty');
  });

  it('imports and lists the rule in the registry, in id order', () => {
    // An id no rule has (report.late, the example before, is a rule now).
    const out = withRegistryEntry(INDEX, 'report.page-count');
    expect(out).toContain("import reportPageCount from './report.page-count';\nimport reportRowMissing from './report.row-missing';");
    expect(out).toMatch(/ {2}reportOutdatedFormat,\n {2}reportPageCount,\n {2}reportRowMissing,/);
    const last = withRegistryEntry(INDEX, 'text.zzz');
    expect(last).toMatch(/ {2}textPlaceholder,\n {2}textZzz,\n\] as const/);
  });

  it('adds a message and a title to a locale', () => {
    const out = withLocaleEntry(withLocaleEntry(ZH, 'zh_CN', 'report.page-count', '页数：{text}'), 'zh_CN_titles', 'report.page-count', '页数');
    expect(out.match(/'report\.page-count'/g)).toHaveLength(2);
    expect(out).toContain("  'report.page-count': '页数：{text}',\n} as const;");
  });
});
