import type { ExpectedCheck, UnitStatus } from '../lib/batch/expected';
import { bt, type BatchUiId } from '../lib/i18n/batch-ui';
import type { Lang } from '../lib/i18n/lang';

export interface Props {
  check: ExpectedCheck;
  lang: Lang;
}

/** Units that need the auditor first: missing and late, then the rest of what is not on time, then on time. */
const ORDER: UnitStatus[] = ['missing', 'late', 'other-year', 'not-report', 'unreadable', 'attachment', 'undated', 'on-time', 'unlisted'];
const BAD: ReadonlySet<UnitStatus> = new Set(['missing', 'late']);

/** The 应报清单: every unit that must publish and what the column shows of it. */
export function ExpectedUnits({ check, lang }: Props) {
  const listed = check.units.filter((unit) => unit.status !== 'unlisted');
  const count = (status: UnitStatus) => listed.filter((unit) => unit.status === status).length;
  const units = [...check.units].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  return (
    <section class="expected" data-testid="expected-units">
      <h2>{bt(lang, 'expectedFor', { year: check.year })}</h2>
      <p data-testid="expected-summary">{bt(lang, 'expectedSummary', {
        year: check.year, units: listed.length, onTime: count('on-time'), late: count('late'), missing: count('missing'),
        other: listed.length - count('on-time') - count('late') - count('missing'),
      })}</p>
      <table class="batch">
        <tbody>
          {units.map((unit) => (
            <tr key={`${unit.name}-${unit.row}`} data-testid="expected-unit" data-status={unit.status}>
              <td>{unit.name}</td>
              <td class="muted">{unit.kind ? bt(lang, `kind-${unit.kind}` as BatchUiId) : ''}</td>
              <td class={BAD.has(unit.status) ? 'bad' : ''} data-testid="unit-status">
                {bt(lang, `unit-${unit.status}` as BatchUiId)}
                {unit.status === 'other-year' ? `（${unit.otherYears.join('、')}）` : ''}
              </td>
              <td>{unit.publishedAt ?? ''}</td>
              <td>{unit.source ? <a href={unit.source} target="_blank" rel="noopener noreferrer">{unit.agency ?? unit.source}</a> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
