/**
 * pdf.js's legacy build, which the command line reads PDFs with, carries core-js: loading it swaps
 * some of the thread's natives for JavaScript polyfills (Array.prototype.push among them) for the
 * rest of the run. `loadPdfjs` (lib/cli/reader-env.ts) puts them back. Each case runs in a fresh
 * Node process: a test worker may have loaded pdf.js already.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../support/shared';

const ROOT = new URL('../../../', import.meta.url).pathname;
const PDF = sharedPath('fixtures', 'real', 'huaian-city-2024.pdf');

/** Whether each of push, JSON.parse, JSON.stringify, Function.prototype.toString is still this process's own after `load`. */
function nativesAfter(load: string): boolean[] {
  const script = `
    const before = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
    const { readFileSync } = await import('node:fs');
    ${load}
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(${JSON.stringify(PDF)})), isEvalSupported: false, verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    await page.getTextContent();
    await page.getOperatorList();
    await doc.destroy();
    const after = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
    process.stdout.write(JSON.stringify(before.map((f, i) => f === after[i])));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as boolean[];
}

describe('loading pdf.js in Node', () => {
  it('as pdf.js loads itself, its polyfills replace natives of the whole thread (why loadPdfjs exists)', () => {
    expect(nativesAfter(`const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');`)).toContain(false);
  }, 60_000);

  it('through loadPdfjs, the thread keeps its natives, after reading a document too', () => {
    const load = `const { loadPdfjs } = await import(${JSON.stringify(`${ROOT}lib/cli/reader-env.ts`)}); const pdfjs = await loadPdfjs();`;
    expect(nativesAfter(load)).toEqual([true, true, true, true]);
  }, 60_000);
});
