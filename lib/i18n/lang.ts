/**
 * The language every view, export and message is said in: one type, one schema (messages between
 * contexts carry it), and one rule deciding it from whatever was stored or asked for.
 */
import * as z from 'zod/mini';

export const langSchema = z.enum(['zh', 'en']);
export type Lang = z.infer<typeof langSchema>;

/** Where the extension keeps the auditor's choice (storage.local), shared by every page and the content script. */
export const LANG_KEY = 'lang';

/**
 * The language of a stored setting, an address parameter or a `--lang` value: English only when
 * asked for, Chinese otherwise (the reports and their auditors are Chinese; a missing, damaged or
 * foreign value never switches the views to English).
 */
export function langOf(value: unknown): Lang {
  return value === 'en' ? 'en' : 'zh';
}

/** The language the switch in every view turns to. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** The page's `<html lang>` for a language, so screen readers and fonts pick Chinese. */
export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');
