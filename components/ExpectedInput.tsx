import { useState } from 'preact/hooks';
import { readExpected } from '../lib/batch/expected-file';
import type { ExpectedList } from '../lib/batch/store';
import { bt } from '../lib/i18n/batch-ui';
import type { Lang } from '../lib/i18n/lang';

export interface Props {
  list: ExpectedList | null;
  lang: Lang;
  onList(list: ExpectedList | null): void;
}

/** Where the auditor gives the 应报清单: a CSV or XLSX file of the units that must publish, or last year's column. */
export function ExpectedInput({ list, lang, onList }: Props) {
  const [problem, setProblem] = useState(false);
  const load = async (file: File | undefined) => {
    if (!file) return;
    const units = await readExpected(new Uint8Array(await file.arrayBuffer())).catch(() => []);
    setProblem(units.length === 0);
    if (units.length) onList(units);
  };
  return (
    <div class="expected-input" data-testid="expected-input">
      <label>
        {bt(lang, 'expectedLoad')}
        <input type="file" accept=".csv,.xlsx,text/csv" data-testid="expected-file" onChange={(e) => void load(e.currentTarget.files?.[0])} />
      </label>
      <label>
        <input type="checkbox" data-testid="expected-last-year" checked={list === 'last-year'} onChange={(e) => onList(e.currentTarget.checked ? 'last-year' : null)} />
        {bt(lang, 'expectedLastYear')}
      </label>
      {Array.isArray(list) && (
        <span data-testid="expected-loaded">
          {bt(lang, 'expectedLoaded', { count: list.length })}{' '}
          <button type="button" data-testid="expected-clear" onClick={() => onList(null)}>{bt(lang, 'expectedClear')}</button>
        </span>
      )}
      {problem && <span class="bad">{bt(lang, 'expectedBad')}</span>}
    </div>
  );
}
