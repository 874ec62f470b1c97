import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../../lib/audit';
import { parseDocument } from '../../../lib/cli/dom';
import { archiveOf, mergeArchive, readArchive } from '../../../lib/record/archive';
import { recordOfAudit } from '../../../lib/record/build';
import { findingKey } from '../../../lib/review/key';
import { renderHtml } from '../../support/render';
import { firstPublication } from '../../support/republished';

const PAGE = 'https://www.jtj.test.gov.cn/zfxxgk/ndbg/2023nb.html';
const audit = auditDocument(parseDocument(renderHtml(firstPublication(), 'cms')), { source: PAGE });
const key = findingKey(audit.result.findings[0]!);
// 1×1 PNG: a clip as the popup stores it.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const record = recordOfAudit(audit, {
  sha256: 'b'.repeat(64), hashOf: 'report-container', auditedAt: new Date('2024-01-20T08:00:00Z'),
  reviews: { [key]: { status: 'confirmed', note: '已电话核实' } },
  clips: [{ key, image: PNG, width: 1, height: 1, capturedAt: '2024-01-20T08:01:00.000Z' }],
});
const archive = archiveOf([record], { [`review:${PAGE}`]: { [key]: { status: 'confirmed', note: '已电话核实' } } }, new Date('2024-02-01T00:00:00Z'));
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('the audit archive', () => {
  it('reads back exactly what was written', () => {
    const read = readArchive(bytes(archive));
    expect(read).toEqual({ ok: true, archive });
  });

  it('refuses a corrupted or hostile archive whole, saying why', () => {
    const text = JSON.stringify(archive);
    const cases: [unknown, string][] = [
      [text.slice(0, text.length / 2), 'not-json'],
      ['{"records": []}', 'not-archive'],
      [{ ...archive, version: 2 }, 'invalid'],
      [{ ...archive, records: [{ ...record, sha256: 'zz' }] }, 'invalid'],
      // An SVG (scriptable) or a remote address passed off as a clip.
      [{ ...archive, records: [{ ...record, clips: [{ ...record.clips![0]!, image: 'data:image/svg+xml;base64,PHN2Zz4=' }] }] }, 'invalid'],
      [{ ...archive, records: [{ ...record, clips: [{ ...record.clips![0]!, image: 'https://evil.example/x.png' }] }] }, 'invalid'],
      [{ ...archive, reviews: { 'lang': {} } }, 'invalid'],
      [{ ...archive, records: [{ ...record, reviews: { [key]: { status: 'owned', note: '' } } }] }, 'invalid'],
      [{ ...archive, records: [{ ...record, title: 'x'.repeat(5000) }] }, 'invalid'],
    ];
    for (const [input, reason] of cases) {
      const read = readArchive(bytes(input));
      expect(read.ok, reason).toBe(false);
      if (!read.ok) expect(read.reason).toBe(reason);
    }
    expect(readArchive(new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it('ignores a __proto__ key rather than letting it reach an object’s prototype', () => {
    const hostile = `{"format":"nianbao-audit-archive","version":1,"exportedAt":"2024-02-01T00:00:00.000Z","records":[],"reviews":{"__proto__":{"polluted":{"status":"confirmed","note":""}}}}`;
    const read = readArchive(bytes(hostile));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (read.ok) expect(Object.keys(read.archive.reviews)).toEqual([]);
  });

  it('imports without overwriting: a record held stays, a review held stands, the rest fills in', () => {
    const other = { ...record, id: 'zzzzzzzz-other' };
    const merge = mergeArchive(archiveOf([record, other], archive.reviews), new Set([record.id]), {
      [`review:${PAGE}`]: { [key]: { status: 'false-positive', note: '本地的判断' } },
    });
    expect(merge.records.map((r) => r.id)).toEqual(['zzzzzzzz-other']);
    expect(merge.skipped).toBe(1);
    expect(merge.reviews[`review:${PAGE}`]![key]).toEqual({ status: 'false-positive', note: '本地的判断' });
  });
});
