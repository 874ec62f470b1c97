/**
 * The hostile inputs of issue 13, each a correct generated report plus one change: time grows at
 * most linearly (25k → 100k characters: at most 5×, with a fixed allowance), nothing crashes, and
 * the outcome is the right finding. Read through the command line's DOM (parse5), as `npm run audit` does.
 */
import { describe, expect, it } from 'vitest';
import { HOSTILE, type Hostile } from '../../bench/hostile';
import { auditDocument, auditText } from '../../lib/audit';
import { parseDocument } from '../../lib/cli/dom';
import type { AuditResult } from '../../lib/model/result';
import { internalErrors } from '../../lib/result';

function audit(hostile: Hostile, size: number): { result: AuditResult; ms: number } {
  const input = hostile.make(size);
  let best = Infinity;
  let result: AuditResult | null = null;
  // The quickest of three: a pause of the test process (GC, a busy machine) is not the audit's time.
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    result = hostile.kind === 'html' ? auditDocument(parseDocument(input)).result : auditText(input).result;
    best = Math.min(best, performance.now() - started);
    if (best < 50) break;
  }
  return { result: result!, ms: best };
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
  it.each(HOSTILE.map((h) => [h.name, h] as const))('%s: linear time, no crash, the right outcome', (_, hostile) => {
    const small = audit(hostile, 25_000);
    const large = audit(hostile, 100_000);
    for (const { result } of [small, large]) {
      expect(internalErrors(result)).toEqual([]);
      expect(result.report).toBe(true);
      const outcome = Object.entries(OUTCOMES).find(([key]) => hostile.name.includes(key));
      expect(outcome, `an outcome for ${hostile.name}`).toBeDefined();
      outcome![1](result);
    }
    expect(large.ms).toBeLessThan(5 * small.ms + 100);
    expect(large.ms).toBeLessThan(3000);
  }, 60_000);
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
