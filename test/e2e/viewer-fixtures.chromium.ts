/**
 * One report, one answer (issue 18), in the browser: every committed document fixture — the PDFs
 * and Word files printed from real report pages (test/fixtures/documents/, documents/real/) — opened
 * in the built extension's viewer must list exactly the findings the command line gives for the same
 * file (rule and place, each as often), and the same number of errors. Before, the viewer took a
 * PDF's creation date as its publication date and raised a 逾期发布 the command line did not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isBlankFinding } from '../../lib/present/counts';
import { auditCliInput } from '../support/cli-audit';
import { equal, poll, runCases, runSuite, type Case } from './harness';
import { launchChromium } from './launch';
import { serve, type Page as Served } from './server';
import { viewerState } from './viewer-probe';

const HOST = 'www.nianbao-test.gov.cn';
const DIRS = ['test/fixtures/documents', 'test/fixtures/documents/real'];
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Every committed PDF and Word fixture, by its path under the repository. */
function fixtures(): string[] {
  return DIRS.flatMap((dir) => readdirSync(dir).filter((f) => /\.(pdf|docx)$/.test(f)).map((f) => join(dir, f))).sort();
}

/** A finding as both sides can say it: its rule and its place (table|row|column keys). */
const line = (f: { rule: string; table: string | null; row: string | null; column: string | null }) =>
  `${f.rule} ${[f.table, f.row, f.column].map((k) => k ?? '').join('|')}`;

async function main(): Promise<number> {
  const files = fixtures();
  const pages = new Map<string, Served>(files.map((file) => [`/${file}`, { body: readFileSync(file), type: TYPES[file.split('.').pop()!]! }]));
  const server = await serve(pages);
  const base = `http://${HOST}:${server.port}`;
  const { context, id } = await launchChromium({ extension: resolve('.output/chrome-mv3'), hosts: [HOST], viewport: { width: 1200, height: 900 } });
  const cases: Case[] = files.map((file) => [`${file}: the viewer lists the command line's findings`, async () => {
    const cli = await auditCliInput(file);
    const viewer = await context.newPage();
    try {
      await viewer.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`${base}/${file}`)}`);
      const state = await poll(() => viewer.evaluate(viewerState), (s) => s.phase === 'ready' || s.phase === 'failed', `${file} settled`, 60_000);
      if (!cli?.report) {
        // Not a report for the command line (an encrypted PDF): the viewer lists no finding either.
        equal(await viewer.locator('[data-testid="finding"]').count(), 0, `${file}: no findings (${state.phase})`);
        return;
      }
      equal(state.phase, 'ready', `${file}: ${state.problem}`);
      const shown = await viewer.locator('[data-testid="finding"]').evaluateAll((items) =>
        items.map((item) => `${item.getAttribute('data-rule')} ${item.getAttribute('data-place')}`));
      equal(shown.sort(), cli.findings.map(line).sort(), `${file}: findings`);
      const errors = cli.findings.filter((f) => f.severity === 'error' && !isBlankFinding(f)).length;
      equal(await viewer.locator('[data-testid="finding"] [data-testid="badge-error"]').count(), errors, `${file}: errors`);
    } finally {
      await viewer.close();
    }
  }]);
  const failed = await runCases('viewer fixtures (Chromium vs CLI)', cases);
  await context.close();
  await server.close();
  return failed;
}

runSuite('viewer fixtures (Chromium vs CLI)', main);
