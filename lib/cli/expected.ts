/**
 * `--expected FILE.csv|FILE.xlsx|last-year`: the 应报清单 on the command line — read through the one
 * list reader (lib/batch/expected-file.ts), checked by the batch (lib/batch/expected.ts), printed as a
 * block after the findings and written beside the summary.
 */
import { readExpected } from '../batch/expected-file';
import type { ExpectedCheck, ExpectedUnit } from '../batch/expected';
import { bt, type BatchUiId } from '../i18n/batch-ui';
import type { Lang } from '../i18n/lang';
import { readInputFile } from './load';
import { InputError } from './messages';
import { terminalSafe } from './terminal';

export const LAST_YEAR = 'last-year';

export function isExpectedValue(value: string): boolean {
  return value === LAST_YEAR || /\.(xlsx|csv)$/i.test(value);
}

/** The list a `--expected` value names: the units of a file, or 'last-year'. A file without a unit name in it is a usage error. */
export async function loadExpected(value: string): Promise<readonly ExpectedUnit[] | 'last-year'> {
  if (value === LAST_YEAR) return LAST_YEAR;
  let units: ExpectedUnit[];
  try {
    units = await readExpected(readInputFile(value));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('expectedEmpty', { value });
  }
  if (units.length === 0) throw new InputError('expectedEmpty', { value });
  return units;
}

/** The list as the terminal shows it: a heading with the counts, then one line per unit that is not on time. */
export function expectedLines(check: ExpectedCheck, lang: Lang): string {
  const count = (...statuses: string[]) => check.units.filter((unit) => statuses.includes(unit.status)).length;
  const listed = check.units.filter((unit) => unit.status !== 'unlisted');
  const head = bt(lang, 'expectedSummary', {
    year: check.year, units: listed.length, onTime: count('on-time'), late: count('late'), missing: count('missing'),
    other: listed.length - count('on-time', 'late', 'missing'),
  });
  const lines = check.units.filter((unit) => unit.status !== 'on-time').map((unit) => {
    const detail = unit.status === 'other-year' ? `（${unit.otherYears.join('、')}）` : unit.status === 'late' && unit.publishedAt ? `（${unit.publishedAt}）` : '';
    return `  ${terminalSafe(unit.name)}：${bt(lang, `unit-${unit.status}` as BatchUiId)}${detail}`;
  });
  return [head, ...lines].join('\n');
}
