/**
 * Differential test: the command line reads HTML as the browser does. Generated report pages, each
 * with a few markup mutations of the kind the HTML parsing algorithm repairs (misnesting, missing
 * end tags, foster parenting, upper-case tags and attributes, entities, comments, duplicate
 * attributes, stray tags, NULs, hidden cells), are loaded in headless Chromium and parsed by the
 * CLI's parse5 tree; the extraction (tokens with grid positions, text blocks, title, date,
 * anomalies) must agree cell by cell. DIFF_PAGES sets the number of pages (default 520).
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { parseDocument } from '../../lib/cli/dom';
import { decode } from '../../lib/extract/decode';
import { HTML_SHAPES, renderHtml } from '../support/render';
import { consistentReport, random } from '../support/report-data';
import { readPage, type Reading } from './differential-entry';
import { serve, type Page as Served } from './server';

const PAGES = Number(process.env.DIFF_PAGES ?? 520);

type Mutation = (html: string, pick: () => number) => string;

/** Apply `edit` to the n-th (by `pick`) match of `pattern`. */
function atOne(html: string, pattern: RegExp, pick: () => number, edit: (match: string) => string): string {
  const matches = [...html.matchAll(pattern)];
  if (matches.length === 0) return html;
  const match = matches[Math.floor(pick() * matches.length)]!;
  return html.slice(0, match.index) + edit(match[0]) + html.slice(match.index! + match[0].length);
}

const VALUE_CELL = /<td[^>]*data-cell="[^"]*"[^>]*>/g;
const ANY_CELL = /<td[^>]*>/g;

const MUTATIONS: Record<string, Mutation> = {
  'unclosed <b> across cells': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}<b>`),
  'missing </td>': (h, p) => atOne(h, /<\/td>/g, p, () => ''),
  'missing </tr>': (h, p) => atOne(h, /<\/tr>/g, p, () => ''),
  'text between rows (fostered out)': (h, p) => atOne(h, /<\/tr>/g, p, (m) => `${m}注：见附件`),
  '<p> between cells (fostered out)': (h, p) => atOne(h, /<\/td>/g, p, (m) => `${m}<p>说明</p>`),
  'upper-case tags and attributes': (h, p) => atOne(h, ANY_CELL, p, (m) => m.toUpperCase().replace('DATA-CELL', 'data-cell')),
  'hidden span, upper case': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}<SPAN STYLE="DISPLAY:NONE">99</SPAN>`),
  'hidden cell attribute': (h, p) => atOne(h, VALUE_CELL, p, (m) => m.replace('<td', '<td HIDDEN')),
  'duplicate span attributes': (h, p) => atOne(h, ANY_CELL, p, (m) => m.replace('<td', '<td colspan="2" COLSPAN="3" rowspan=1')),
  'unquoted and odd spans': (h, p) => atOne(h, ANY_CELL, p, (m) => m.replace('<td', `<td colspan=${['2abc', ' 3', '0', '-1', '1e2', '65535'][Math.floor(p() * 6)]}`)),
  'entities': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}&nbsp;&#x3000;&amp;&lt;&#12288;&nbsp`),
  'comments and CDATA': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}<!-- 1 --><![CDATA[2]]>`),
  'NUL and control characters': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}\u0000\u0001\u000b`),
  'stray end tags': (h, p) => atOne(h, ANY_CELL, p, (m) => `${m}</span></p></div></table>`),
  'nested table in a cell': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}<table><tr><td>内</td></tr></table>`),
  'a <br> and a block in a label': (h, p) => atOne(h, /<td[^>]*>(?!<)/g, p, (m) => `${m}<br/><div>\u3000</div>`),
  'template, noscript and script': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}<template>7</template><noscript>8</noscript><script>var a="</td>"</script>`),
  'select and button': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}<select><option>5</select><button>6</button>`),
  'form in table': (h, p) => atOne(h, /<tr>/g, p, (m) => `<form>${m}`),
  'a row without a table body': (h, p) => atOne(h, /<table[^>]*>/g, p, (m) => `${m}<caption>表</caption><col width=50>`),
  'heading class and id in capitals (quirks mode matches them case-blind in CSS)': (h) =>
    h.replace('<!DOCTYPE html>', '').replace('class="title"', 'class="TITLE"').replace('<h1', '<div id="TITLE" class="Title">总体情况</div><h1'),
  'BOM and doctype quirks': (h) => `\ufeff${h.replace('<!DOCTYPE html>', '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">')}`,
  'svg and math in a cell': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}<svg><td>9</td></svg><math><mi>x</mi></math>`),
  'misnested inline and block': (h, p) => atOne(h, VALUE_CELL, p, (m) => `${m}<b><p>1</b>2</p>`),
};
const NAMES = Object.keys(MUTATIONS);

function page(i: number): { name: string; html: string } {
  const pick = random(i * 7919 + 13);
  const format = pick() < 0.5 ? '2019' : '2021';
  const shape = HTML_SHAPES[i % HTML_SHAPES.length]!;
  let html = renderHtml(consistentReport(format, i), shape);
  // The first 10 % are plain generated pages; the rest carry one to four mutations.
  const count = i < PAGES / 10 ? 0 : 1 + Math.floor(pick() * 4);
  const applied: string[] = [];
  for (let m = 0; m < count; m += 1) {
    const name = NAMES[Math.floor(pick() * NAMES.length)]!;
    html = MUTATIONS[name]!(html, pick);
    applied.push(name);
  }
  return { name: `#${i} ${format} ${shape}${applied.length ? ` + ${applied.join(', ')}` : ''}`, html };
}

function differences(browser: Reading, cli: Reading): string[] {
  const out: string[] = [];
  const length = Math.max(browser.tokens.length, cli.tokens.length);
  for (let i = 0; i < length && out.length < 5; i += 1) {
    if (browser.tokens[i] !== cli.tokens[i]) out.push(`token ${i}: browser ${browser.tokens[i] ?? '(none)'} | cli ${cli.tokens[i] ?? '(none)'}`);
  }
  for (const key of ['blocks', 'title', 'dates', 'anomalies'] as const) {
    if (JSON.stringify(browser[key]) !== JSON.stringify(cli[key])) out.push(`${key}: browser ${JSON.stringify(browser[key]).slice(0, 200)} | cli ${JSON.stringify(cli[key]).slice(0, 200)}`);
  }
  return out;
}

async function main(): Promise<number> {
  const started = Date.now();
  const script = (await build({
    entryPoints: [resolve('test/e2e/differential-entry.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent',
  })).outputFiles[0]!.text;
  const pages = Array.from({ length: PAGES }, (_, i) => page(i));
  const served = new Map<string, Served>(pages.map((p, i) => [`/${i}.html`, { body: p.html }]));
  const server = await serve(served);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext();
  await context.addInitScript({ content: script });
  await context.route('**/*', (route) => (route.request().url().startsWith(`http://127.0.0.1:${server.port}/`) ? route.continue() : route.abort()));
  let failed = 0;
  let cells = 0;
  let next = 0;
  // A few tabs at once: the pages are independent.
  const worker = async () => {
    const tab = await context.newPage();
    for (let i = next++; i < pages.length; i = next++) {
      await tab.goto(`http://127.0.0.1:${server.port}/${i}.html`, { waitUntil: 'domcontentloaded' });
      const inBrowser = await tab.evaluate(() => (globalThis as unknown as { __readPage(): Reading }).__readPage());
      // The CLI reads what the browser was served: the same bytes, decoded as the CLI decodes a page (a BOM is the encoding's, not text).
      const inCli = readPage(parseDocument(decode(new TextEncoder().encode(pages[i]!.html), 'text/html; charset=utf-8')));
      cells += inCli.tokens.length;
      const found = differences(inBrowser, inCli);
      if (found.length) {
        failed += 1;
        if (failed <= 10) console.log(`  ✗ ${pages[i]!.name}\n    ${found.join('\n    ')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 3 }, worker));
  await browser.close();
  await server.close();
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`differential (Chromium vs CLI): ${pages.length - failed} of ${pages.length} pages read alike, ${cells} cells compared, ${seconds} s`);
  console.log(`differential: ${pages.length - failed} passed, ${failed} failed`);
  return failed;
}

main().then((failed) => {
  process.exitCode = failed ? 1 : 0;
}, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
