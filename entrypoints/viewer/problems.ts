import { documentMessage } from '../../lib/i18n/documents';
import type { Lang } from '../../lib/i18n/render';
import { t } from '../../lib/i18n/ui';
import { MAX_MB, TooLargeError } from './fetch-document';
import { DocumentError } from './open-document';

/** One clear sentence per way a document can fail to open. */
export function problemMessage(error: unknown, lang: Lang): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  const reason = String((error as Error | null)?.message ?? error).slice(0, 200);
  if (error instanceof TooLargeError) return t(lang, 'viewerTooLarge', { limit: MAX_MB });
  if (error instanceof DocumentError) return documentMessage(lang, error.code);
  if (name === 'PasswordException') return documentMessage(lang, 'encrypted');
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') return t(lang, 'viewerBroken', { reason });
  if (name === 'TypeError' && /fetch|network/i.test(reason)) return t(lang, 'viewerFetchFailed', { reason });
  if (/^HTTP \d+/.test(reason) || name === 'AbortError') return t(lang, 'viewerFetchFailed', { reason });
  return t(lang, 'viewerFailed', { reason });
}
