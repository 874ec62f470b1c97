import type { Lang } from '../lib/i18n/lang';
import { t } from '../lib/i18n/ui';

export type ExportKind = 'xlsx' | 'csv' | 'json' | 'tsv' | 'memo';

export interface Props {
  lang: Lang;
  copied: boolean;
  onExport(kind: ExportKind): void;
  /** The memo reads the report tab's auditor: offered where there is one (not in the document viewer). */
  memo?: boolean;
}

export function ExportBar({ lang, copied, onExport, memo = true }: Props) {
  return (
    <div class="exports" data-testid="exports">
      <button type="button" data-testid="export-xlsx" onClick={() => onExport('xlsx')}>{t(lang, 'exportXlsx')}</button>
      <button type="button" data-testid="export-csv" onClick={() => onExport('csv')}>{t(lang, 'exportCsv')}</button>
      <button type="button" data-testid="export-json" onClick={() => onExport('json')}>{t(lang, 'exportJson')}</button>
      <button type="button" data-testid="export-tsv" onClick={() => onExport('tsv')}>{copied ? t(lang, 'copied') : t(lang, 'copyTsv')}</button>
      {memo && <button type="button" class="memo" data-testid="export-memo" onClick={() => onExport('memo')}>{t(lang, 'memo')}</button>}
    </div>
  );
}
