import { describe, expect, it } from 'vitest';
import { storedStatus } from '../../../lib/review/key';
import { findingKey, hash, readBook, reviewLabel, reviewStorageKey, withReview } from '../../../lib/review/state';
import { auditShape } from '../../support/audit';
import { consistentReport, setCell } from '../../support/report-data';

describe('review state', () => {
  const data = consistentReport('2021', 3);
  setCell(data, 'appeals', 'reconsideration', 'total', 99);
  const result = auditShape(data, 'cms').result;
  const finding = result.findings.find((f) => f.rule === 'appeals.total')!;

  it('keys a report by its address and the hash of its tables: an edited report starts fresh', () => {
    const key = reviewStorageKey({ ...result, source: 'https://x.gov.cn/nb.html#top' });
    expect(key).toMatch(/^review:https:\/\/x\.gov\.cn\/nb\.html#[0-9a-f]{8}$/);
    expect(reviewStorageKey({ ...result, source: 'https://x.gov.cn/nb.html' })).toBe(key);
    const edited = structuredClone(result);
    edited.tables.appeals!.reconsideration!.total = 98;
    expect(reviewStorageKey({ ...edited, source: 'https://x.gov.cn/nb.html' })).not.toBe(key);
    // Key order does not matter: the same tables built in another order hash the same.
    const reordered = { ...result, source: 'https://x.gov.cn/nb.html', tables: Object.fromEntries(Object.entries(result.tables).reverse()) };
    expect(reviewStorageKey(reordered)).toBe(key);
    expect(hash('a')).not.toBe(hash('b'));
  });

  it('keys a finding by what it is about, not by its message language', () => {
    expect(findingKey(finding)).toBe('appeals.total|appeals|reconsideration|total|');
    expect(findingKey({ ...finding, message: 'other' } as typeof finding)).toBe(findingKey(finding));
  });

  it('sets, changes and clears a review; damaged storage reads as empty', () => {
    const key = findingKey(finding);
    let book = withReview({}, key, { status: 'confirmed', note: '已电话核实' });
    expect(book[key]).toEqual({ status: 'confirmed', note: '已电话核实' });
    book = withReview(book, key, { status: null, note: '待核' });
    expect(book[key]).toEqual({ status: null, note: '待核' });
    book = withReview(book, key, { status: null, note: '  ' });
    expect(book).toEqual({});
    expect(readBook({ [key]: { status: 'bogus', note: 1 } })).toEqual({});
    expect(readBook('nonsense')).toEqual({});
    expect(reviewLabel('false-positive', 'zh')).toBe('误报');
    // What the content script reads: a known status, anything else nothing.
    expect(storedStatus({ [key]: { status: 'reported', note: '' } }, key)).toBe('reported');
    expect(storedStatus({ [key]: { status: '<b>x</b>' } }, key)).toBeNull();
    expect(storedStatus('junk', key)).toBeNull();
    expect(storedStatus(undefined, key)).toBeNull();
    expect(reviewLabel('reported', 'en')).toBe('Reported');
  });
});
