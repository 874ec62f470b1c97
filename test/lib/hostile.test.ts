/**
 * The hostile inputs of issue 13, each a correct generated report plus one change: nothing crashes,
 * the outcome is the right finding, and the work stays linear. How fast it is lives in `npm run bench`
 * (100k → 400k characters: at most 5×); here each input is read at a million characters, a size where
 * the quadratic code issue 13 removed does about 10^12 steps (hours: 40,000 digits and an “x” alone
 * took seconds) while the linear reading takes about a second. A return to quadratic work cannot
 * finish in the 60 s allowed, however loaded the machine: that is a bound on hanging, not a speed
 * goal, and it is enforced by interrupting the audit (`vm`'s timeout stops synchronous code, which a
 * test's own timeout cannot). Read through the command line's DOM (parse5), as `npm run audit` does.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { HOSTILE, type Hostile } from '../../bench/hostile';
import { auditDocument, auditText } from '../../lib/audit';
import { parseDocument } from '../../lib/cli/dom';
import type { AuditResult } from '../../lib/model/result';
import { internalErrors } from '../../lib/result';

/** Past this an audit is stopped and the test fails: about 60× what a million characters take when reading is linear. */
const HANG_MS = 60_000;

function audit(hostile: Hostile, size: number): AuditResult {
  const input = hostile.make(size);
  const run = () => (hostile.kind === 'html' ? auditDocument(parseDocument(input)).result : auditText(input).result);
  try {
    return runInNewContext('run()', { run }, { timeout: HANG_MS }) as AuditResult;
  } catch (error) {
    throw new Error(`${hostile.name} at ${size} characters: ${(error as Error).message} — quadratic work again?`);
  }
}

const at = (result: AuditResult, rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => `${f.table} ${f.row} ${f.column}`);

const OUTCOMES: Record<string, (result: AuditResult) => void> = {
  '[bookmark:': (r) => expect(at(r, 'cell.not-a-number')).toEqual(['applications 3.1 natural']),
  '勾稽关系': (r) => expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]),
  '项目数量': (r) => expect(at(r, 'cell.placeholder')).toEqual(['applications 3.1 natural']),
  '不予公开': (r) => expect(at(r, 'cell.not-a-number')).toEqual(['applications 3.1 natural']),
  'cell of digits': (r) => {
    expect(at(r, 'cell.not-a-number')).toEqual(['applications 3.1 natural']);
    expect(r.findings.find((f) => f.rule === 'cell.not-a-number')!.message).toContain('超出可精确计数的范围');
    expect(JSON.stringify(r)).not.toContain('Infinity');
  },
  'span-bomb': (r) => expect(r.anomalies?.some((a) => a.includes('spans not expanded'))).toBe(true),
  'long title': (r) => expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]),
  'continuation': (r) => expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]),
};

describe('hostile inputs', () => {
  it.each(HOSTILE.map((h) => [h.name, h] as const))('%s: no crash, the right outcome, at a million characters too', (_, hostile) => {
    for (const size of [25_000, 1_000_000]) {
      const result = audit(hostile, size);
      expect(internalErrors(result)).toEqual([]);
      expect(result.report).toBe(true);
      const outcome = Object.entries(OUTCOMES).find(([key]) => hostile.name.includes(key));
      expect(outcome, `an outcome for ${hostile.name}`).toBeDefined();
      outcome![1](result);
    }
  }, 3 * HANG_MS);
});

describe('an audit that fails inside', () => {
  it('answers with an anomaly naming the stage, not with "not a report"', async () => {
    const { auditExtracted } = await import('../../lib/audit');
    const broken = { tokens: null, blocks: [], title: null, publishedAt: null, anomalies: [] } as unknown as Parameters<typeof auditExtracted>[0];
    const { result } = auditExtracted(broken, { source: 'broken' });
    expect(result.findings).toEqual([]);
    expect(internalErrors(result)).toEqual([expect.stringMatching(/^internal error in match: TypeError/)]);
  });

  it('names extraction when the page itself cannot be read', () => {
    const doc = { getElementsByTagName: () => { throw new Error('boom'); }, body: null, documentElement: null, title: '' };
    expect(internalErrors(auditDocument(doc).result)).toEqual(['internal error in extract: Error: boom']);
  });
});
