import { describe, expect, it } from 'vitest';
import { storedStatus } from '../../../lib/review/key';
import { findingKey, readBook, reviewLabel, reviewStorageKey, withReview } from '../../../lib/review/state';
import { auditShape } from '../../support/audit';
import { consistentReport, setCell } from '../../support/report-data';

describe('review state', () => {
  const data = consistentReport('2021', 3);
  setCell(data, 'appeals', 'reconsideration', 'total', 99);
  const result = auditShape(data, 'cms').result;
  const finding = result.findings.find((f) => f.rule === 'appeals.total')!;

  it('keys a report by its address alone: a corrected report keeps the reviews of what remains', () => {
    const key = reviewStorageKey({ ...result, source: 'https://x.gov.cn/nb.html#top' });
    expect(key).toBe('review:https://x.gov.cn/nb.html');
    const edited = structuredClone(result);
    edited.tables.appeals!.reconsideration!.total = 98;
    expect(reviewStorageKey({ ...edited, source: 'https://x.gov.cn/nb.html' })).toBe(key);
  });

  it('keys a finding by rule + table + row + column, not by its message language or a cell’s changed text', () => {
    expect(findingKey(finding)).toBe('appeals.total|appeals|reconsideration|total|');
    expect(findingKey({ ...finding, message: 'other' } as typeof finding)).toBe(findingKey(finding));
    const placeholder = { rule: 'cell.placeholder', table: 'applications' as const, row: '3.7', column: 'total', text: '左栏所有总计' };
    expect(findingKey(placeholder)).toBe(findingKey({ ...placeholder, text: '左栏总计' }));
    // Without a cell, the text is what tells two findings apart (two leftover phrases in the prose).
    const prose = { rule: 'text.placeholder', table: null, row: null, column: null, text: '本行政区域（或本部门）' };
    expect(findingKey(prose)).not.toBe(findingKey({ ...prose, text: 'XX局' }));
    // A review written under the old form of a cell finding's key is read under today's.
    expect(readBook({ 'cell.placeholder|applications|3.7|total|左栏所有总计': { status: 'confirmed', note: '' } }))
      .toEqual({ [findingKey(placeholder)]: { status: 'confirmed', note: '' } });
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
