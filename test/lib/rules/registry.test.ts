import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES, type RuleId } from '../../../lib/rules';

describe('the rule registry', () => {
  it('types every id it can report, and no other (checked by npm run typecheck)', () => {
    const balance: RuleId = 'applications.balance';
    const emitted: RuleId = 'cell.placeholder';
    // @ts-expect-error — not a rule id: a typo in a rule id is a type error, not a silent miss
    const typo: RuleId = 'applications.balence';
    expect(RULE_IDS).toContain(balance);
    expect(RULE_IDS).toContain(emitted);
    expect(RULE_IDS).not.toContain(typo);
  });

  it('lists each rule once, sorted by id', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });
});
