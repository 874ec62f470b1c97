/**
 * `npm run new-rule -- <id> [--severity error|warning|info]`: the one documented step that
 * scaffolds a rule — `lib/rules/<id>.ts`, its line in the registry (`lib/rules/index.ts`), its
 * message and title in both locales, and a test stub `test/lib/rules/<id>.test.ts`. The stub's
 * case lists no finding yet, so the catalogue test fails until the rule is written, listed in
 * docs/how-it-works.md and `../shared/spec/rules.md`, and tested.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ID = /^[a-z]+\.[a-z]+(?:-[a-z]+)*$/;

/** `report.late` → `reportLate`: the registry's import name. */
export function importName(id: string): string {
  return id.replace(/[.-]([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The registry with the rule imported and listed, both in sorted order. */
export function withRegistryEntry(source: string, id: string): string {
  const name = importName(id);
  const imports = [...source.matchAll(/^import \w+ from '\.\/([\w.-]+)';$/gm)];
  const before = imports.find((m) => m[1]! > id);
  const line = `import ${name} from './${id}';\n`;
  const withImport = before ? source.replace(before[0], `${line}${before[0]}`) : source.replace(imports.at(-1)![0], `${imports.at(-1)![0]}\n${line.trimEnd()}`);
  const list = /export const RULES = \[\n([\s\S]*?)\] as const/.exec(withImport)!;
  const names = [...list[1]!.matchAll(/^\s+(\w+),$/gm)].map((m) => m[1]!);
  const ids = new Map(names.map((n) => [n, [...withImport.matchAll(new RegExp(`^import ${n} from '\\./([\\w.-]+)';$`, 'gm'))][0]?.[1] ?? n]));
  const sorted = [...names, name].sort((a, b) => (ids.get(a) ?? id).localeCompare(ids.get(b) ?? id));
  return withImport.replace(list[1]!, sorted.map((n) => `  ${n},\n`).join(''));
}

/** A locale object (`export const NAME = {`) with one more entry before its closing brace. */
export function withLocaleEntry(source: string, objectName: string, id: string, text: string): string {
  const start = source.indexOf(`export const ${objectName} = {`);
  if (start < 0) throw new Error(`no ${objectName} in the locale file`);
  const end = source.indexOf('\n}', start);
  return `${source.slice(0, end)}\n  '${id}': ${JSON.stringify(text).replace(/^"|"$/g, "'")},${source.slice(end)}`;
}

const ruleFile = (id: string, severity: string) => `import { defineRule, finding } from './define';

/** TODO: what ${id} checks, and why an auditor cares (rules.md). */
export default defineRule({
  id: '${id}',
  severity: '${severity}',
  formats: ['2019', '2021'],
  check(report) {
    if (!report.isReport) return [];
    return [] satisfies ReturnType<typeof finding>[];
  },
});
`;

const testFile = (id: string) => `import { describe } from 'vitest';
import { ruleCases } from '../../support/rule-cases';

describe('${id}', () => {
  ruleCases('${id}', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'TODO: one fact changed in a real-shaped report',
      format: '2021',
      mutate: () => undefined,
      // The exact findings, flattened: '${id} table row column expected actual'.
      findings: [],
    }],
  });
});
`;

function main(args: string[]): void {
  const id = args.find((arg) => !arg.startsWith('--'));
  const severity = args[args.indexOf('--severity') + 1] && args.includes('--severity') ? args[args.indexOf('--severity') + 1]! : 'warning';
  if (!id || !ID.test(id)) throw new Error('usage: npm run new-rule -- <area.rule-name> [--severity error|warning|info]');
  if (!['error', 'warning', 'info'].includes(severity)) throw new Error(`--severity takes error, warning or info, not ${severity}`);
  const root = new URL('../', import.meta.url);
  const path = (p: string) => fileURLToPath(new URL(p, root));
  if (existsSync(path(`lib/rules/${id}.ts`))) throw new Error(`lib/rules/${id}.ts exists already`);
  writeFileSync(path(`lib/rules/${id}.ts`), ruleFile(id, severity));
  writeFileSync(path(`test/lib/rules/${id}.test.ts`), testFile(id));
  const edit = (p: string, change: (s: string) => string) => writeFileSync(path(p), change(readFileSync(path(p), 'utf8')));
  edit('lib/rules/index.ts', (s) => withRegistryEntry(s, id));
  edit('lib/i18n/zh_CN.ts', (s) => withLocaleEntry(withLocaleEntry(s, 'zh_CN', id, `TODO（${id}）：{text}`), 'zh_CN_titles', id, `TODO ${id}`));
  edit('lib/i18n/en.ts', (s) => withLocaleEntry(withLocaleEntry(s, 'en', id, `TODO (${id}): {text}`), 'en_titles', id, `TODO ${id}`));
  console.log(`wrote lib/rules/${id}.ts and test/lib/rules/${id}.test.ts; registered it; added its messages to both locales.
Next: write check(), the messages and titles, a rules-table row in docs/how-it-works.md, and the test's exact findings.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(2);
  }
}
