import { expect, it } from 'vitest';
import type { Finding } from '../../lib/model/finding';
import { auditShape, flatten } from './audit';
import type { HtmlShape, TextShape } from './render';
import { clone, consistentReport, type ReportData } from './report-data';

export interface InvalidCase {
  name: string;
  format: '2019' | '2021';
  mutate: (data: ReportData) => void;
  /** Exact findings of this rule, flattened: 'rule table row column expected actual'. */
  findings: string[];
  shapes?: (HtmlShape | TextShape)[];
  seed?: number;
}

const DEFAULT_SHAPES: (HtmlShape | TextShape)[] = ['word', 'cms', 'lines'];

/** RuleTester-style cases: consistent reports pass; each injected error yields exactly the stated findings. */
export function ruleCases(rule: string, cases: { valid: ('2019' | '2021')[]; invalid: InvalidCase[] }): void {
  const only = (findings: Finding[]) => flatten(findings.filter((f) => f.rule === rule || (rule === 'cell' && f.rule.startsWith('cell.'))));
  for (const format of cases.valid) {
    it(`passes a consistent ${format} report`, () => {
      for (const seed of [11, 12]) expect(only(auditShape(consistentReport(format, seed), 'word').findings)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(c.name, () => {
      const data = clone(consistentReport(c.format, c.seed ?? 21));
      c.mutate(data);
      for (const shape of c.shapes ?? DEFAULT_SHAPES) {
        expect(only(auditShape(data, shape).findings), shape).toEqual([...c.findings].sort());
      }
    });
  }
}
