import type { Lang } from '../i18n/lang';
import { t } from '../i18n/ui';
import type { Reaudit } from '../model/record';
import { reauditCounts } from './counts';

/** The re-audit's line, as every view says it: “与 2024-01-20 的核查记录相比：已整改 1 · 未整改 2 · 新增 1”. */
export function reauditText(reaudit: Reaudit, lang: Lang, reviews?: unknown): string {
  return t(lang, 'reauditLine', { date: reaudit.baseline.auditedAt.slice(0, 10), ...reauditCounts(reaudit, reviews) });
}
