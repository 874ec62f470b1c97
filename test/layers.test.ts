import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The source files under a folder (ts and tsx), repository-relative. */
function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(folder, name));
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('the layers', () => {
  it('components import only from components/ and lib/ (and packages), never from an entrypoint', () => {
    const outside: string[] = [];
    for (const file of sources('components')) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative('.', resolve(dirname(file), spec));
        if (!/^(components|lib)\//.test(target)) outside.push(`${file} → ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('has one Lang: defined and decided in lib/i18n/lang.ts alone', () => {
    const files = ['lib', 'components', 'entrypoints'].flatMap(sources).filter((file) => file !== join('lib', 'i18n', 'lang.ts'));
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // A second definition of the type, a second schema, or a language decided by hand from a raw value.
      const patterns = [/type Lang\s*=/, /[:=(<]\s*['"]zh['"]\s*\|\s*['"]en['"]/, /enum\(\[\s*['"]zh['"]\s*,\s*['"]en['"]/, /===\s*['"]en['"]\s*\?\s*['"]en['"]/, /['"]zh['"]\s*\?\s*['"]zh-CN['"]/];
      for (const pattern of patterns) if (pattern.test(text)) found.push(`${file}: ${pattern}`);
    }
    expect(found).toEqual([]);
  });

  it('has no import circle in lib/, components/ or entrypoints/ (type-only imports count: they tie modules as tightly for a reader)', () => {
    const files = ['lib', 'components', 'entrypoints'].flatMap(sources);
    const known = new Set(files);
    const resolveImport = (file: string, spec: string): string | null => {
      const base = relative('.', resolve(dirname(file), spec));
      for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (known.has(candidate) && existsSync(candidate)) return candidate;
      return null;
    };
    const edges = new Map(files.map((file) => [file, importsOf(file).filter((spec) => spec.startsWith('.')).map((spec) => resolveImport(file, spec)).filter((target): target is string => target !== null)]));
    // Depth-first search with colours: a grey module met again is a circle.
    const colour = new Map<string, 'grey' | 'black'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      colour.set(file, 'grey');
      for (const next of edges.get(file) ?? []) {
        if (colour.get(next) === 'grey') circles.push([...path.slice(path.indexOf(next)), file, next].join(' → '));
        else if (!colour.has(next)) visit(next, [...path, file]);
      }
      colour.set(file, 'black');
    };
    for (const file of files) if (!colour.has(file)) visit(file, []);
    expect(circles).toEqual([]);
  });
});
