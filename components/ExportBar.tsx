import type { Lang } from '../lib/i18n/render';
import { t } from '../lib/i18n/ui';

export type ExportKind = 'xlsx' | 'csv' | 'json' | 'tsv' | 'memo';

export interface Props {
  lang: Lang;
  copied: boolean;
  onExport(kind: ExportKind): void;
}

export function ExportBar({ lang, copied, onExport }: Props) {
  return (
    <div class="exports" data-testid="exports">
      <button type="button" data-testid="export-xlsx" onClick={() => onExport('xlsx')}>{t(lang, 'exportXlsx')}</button>
      <button type="button" data-testid="export-csv" onClick={() => onExport('csv')}>{t(lang, 'exportCsv')}</button>
      <button type="button" data-testid="export-json" onClick={() => onExport('json')}>{t(lang, 'exportJson')}</button>
      <button type="button" data-testid="export-tsv" onClick={() => onExport('tsv')}>{copied ? t(lang, 'copied') : t(lang, 'copyTsv')}</button>
      <button type="button" class="memo" data-testid="export-memo" onClick={() => onExport('memo')}>{t(lang, 'memo')}</button>
    </div>
  );
}
