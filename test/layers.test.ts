import { readdirSync, readFileSync } from 'node:fs';
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
});
