/** Characters a Chinese report's text layer is made of: CJK, ASCII, CJK and full-width punctuation. */
const PLAUSIBLE = /[\u4e00-\u9fff\u3400-\u4dbf\u0020-\u007e\u3000-\u303f\uff00-\uffef\u2010-\u203b\u00b7\u2160-\u216b\u25a0-\u25ff]/u;

/** Below this many characters per page, a document's pages are images: a scan. */
const MIN_CHARS_PER_PAGE = 8;
/** Share of plausible characters below which the fonts have no usable Unicode map. */
const MIN_PLAUSIBLE = 0.7;

/**
 * Whether a text layer is usable: `scanned` when there is (next to) no text, `garbled` when its
 * characters are mostly not what a report is written in (a font without a Unicode map), null when fine.
 */
export function textQuality(text: string, pages: number): 'scanned' | 'garbled' | null {
  const chars = Array.from(text.replace(/\s+/g, ''));
  if (chars.length < Math.max(pages, 1) * MIN_CHARS_PER_PAGE) return 'scanned';
  const plausible = chars.filter((char) => PLAUSIBLE.test(char)).length;
  if (plausible / chars.length < MIN_PLAUSIBLE) return 'garbled';
  // Glyph names read as Latin letters with no Chinese at all: a Chinese report whose fonts lost their map.
  const cjk = chars.filter((char) => /[\u4e00-\u9fff]/.test(char)).length;
  const letters = chars.filter((char) => /[A-Za-z]/.test(char)).length;
  if (cjk === 0 && letters > 0.8 * chars.length && /(?:[bcdfghjklmnpqrstvwxz]{5,})/i.test(chars.join(''))) return 'garbled';
  return null;
}
