import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../lib/export/filename';

describe('exportFileName', () => {
  it('replaces C0 and C1 control characters', () => {
    expect(exportFileName({ agency: '某局\u0000\u001b[2J\u0085\u009b31m', year: 2021 }, 'csv')).toBe('某局_[2J_31m-2021-年报核查.csv');
  });

  it('removes bidi marks, overrides and isolates, so a name reads as it is', () => {
    expect(exportFileName({ agency: '某局\u202eslx.exe\u2066\u2069\u200e\u200f\u061c', year: 2021 }, 'xlsx')).toBe('某局slx.exe-2021-年报核查.xlsx');
  });

  it('cuts a long name by code points, never inside a surrogate pair', () => {
    const name = exportFileName({ agency: `${'局'.repeat(59)}𠀀𠀀`, year: 2021 }, 'json');
    expect(name).toBe(`${'局'.repeat(59)}𠀀-2021-年报核查.json`);
  });
});

describe('exportFileName on hostile lengths', () => {
  it('trims dots and spaces in linear time', () => {
    const started = performance.now();
    expect(exportFileName({ agency: ` .某${' '.repeat(200_000)}局. `, year: 2021 }, 'csv')).toMatch(/^某 +-2021/);
    expect(performance.now() - started).toBeLessThan(5_000); // a hang guard: quadratic takes tens of seconds here
  });
});
