import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditExtracted } from '../../../lib/audit';
import { nodeReaderEnv } from '../../../lib/cli/reader-env';
import { readDocument } from '../../../lib/extract/document';
import { anchorKey, anchorSchema } from '../../../lib/model/anchor';
import { auditResultSchema } from '../../../lib/model/result';
import { cellAnchor, relatedAnchors } from '../../../lib/present/anchors';
import { marksOf } from '../../../lib/present/marks';
import { auditHtml } from '../../support/audit';
import { renderHtml } from '../../support/render';
import { consistentReport } from '../../support/report-data';
import { sharedPath } from '../../support/shared';

describe('a finding’s anchor', () => {
  it('on a web page is the element of the cell its rule marks, and rides in the result', () => {
    const data = consistentReport('2021', 6);
    data.appeals = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const audit = auditHtml(renderHtml(data, 'cms'));
    const total = audit.result.findings.find((f) => f.rule === 'appeals.total')!;
    const cell = audit.report.tables.appeals![total.row!]![total.column!]!;
    expect(total.anchor).toEqual({ kind: 'element', src: cell.src });
    // The result a view receives (validated like every message) keeps it: no second list to line up.
    expect(auditResultSchema.parse(JSON.parse(JSON.stringify(audit.result))).findings.find((f) => f.rule === 'appeals.total')!.anchor).toEqual(total.anchor);
    expect(audit.elements[cell.src!]!.tagName).toMatch(/^t[dh]$/i);
  });

  it('is validated: a damaged anchor from another context is refused', () => {
    expect(anchorSchema.safeParse({ kind: 'element', src: -1 }).success).toBe(false);
    expect(anchorSchema.safeParse({ kind: 'box', box: { page: 1, x: 0, y: 0, w: 1 } }).success).toBe(false);
    expect(anchorSchema.safeParse({ kind: 'path', src: 1 }).success).toBe(false);
    expect(anchorKey({ kind: 'element', src: 4 })).not.toBe(anchorKey({ kind: 'box', box: { page: 4, x: 0, y: 0, w: 0, h: 0 } }));
  });

  it('on a PDF is its cell’s box: 洪泽区 2023’s two wrong 总计 cells, on one text line, get two marks', async () => {
    const file = 'hongze-district-huaian-2023.pdf';
    const read = await readDocument(new Uint8Array(readFileSync(sharedPath('fixtures', 'real', file))), { name: file }, await nodeReaderEnv());
    const audit = auditExtracted(read.extracted!, { source: file });
    const totals = audit.result.findings.filter((f) => f.rule === 'appeals.total');
    expect(totals).toHaveLength(2);
    for (const finding of totals) {
      const cell = audit.report.tables.appeals![finding.row!]!.total!;
      expect(finding.anchor).toEqual({ kind: 'box', box: cell.box });
      expect(cellAnchor(audit.report, { table: 'appeals', row: finding.row!, column: 'total' })).toEqual(finding.anchor);
    }
    // Their sources are one line; their boxes are not.
    expect(new Set(totals.map((f) => anchorKey(f.anchor!))).size).toBe(2);
    const marks = marksOf(audit.result.findings);
    for (const finding of totals) expect(marks.some((m) => m.key === anchorKey(finding.anchor!))).toBe(true);
    // Every related cell on a PDF is placed by a box, never by a line number a view cannot show.
    expect(totals.flatMap((f) => relatedAnchors(audit.report, f)).every((a) => a.kind === 'box')).toBe(true);
  });
});
