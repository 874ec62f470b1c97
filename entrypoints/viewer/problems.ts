import { documentMessage } from '../../lib/i18n/documents';
import type { Lang } from '../../lib/i18n/lang';
import { t } from '../../lib/i18n/ui';
import { fetchReason } from '../../lib/i18n/inputs';
import { FetchFailure } from '../../lib/input/fetch';
import { DocumentError } from './open-document';

/** One clear sentence per way a document can fail to open. */
export function problemMessage(error: unknown, lang: Lang): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  const reason = String((error as Error | null)?.message ?? error).slice(0, 200);
  if (error instanceof FetchFailure) {
    if (error.code === 'too-large') return t(lang, 'viewerTooLarge', { limit: error.detail });
    return t(lang, 'viewerFetchFailed', { reason: fetchReason(lang, error.code, error.detail) });
  }
  if (error instanceof DocumentError) return documentMessage(lang, error.code);
  if (name === 'PasswordException') return documentMessage(lang, 'encrypted');
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') return t(lang, 'viewerBroken', { reason });
  if (name === 'TypeError' && /fetch|network/i.test(reason)) return t(lang, 'viewerFetchFailed', { reason });
  if (/^HTTP \d+/.test(reason) || name === 'AbortError') return t(lang, 'viewerFetchFailed', { reason });
  return t(lang, 'viewerFailed', { reason });
}
