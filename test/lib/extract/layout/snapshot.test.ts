/**
 * The document table reader's regression net: the tokens (text, grid position, box), prose blocks
 * and title of every PDF and space-aligned text fixture, written out one per line and compared with
 * the committed copy in `__snapshots__/`. Made before the reader was split into lib/extract/layout/
 * (issue 19) and kept equal through every step of the move; a change made on purpose is named in a
 * test of its own (see `deliberate changes` below) and the snapshot rewritten with `vitest -u`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeReaderEnv } from '../../../../lib/cli/reader-env';
import { readDocument } from '../../../../lib/extract/document';
import { extractFromTextAny } from '../../../../lib/extract/layout-text';
import type { Extracted, Token } from '../../../../lib/extract/types';
import { sharedPath } from '../../../support/shared';

const env = await nodeReaderEnv();
const FIXTURES = 'test/fixtures/documents';

/** Every fixture the positioned reader reads: PDFs (not the encrypted one, which has no text) and layout text dumps. */
export const SNAPSHOT_FILES = [
  ...readdirSync(sharedPath('fixtures', 'real')).filter((f) => f.endsWith('.pdf')).map((f) => sharedPath('fixtures', 'real', f)),
  ...readdirSync(FIXTURES).filter((f) => (f.endsWith('.pdf') && !f.startsWith('encrypted')) || f.endsWith('.layout.txt')).map((f) => `${FIXTURES}/${f}`),
  ...readdirSync(`${FIXTURES}/real`).filter((f) => f.endsWith('.pdf')).map((f) => `${FIXTURES}/real/${f}`),
].sort((a, b) => basename(a).localeCompare(basename(b)));

export async function readFixture(path: string): Promise<Extracted> {
  if (path.endsWith('.txt')) return extractFromTextAny(readFileSync(path, 'utf8'));
  const read = await readDocument(new Uint8Array(readFileSync(path)), { name: basename(path) }, env);
  if (!read.extracted) throw new Error(`${path}: ${read.error}`);
  return read.extracted;
}

/** `r<row> t<table> c<col>[+colSpan][v rowSpan] [p<page> x,y wxh] text`, a cell a line. */
export function tokenLine(token: Token): string {
  const pos = token.pos ? ` t${token.pos.table} c${token.pos.col}${token.pos.colSpan > 1 ? `+${token.pos.colSpan}` : ''}${token.pos.rowSpan > 1 ? `v${token.pos.rowSpan}` : ''}` : '';
  const box = token.box ? ` [p${token.box.page} ${token.box.x},${token.box.y} ${token.box.w}x${token.box.h}]` : '';
  return `r${token.row ?? '-'}${pos}${box} ${JSON.stringify(token.text)}`;
}

export function snapshotText(extracted: Extracted): string {
  return [
    `title ${JSON.stringify(extracted.title)}`,
    `published ${extracted.publishedAt ?? '-'}`,
    ...extracted.anomalies.map((anomaly) => `anomaly ${anomaly}`),
    '# tokens',
    ...extracted.tokens.map(tokenLine),
    '# blocks',
    ...extracted.blocks.map((block) => `${block.src ?? '-'} ${JSON.stringify(block.text)}`),
    '',
  ].join('\n');
}

describe('the document reader snapshot: every PDF and layout text fixture reads as committed', () => {
  it('finds the fixtures', () => {
    expect(SNAPSHOT_FILES.length).toBeGreaterThanOrEqual(38);
  });

  for (const path of SNAPSHOT_FILES) {
    it(basename(path), async () => {
      await expect(snapshotText(await readFixture(path))).toMatchFileSnapshot(`__snapshots__/${basename(path)}.txt`);
    });
  }
});
