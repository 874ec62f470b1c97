import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditText } from '../../../lib/audit';
import { hongze2023, hongze2024, huaian2024 } from '../../fixtures/real-reports';
import { auditShape, flatten } from '../../support/audit';
import { HTML_SHAPES, TEXT_SHAPES } from '../../support/render';
import { sharedPath } from '../../support/shared';

/** The rules of “Across reports, prose and dates” that need one report, and the per-table format rule. */
const NEW_RULES = ['narrative.mismatch', 'report.late', 'report.year-mismatch', 'report.section-empty', 'report.outdated-format', 'report.date-missing'];
const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => NEW_RULES.includes(f.rule)));

describe('the new rules on every seed and real fixture, unchanged', () => {
  const seeds = readdirSync(sharedPath('seeds')).filter((name) => name.endsWith('.txt')).sort();
  /** 000, 002 and 003 print no date at all: that, an info, is all they get. */
  const undated = new Set(['000_543bbcdbfb9939df.txt', '002_0c9827e6b67986f5.txt', '003_864908085ec3dcf1.txt']);

  it.each(seeds)('seed %s', (name) => {
    const { findings } = auditText(readFileSync(sharedPath('seeds', name), 'utf8'));
    expect(only(findings)).toEqual(undated.has(name) ? ['report.date-missing - - - - -'] : []);
  });

  it.each([...HTML_SHAPES, ...TEXT_SHAPES])('the real reports (%s): only the single （六） row of 洪泽区', (shape) => {
    expect(only(auditShape(huaian2024, shape).findings)).toEqual([]);
    for (const data of [hongze2023, hongze2024]) {
      expect(only(auditShape(data, shape).findings)).toEqual(['report.outdated-format applications 3.6 - 2021 2019']);
    }
  });
});
