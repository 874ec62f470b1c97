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
    const out = withRegistryEntry(INDEX, 'report.late');
    expect(out).toContain("import reportLate from './report.late';\nimport reportNotFound from './report.not-found';");
    expect(out).toMatch(/ {2}reportColumnMissing,\n {2}reportLate,\n {2}reportNotFound,/);
    const last = withRegistryEntry(INDEX, 'text.zzz');
    expect(last).toMatch(/ {2}textPlaceholder,\n {2}textZzz,\n\] as const/);
  });

  it('adds a message and a title to a locale', () => {
    const out = withLocaleEntry(withLocaleEntry(ZH, 'zh_CN', 'report.late', '逾期：{text}'), 'zh_CN_titles', 'report.late', '逾期发布');
    expect(out.match(/'report\.late'/g)).toHaveLength(2);
    expect(out).toContain("  'report.late': '逾期：{text}',\n} as const;");
  });
});
