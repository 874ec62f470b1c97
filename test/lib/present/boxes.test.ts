import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditExtracted } from '../../../lib/audit';
import { nodeReaderEnv } from '../../../lib/cli/reader-env';
import { readDocument } from '../../../lib/extract/document';
import type { Extracted } from '../../../lib/extract/types';
import { sourcePerToken } from '../../../lib/present/boxes';
import { sharedPath } from '../../support/shared';

function row(src: number | null, text: string, x: number) {
  return { text, src, row: 0, pos: { table: 0, col: x, colSpan: 1, rowSpan: 1 }, box: { page: 1, x: x * 40, y: 100, w: 20, h: 10 } };
}

describe('sourcePerToken', () => {
  it('gives every cell of a line its own source and keeps each box under it', () => {
    const extracted: Extracted = {
      tokens: [row(7, '9', 0), row(7, '0', 1), row(7, '514', 2)],
      blocks: [{ text: '一、总体情况', src: 3 }, { text: '正文', src: null }],
      title: null, dates: [], anomalies: [],
    };
    const { extracted: out, boxes } = sourcePerToken(extracted);
    expect(out.tokens.map((t) => t.src)).toEqual([0, 1, 2]);
    expect(boxes[2]).toEqual({ page: 1, x: 80, y: 100, w: 20, h: 10 });
    expect(out.blocks.map((b) => b.src)).toEqual([6, null]);
    expect(extracted.tokens[2]!.src).toBe(7); // the input is left as it was
  });

  it('changes no finding of the real PDFs, and puts 洪泽区 2023\'s wrong totals on cells of their own', async () => {
    const env = await nodeReaderEnv();
    for (const file of ['hongze-district-huaian-2023.pdf', 'hongze-district-huaian-2024.pdf', 'huaian-city-2024.pdf']) {
      const read = await readDocument(new Uint8Array(readFileSync(sharedPath('fixtures', 'real', file))), { name: file }, env);
      const before = auditExtracted(read.extracted!, { source: file });
      const { extracted, boxes } = sourcePerToken(read.extracted!);
      const after = auditExtracted(extracted, { source: file });
      const strip = (findings: typeof before.findings) => findings.map(({ src: _src, ...rest }) => rest);
      expect(strip(after.findings), file).toEqual(strip(before.findings));
      if (file.includes('2023')) {
        const totals = after.findings.filter((f) => f.rule === 'appeals.total');
        expect(totals).toHaveLength(2);
        for (const finding of totals) {
          const cell = after.report.tables.appeals![finding.row!]!.total!;
          expect(finding.src).toBe(cell.src);
          expect(extracted.tokens[finding.src!]!.text).toBe('0');
          expect(boxes[finding.src!]).toMatchObject({ page: expect.any(Number), w: expect.any(Number) });
        }
        expect(new Set(totals.map((f) => f.src)).size).toBe(2);
      }
    }
  });
});
