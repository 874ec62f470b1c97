import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en, en_titles } from '../lib/i18n/en';
import { placeholdersOf } from '../lib/i18n/render';
import { zh_CN, zh_CN_titles } from '../lib/i18n/zh_CN';
import { RULE_IDS, RULES } from '../lib/rules';
import { sharedPath } from './support/shared';

const SPEC = readFileSync(sharedPath('spec', 'rules.md'), 'utf8');
const idsIn = (text: string) => [...new Set([...text.matchAll(/`((?:cell|applications|appeals|active|text|report|crossyear|narrative|document|batch)\.[a-z-]+)`/g)].map((m) => m[1]!))].sort();
/** Rule ids of the spec, "Later" and the third release excluded: every one of them must be registered. */
const REQUIRED_IDS = idsIn(SPEC.split('## Later')[0]!);
/** The third release's ids: each joins the catalogue as the issue that builds it lands (rules.md). */
const THIRD_RELEASE_IDS = idsIn(SPEC.split('## Third release')[1] ?? '');
/** The spec's ids the code holds to: the required ones and the third release's that have landed. */
const SPEC_IDS = [...REQUIRED_IDS, ...THIRD_RELEASE_IDS.filter((id) => (RULE_IDS as readonly string[]).includes(id))].sort();
const RULE_FILES = readdirSync(new URL('../lib/rules/', import.meta.url)).filter((f) => !['index.ts', 'define.ts', 'helpers.ts', 'relations.ts', 'suspect.ts', 'swap.ts'].includes(f));
const TEST_FILES = readdirSync(new URL('./', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'));
const TEST_TEXT = TEST_FILES.map((f) => readFileSync(new URL(`./${f}`, import.meta.url), 'utf8')).join('\n');

/**
 * The rule ids that some test asserts a finding of: a flattened finding line ('rule table row
 * column expected actual') inside a rule case's `findings: [...]` (checked exactly by `ruleCases`)
 * or inside `toEqual([...])` (an assertion on `flatten(findings)`). A describe title or a comment
 * naming the id does not count.
 */
function assertedIds(text: string): Set<string> {
  const lists = [...text.matchAll(/(?:findings:\s*|toEqual\()\[([^\]]*)\]/g)].map((m) => m[1]!);
  const lines = lists.flatMap((list) => [...list.matchAll(/'([a-z]+\.[a-z.-]+) [^']*'/g)].map((m) => m[1]!));
  return new Set(lines);
}

describe('the rule catalogue', () => {
  it('registers exactly the ids of rules.md (without "Later"; the third release\'s as they land)', () => {
    expect(REQUIRED_IDS.length).toBeGreaterThan(20);
    expect(THIRD_RELEASE_IDS).toEqual(expect.arrayContaining(['appeals.corrected', 'narrative.fee-mismatch', 'report.summary-length']));
    expect(REQUIRED_IDS.filter((id) => !(RULE_IDS as readonly string[]).includes(id))).toEqual([]);
    expect([...RULE_IDS]).toEqual(SPEC_IDS);
  });

  it('has one file per rule, named by its id, in the registry', () => {
    expect(RULE_FILES.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((rule) => rule.id).sort());
    expect(RULES.map((rule) => rule.id)).toEqual([...RULES.map((rule) => rule.id)].sort());
  });

  it('declares each id once', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it('has a message and a title in both locales for every id, with the same placeholders', () => {
    for (const id of RULE_IDS) {
      const key = id as keyof typeof zh_CN;
      expect(zh_CN[key], id).toBeTruthy();
      expect(en[key], id).toBeTruthy();
      expect(zh_CN_titles[key], id).toBeTruthy();
      expect(en_titles[key], id).toBeTruthy();
      expect(placeholdersOf(en[key]), id).toEqual(placeholdersOf(zh_CN[key]));
    }
    expect(Object.keys(zh_CN).sort()).toEqual([...RULE_IDS]);
  });

  it('lists every id in the rule table of docs/how-it-works.md', () => {
    const doc = readFileSync(new URL('../docs/how-it-works.md', import.meta.url), 'utf8');
    const table = doc.split('## Rules (the catalogue)')[1]!.split('\n## ')[0]!;
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    for (const id of RULE_IDS) expect(rows.some((row) => row.split('|')[1]!.includes(`\`${id}\``)), id).toBe(true);
  });

  it('has a test that asserts a finding of every id', () => {
    const asserted = assertedIds(TEST_TEXT);
    expect(RULE_IDS.filter((id) => !asserted.has(id))).toEqual([]);
  });
});
