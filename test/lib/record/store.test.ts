import { describe, expect, it } from 'vitest';
import { admit, readIndex } from '../../../lib/record/store';
import type { RecordEntry } from '../../../lib/model/record';

const entry = (id: string, auditedAt: string, size: number, reviewed = false): RecordEntry => ({
  id, source: `https://x.gov.cn/${id}`, auditedAt, agency: null, year: 2023, sha256: 'c'.repeat(64), reviewed, size,
});

describe('bounded record storage', () => {
  const index = [
    entry('aaaaaaaa-1', '2024-01-03T00:00:00.000Z', 40, true),
    entry('aaaaaaaa-2', '2024-01-01T00:00:00.000Z', 30),
    entry('aaaaaaaa-3', '2024-01-02T00:00:00.000Z', 30),
  ];

  it('keeps everything while there is room', () => {
    expect(admit(index, entry('aaaaaaaa-4', '2024-01-04T00:00:00.000Z', 10), 200)).toEqual({ ok: true, index: [...index, entry('aaaaaaaa-4', '2024-01-04T00:00:00.000Z', 10)], evict: [] });
  });

  it('drops the oldest unreviewed records first, never a reviewed one', () => {
    const admitted = admit(index, entry('aaaaaaaa-4', '2024-01-04T00:00:00.000Z', 50), 130);
    expect(admitted).toMatchObject({ ok: true, evict: ['aaaaaaaa-2'] });
    const more = admit(index, entry('aaaaaaaa-4', '2024-01-04T00:00:00.000Z', 80), 130);
    expect(more).toMatchObject({ ok: true, evict: ['aaaaaaaa-2', 'aaaaaaaa-3'] });
  });

  it('refuses when only reviewed records are left to drop, saying how much is used', () => {
    expect(admit(index, entry('aaaaaaaa-4', '2024-01-04T00:00:00.000Z', 100), 130)).toEqual({ ok: false, used: 100, needed: 100, budget: 130 });
  });

  it('replaces a record saved again (same id) rather than counting it twice', () => {
    const again = admit(index, { ...index[0]!, size: 45 }, 110);
    expect(again).toMatchObject({ ok: true, evict: [] });
  });

  it('reads a damaged index as empty', () => {
    expect(readIndex([{ id: 1 }])).toEqual([]);
    expect(readIndex(undefined)).toEqual([]);
  });
});
