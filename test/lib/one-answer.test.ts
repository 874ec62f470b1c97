/**
 * One report, one answer: every committed report fixture (pages, text dumps, PDFs, Word files) gets
 * the same reading and the same findings alone, in one batch with all the others, through `--follow`
 * from a local list page, and from the command line's bundle, cross-year findings aside. This is the
 * guard for every new path into the audit: add the path here.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditBatch, auditPrepared } from '../../lib/batch/audit-batch';
import { cliEnv, prepareCliInput } from '../../lib/cli/inputs';
import { limitedGet, politeGetter } from '../../lib/input/fetch';
import { prepareList } from '../../lib/input/list';
import type { Prepared } from '../../lib/input/prepare';
import type { AuditResult } from '../../lib/model/result';
import { serve, type Page } from '../e2e/server';
import { sharedPath } from '../support/shared';

const ROOT = new URL('../../', import.meta.url).pathname;
const DOCUMENTS = join(ROOT, 'test/fixtures/documents');

/** Every committed report fixture the readers can read (the encrypted PDF has no reading to compare). */
const FILES = [
  ...readdirSync(sharedPath('seeds')).filter((f) => f.endsWith('.txt')).map((f) => sharedPath('seeds', f)),
  ...readdirSync(sharedPath('fixtures/real')).filter((f) => /\.(pdf|docx)$/.test(f)).map((f) => sharedPath('fixtures/real', f)),
  ...readdirSync(sharedPath('fixtures/real/pages')).filter((f) => f.endsWith('.html')).map((f) => sharedPath('fixtures/real/pages', f)),
  ...readdirSync(DOCUMENTS).filter((f) => /\.(pdf|docx|txt)$/.test(f) && !f.startsWith('encrypted')).map((f) => join(DOCUMENTS, f)),
  ...readdirSync(join(DOCUMENTS, 'real')).filter((f) => /\.(pdf|docx|txt)$/.test(f)).map((f) => join(DOCUMENTS, 'real', f)),
].sort();

/**
 * What must not depend on the path: the reading and the findings, aside from what only company can
 * say — a report's relation to last year's (crossyear.*) and to other units' reports in the same
 * column (batch.*) — which are the point of a batch, not a different reading.
 */
function answer(result: AuditResult | null | undefined) {
  if (!result) return null;
  const { findings, ...reading } = result;
  return {
    ...reading,
    source: null,
    findings: findings.filter((f) => !f.rule.startsWith('crossyear.') && !f.rule.startsWith('batch.')).map(({ cells, ...f }) => ({ ...f, cells: cells.filter((cell) => !cell.source) })),
  };
}

const TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.txt': 'text/plain; charset=utf-8', '.html': 'text/html' };

let alone: (AuditResult | null)[] = [];
let prepared: Prepared[] = [];
let site: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const env = await cliEnv('zh');
  prepared = [];
  for (const file of FILES) prepared.push(...(await prepareCliInput(file, false, env)));
  alone = prepared.map((item) => auditPrepared(item)?.result ?? null);
  // The same files served under a list page whose link texts name no agency or year: what the list
  // adds to a report (its link text, its date) is then nothing, and the answer must not move.
  const pages = new Map<string, Page>();
  const links = FILES.map((file, i) => {
    const path = `/nb/${i}-${basename(file).replace(/[^\w.-]/g, '_')}`;
    pages.set(path, { body: new Uint8Array(readFileSync(file)), type: TYPES[/\.\w+$/.exec(file)![0]] });
    return `<li><a href="${path}">年度报告（${i + 1}）</a></li>`;
  });
  pages.set('/nb/index.html', { body: `<html><body><ul>${links.join('')}</ul></body></html>` });
  site = await serve(pages);
}, 300_000);
afterAll(() => site?.close());

describe('one report, one answer', () => {
  it('reads every fixture', () => {
    expect(FILES.length).toBeGreaterThan(25);
    expect(alone.every((result) => result !== null)).toBe(true);
  });

  it('alone and in one batch with all the others', () => {
    const { results } = auditBatch(prepared);
    expect(results.map(answer)).toEqual(alone.map(answer));
  });

  it('through --follow from a local list page', async () => {
    const env = await cliEnv('zh');
    const get = politeGetter({ get: limitedGet({ fetch: (url, init) => fetch(url, init), redirects: 'manual' }), delayMs: 0 });
    const listed = await prepareList(`http://127.0.0.1:${site.port}/nb/index.html`, { ...env, get });
    expect(listed.map((item) => item.status ?? 'read')).toEqual(FILES.map(() => 'read'));
    const { results } = auditBatch(listed);
    expect(results.map(answer)).toEqual(alone.map(answer));
  }, 300_000);

  it('from the command line\'s bundle, all files in one run, read by one worker, by three and by a pool that sizes itself: the same results in the same order as one thread', async () => {
    const run = (jobs: number | null) => new Promise<AuditResult[]>((resolve, reject) => {
      execFile(process.execPath, [join(ROOT, 'scripts/cli.mjs'), '--json', ...(jobs === null ? [] : ['--jobs', String(jobs)]), ...FILES], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 },
        (error, out) => (error && error.code !== 1 ? reject(error) : resolve(JSON.parse(out) as AuditResult[])));
    });
    const one = await run(1);
    const three = await run(3);
    // No --jobs, as users run it: one worker, more only when the batch and the machine's idle cores pay for them.
    const sized = await run(null);
    expect(one.map(answer)).toEqual(alone.map(answer));
    // Cross-year findings included: the pool reads, this thread pairs, as the batch here does.
    const batch = auditBatch(prepared).results;
    expect(three).toEqual(one);
    expect(sized).toEqual(one);
    expect(one).toEqual(batch);
  }, 600_000);

  it('the summary\'s deadline agrees with report.late on every row', () => {
    const { rows, results } = auditBatch(prepared);
    rows.forEach((row, i) => {
      const late = results[i]?.findings.some((f) => f.rule === 'report.late') ?? false;
      expect([row.source, row.deadline === 'missed']).toEqual([row.source, late]);
    });
  });
});
