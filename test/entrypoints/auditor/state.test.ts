import { describe, expect, it } from 'vitest';
import { AuditorState, type DomAudit } from '../../../entrypoints/auditor.content/state';
import { MEMORY_KEY } from '../../../lib/batch/memory';
import { findingKey, reviewStorageKey } from '../../../lib/review/key';
import { auditShape } from '../../support/audit';
import { consistentReport } from '../../support/report-data';

function wrongAudit(): DomAudit {
  const data = consistentReport('2021', 6);
  data.appeals = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  return auditShape(data, 'cms') as unknown as DomAudit;
}

describe('the auditor’s one state', () => {
  it('reads its settings from whatever storage holds, keeping the defaults for damaged values', () => {
    const state = new AuditorState();
    state.applySettings({ lang: 'fr', marksVisible: 'no', blanksVisible: 1, [MEMORY_KEY]: 'garbage' });
    expect([state.lang, state.marksVisible, state.blanksVisible, state.memory]).toEqual(['zh', true, false, []]);
    state.applySettings({ lang: 'en', marksVisible: false, blanksVisible: true });
    expect([state.lang, state.marksVisible, state.blanksVisible]).toEqual(['en', false, true]);
  });

  it('keeps the result the audit’s own, and builds it again in another language', () => {
    const state = new AuditorState();
    const audit = wrongAudit();
    state.setAudit(audit);
    expect(state.result).toBe(audit.result);
    const zh = state.result!.findings.map((f) => f.message);
    expect(state.setLang('zh')).toBe(false);
    expect(state.setLang('en')).toBe(true);
    const en = state.result!.findings;
    // The same findings in the same order, anchors and all; only the words change.
    expect(en.map((f) => f.anchor)).toEqual(audit.result.findings.map((f) => f.anchor));
    expect(en.map((f) => f.message)).not.toEqual(zh);
    state.setAudit(null);
    expect(state.result).toBeNull();
  });

  it('counts the badge as the popup does: a finding reviewed 误报 is no error', () => {
    const state = new AuditorState();
    state.setAudit(wrongAudit());
    const errors = state.result!.findings.filter((f) => f.severity === 'error');
    expect(state.summary(1.26)).toMatchObject({ report: true, errors: errors.length, busyMs: 1.3 });
    state.reviewKey = reviewStorageKey(state.result!);
    state.reviews = { [findingKey(errors[0]!)]: { status: 'false-positive', note: '' } };
    expect(state.summary(0).errors).toBe(errors.length - 1);
  });

  it('draws marks only for a report, with marks on, outside an evidence clip', () => {
    const state = new AuditorState();
    expect(state.marking).toBe(false);
    state.setAudit(wrongAudit());
    expect(state.marking).toBe(true);
    state.capturing = true;
    expect(state.marking).toBe(false);
    state.capturing = false;
    state.marksVisible = false;
    expect(state.marking).toBe(false);
  });
});
