import { browser } from 'wxt/browser';
import { htmlLang, LANG_KEY, langOf, type Lang } from '../lib/i18n/lang';

/** The extension pages' language: stored once by whichever view switched it last (lib/i18n/lang.ts decides). */
export async function storedLang(): Promise<Lang> {
  const stored = await browser.storage.local.get(LANG_KEY).catch(() => ({}) as Record<string, unknown>);
  return langOf(stored[LANG_KEY]);
}

/** Show a page in `lang` (its `<html lang>`), and keep the choice for the other views when `keep` is set. */
export function applyLang(lang: Lang, keep = false): void {
  document.documentElement.lang = htmlLang(lang);
  if (keep) void browser.storage.local.set({ [LANG_KEY]: lang }).catch(() => undefined);
}
