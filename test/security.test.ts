/**
 * SECURITY.md and docs/limits.md true of the code: every test SECURITY.md names exists (and every
 * E2E case it quotes), its permission table lists every permission of the manifests (the built ones
 * too, when built), every request the shipped code makes goes through the one fetcher, the exit
 * status it promises is the command line's, and every figure either file states is the constant it
 * names.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { defaultJobs } from '../lib/cli/pool';
import { BUDGETS, MAX_DOCUMENT_BYTES, PAGE_READ_MS, WORKER_LIMITS } from '../lib/extract/budgets';
import { MAX_COLSPAN, MAX_SLOTS_PER_PAGE } from '../lib/extract/grid';
import { PDF_LIMITS } from '../lib/extract/pdf/index';
import { PDF_SETTINGS } from '../lib/extract/layout/settings';
import { FETCH_LIMITS } from '../lib/input/fetch';
import { MAX_LIST_LINKS, MAX_LIST_PAGES } from '../lib/input/list';
import { notPdf } from './support/hostile';
import { sharedPath } from './support/shared';

const ROOT = new URL('../', import.meta.url).pathname;
const SECURITY = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');
const section = (title: string) => SECURITY.slice(SECURITY.indexOf(`## ${title}`), SECURITY.indexOf('\n## ', SECURITY.indexOf(`## ${title}`) + 3));

describe('SECURITY.md', () => {
  it('names only tests that exist, and quotes only end-to-end cases that exist', () => {
    const cited = [...SECURITY.matchAll(/`(test\/[\w./-]+)`((?:[^|`]*?“[^”]+”)*)/g)];
    expect(cited.length).toBeGreaterThan(25);
    for (const [, path, quotes] of cited) {
      expect(existsSync(join(ROOT, path!)), path).toBe(true);
      // A suite's cases, its own and those it imports from a sibling (test/e2e/hostile-cases.ts).
      const own = readFileSync(join(ROOT, path!), 'utf8');
      const siblings = [...own.matchAll(/from '\.\/([\w-]+)'/g)].map((m) => join(ROOT, path!, '..', `${m[1]}.ts`)).filter(existsSync);
      const source = [own, ...siblings.map((file) => readFileSync(file, 'utf8'))].join('\n').replace(/\\'/g, '\'');
      for (const [, name] of quotes!.matchAll(/“([^”]+)”/g)) expect(source.includes(name!), `${path}: “${name}”`).toBe(true);
    }
  });

  it('lists every permission the manifests ask for', () => {
    const table = section('Permissions and why');
    const manifest = config.manifest as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Record<string, string[] | undefined>;
    const asked = new Set<string>(['sidePanel']); // WXT adds it for the side panel entrypoint
    for (const browser of ['chrome', 'firefox']) {
      const m = manifest({ browser, manifestVersion: browser === 'chrome' ? 3 : 2, mode: 'production', command: 'build' });
      for (const key of ['permissions', 'host_permissions', 'optional_host_permissions', 'optional_permissions']) for (const p of m[key] ?? []) asked.add(p);
    }
    for (const dir of ['chrome-mv3', 'firefox-mv2', 'e2e/chrome-mv3']) {
      const file = join(ROOT, '.output', dir, 'manifest.json');
      if (!existsSync(file)) continue;
      const built = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[] | undefined>;
      for (const key of ['permissions', 'host_permissions', 'optional_host_permissions', 'optional_permissions']) for (const p of built[key] ?? []) asked.add(p);
    }
    asked.add('http://127.0.0.1/*'); // the E2E build's
    for (const permission of asked) expect(table, permission).toContain(`\`${permission}\``);
  });
});

/** Shipped source files (what the extension and the command line are built from). */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('every request goes through the one fetcher', () => {
  const files = ['lib', 'entrypoints', 'components'].flatMap(sources).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

  it('no shipped code calls fetch but as the fetcher’s transport, nor any other network API', () => {
    for (const { path, text } of files) {
      for (const match of text.matchAll(/(?<![\w.])fetch\(/g)) {
        const line = text.slice(text.lastIndexOf('\n', match.index) + 1, text.indexOf('\n', match.index));
        expect(line, path).toMatch(/limitedGet\(\{ fetch: \(url, init\) => fetch\(url, init\)/);
      }
      expect(text, path).not.toMatch(/XMLHttpRequest|new WebSocket|EventSource|sendBeacon|node:https?['"]|importScripts\(\s*['"]http/);
    }
  });

  it('the extension’s fetchers send no cookies', () => {
    const pages = files.filter(({ path }) => path.startsWith('entrypoints/') || path.startsWith('components/'));
    const getters = pages.flatMap(({ path, text }) => [...text.matchAll(/limitedGet\(\{[^\n]*/g)].map((m) => [path, m[0]] as const));
    expect(getters.length).toBeGreaterThanOrEqual(2);
    for (const [path, call] of getters) expect(call, path).toContain("credentials: 'omit'");
  });

  it('pdf.js’s worker, character maps and fonts come from the extension itself', () => {
    const view = readFileSync(join(ROOT, 'entrypoints/viewer/pdf-view.ts'), 'utf8');
    expect(view).toMatch(/import workerUrl from 'pdfjs-dist\/build\/pdf\.worker\.min\.mjs\?url'/);
    expect(view).toMatch(/cMapUrl: new URL\('\/pdfjs\/cmaps\/', location\.href\)/);
    expect(view).toMatch(/standardFontDataUrl: new URL\('\/pdfjs\/standard_fonts\/', location\.href\)/);
    expect(view).toContain('isEvalSupported: false');
  });
});

const MB = 1024 * 1024;
const LIMITS = readFileSync(join(ROOT, 'docs/limits.md'), 'utf8');

/** A figure as written in the docs (“32 MB”, “30 s”, “20,000”), in bytes, milliseconds or a count. */
function figure(text: string): number {
  const match = /^([\d,]+) ?(MB|s)?$/.exec(text.trim());
  if (!match) throw new Error(`not a figure: ${text}`);
  const n = Number(match[1]!.replaceAll(',', ''));
  return match[2] === 'MB' ? n * MB : match[2] === 's' ? n * 1000 : n;
}

describe('docs/limits.md: every bound is the constant it names', () => {
  /** Each name the tables use, and the code's value in the same unit as `figure` reads. */
  const code: Record<string, number> = {
    ...Object.fromEntries(Object.entries(BUDGETS)),
    'FETCH_LIMITS.maxBytes': FETCH_LIMITS.maxBytes,
    'FETCH_LIMITS.timeoutMs': FETCH_LIMITS.timeoutMs,
    'FETCH_LIMITS.maxRedirects': FETCH_LIMITS.maxRedirects,
    'PDF_LIMITS.maxPages': PDF_LIMITS.maxPages,
    'PDF_LIMITS.maxItemsPerPage': PDF_LIMITS.maxItemsPerPage,
    'PDF_SETTINGS.rules.maxPerPage': PDF_SETTINGS.rules.maxPerPage,
    MAX_SLOTS_PER_PAGE,
    MAX_COLSPAN,
    MAX_LIST_LINKS,
    MAX_LIST_PAGES,
    'WORKER_LIMITS.heapMb': WORKER_LIMITS.heapMb * MB,
    'WORKER_LIMITS.timeMs': WORKER_LIMITS.timeMs,
    PAGE_READ_MS,
  };
  const rows = [...LIMITS.matchAll(/^\| `([\w.()]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()] as const);

  it('states each value the code holds', () => {
    expect(rows.length).toBeGreaterThanOrEqual(Object.keys(code).length);
    for (const [name, value] of rows) {
      if (name === 'defaultJobs()') {
        const most = Number(/at most (\d+)/.exec(value)![1]);
        expect(defaultJobs(), value).toBe(Math.max(1, Math.min(availableParallelism(), most)));
        continue;
      }
      expect(name in code, `docs/limits.md names ${name}, which this test does not know`).toBe(true);
      expect(figure(value), name).toBe(code[name]);
    }
  });

  it('leaves no budget out', () => {
    const named = new Set(rows.map(([name]) => name));
    for (const name of Object.keys(code)) expect(named.has(name), `${name} in docs/limits.md`).toBe(true);
  });

  it('SECURITY.md states the same figures', () => {
    const f = (bytes: number) => `${bytes / MB} MB`;
    expect(SECURITY).toContain(`${f(FETCH_LIMITS.maxBytes)}, ${FETCH_LIMITS.timeoutMs / 1000} s over the whole download, at most ${FETCH_LIMITS.maxRedirects}\nredirects`);
    expect(SECURITY).toContain(`over ${f(MAX_DOCUMENT_BYTES)} is refused`);
    expect(SECURITY).toContain(`one ${FETCH_LIMITS.timeoutMs / 1000} s deadline`);
    expect(SECURITY).toContain(`a ${WORKER_LIMITS.heapMb} MB heap ceiling and ${WORKER_LIMITS.timeMs / 1000} s`);
    expect(SECURITY).toContain(`a reading is given ${PAGE_READ_MS / 1000} s`);
    expect(SECURITY).toContain(`per page (${f(BUDGETS.pdfPageContentBytes)}) and per document (${f(BUDGETS.pdfDocumentInflatedBytes)}), form depth (${BUDGETS.pdfFormDepth})`);
    expect(SECURITY).toContain(`(${f(BUDGETS.docxInflatedBytes)}, never the headers' sizes), cells (${BUDGETS.docxCells.toLocaleString('en')}) and nesting (${BUDGETS.docxDepth})`);
    expect(SECURITY).toContain(`HTML cells per page (${BUDGETS.htmlCellsPerPage.toLocaleString('en')}) and per table (${BUDGETS.htmlCellsPerTable.toLocaleString('en')})`);
    expect(SECURITY).toContain(`colspan ≤ ${MAX_COLSPAN}`);
    expect(SECURITY).toContain(`${MAX_SLOTS_PER_PAGE / 1e6} M slots`);
    expect(SECURITY).toContain(`At most ${MAX_LIST_PAGES} list pages and ${MAX_LIST_LINKS} links per list`);
  });
});

describe('SECURITY.md: the exit status it promises is the command line’s', () => {
  const dir = mkdtempSync(join(tmpdir(), 'security-'));
  const run = (...args: string[]) => new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(ROOT, 'dist/cli/audit.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? -1) : 0, stderr });
    });
  });
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), '--build'], { cwd: ROOT });
    writeFileSync(join(dir, 'report.pdf'), notPdf());
  });

  it('0, 1 and 2, each for what the table says', async () => {
    const table = section('Exit status');
    expect([...table.matchAll(/^\| (\d) \|/gm)].map((m) => Number(m[1]))).toEqual([0, 1, 2]);
    const clean = sharedPath('seeds', '002_0c9827e6b67986f5.txt');
    const errors = sharedPath('seeds', '001_8d9cbd73003ec48a.txt');
    expect((await run(clean)).code).toBe(0);
    expect((await run(errors)).code).toBe(1);
    // A lost input outweighs errors found in the others: 2 whatever else the run found.
    const lost = await run(clean, errors, join(dir, 'report.pdf'));
    expect(lost.code).toBe(2);
    expect(lost.stderr).toContain('不是 PDF 文件');
    expect(lost.stderr).not.toMatch(/\n\s+at /);
    expect((await run('--no-such-option', clean)).code).toBe(2);
  }, 60_000);
});
