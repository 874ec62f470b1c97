import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { carryReviews, loadReviews, saveReview } from '../../../entrypoints/popup/review-store';
import { findingKey, reviewStorageKey } from '../../../lib/review/state';
import { auditShape } from '../../support/audit';
import { consistentReport, setCell } from '../../support/report-data';

function sample() {
  const data = consistentReport('2021', 3);
  setCell(data, 'appeals', 'reconsideration', 'total', 99);
  setCell(data, 'applications', '1', 'natural', '见附件');
  return auditShape(data, 'cms').result;
}

describe('review store: one change at a time, each on the latest stored book', () => {
  const result = sample();
  beforeEach(() => fakeBrowser.reset());

  it('keeps a status click and the note typed right after it (neither undoes the other)', async () => {
    const key = findingKey(result.findings[0]!);
    // Not awaited in between: the popup fires both as the auditor clicks, then types.
    const saves = [saveReview(result, 0, { status: 'confirmed' }), saveReview(result, 0, { note: '已电话核实' }), saveReview(result, 1, { status: 'false-positive' })];
    await Promise.all(saves);
    const stored = await fakeBrowser.storage.local.get(reviewStorageKey(result));
    expect(stored[reviewStorageKey(result)]).toEqual({
      [key]: { status: 'confirmed', note: '已电话核实' },
      [findingKey(result.findings[1]!)]: { status: 'false-positive', note: '' },
    });
  });

  it('a re-audit’s carried reviews fill in only what the auditor has not reviewed, even when saved at the same moment', async () => {
    const [first, second] = [findingKey(result.findings[0]!), findingKey(result.findings[1]!)];
    await Promise.all([
      saveReview(result, 0, { status: 'reported' }),
      carryReviews(result, { [first]: { status: 'confirmed', note: '旧' }, [second]: { status: 'confirmed', note: '旧' } }),
    ]);
    expect(await loadReviews(result)).toEqual({ [first]: { status: 'reported', note: '' }, [second]: { status: 'confirmed', note: '旧' } });
  });

  it('clearing the last review removes the report’s entry', async () => {
    await saveReview(result, 0, { status: 'confirmed' });
    await saveReview(result, 0, { status: null });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
