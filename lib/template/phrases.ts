import { normalizeText } from '../extract/normalize';

/**
 * Leftover template text (rules.md, "Template leftovers"), as data. Strings are written as in the
 * templates and normalised once; patterns run on normalised text.
 * `cell`: may sit in a number cell; `text`: in a label, heading or paragraph.
 */
type Scope = 'cell' | 'text';
/** A pattern is anchored or bounded so that one search is linear in the text; anything else is a function. */
type Finder = (normalized: string) => string | null;
interface Phrase {
  match: string | RegExp | Finder;
  scopes: Scope[];
}

/** `/勾稽关系.*\):指/` without the regex engine's retry from every “勾稽关系” (quadratic on a repeated phrase). */
function crossCheckNote(normalized: string): string | null {
  const start = normalized.indexOf('勾稽关系');
  if (start < 0) return null;
  const end = normalized.lastIndexOf('):指');
  return end >= start + 4 ? normalized.slice(start, end + 3) : null;
}

const PHRASES: Phrase[] = [
  { match: '（文字描述', scopes: ['cell', 'text'] },
  { match: '左栏所有总计', scopes: ['cell', 'text'] },
  { match: '此项为历年公开的累计数', scopes: ['cell', 'text'] },
  { match: /\d{4}年内作出(行政许可项目|审批事项决定|强制决定)的?总?数量/, scopes: ['cell'] },
  { match: '年内本级财政本单位采购数量', scopes: ['cell'] },
  { match: '年内本单位采购总金额', scopes: ['cell'] },
  { match: '收费项目数量', scopes: ['cell'] },
  { match: '项目数量', scopes: ['cell'] },
  { match: '同上', scopes: ['cell'] },
  { match: '+（增加数）', scopes: ['cell'] },
  { match: '-（减少数）', scopes: ['cell'] },
  { match: '规章：地方行政规章指', scopes: ['text'] },
  { match: '规范性文件：是指', scopes: ['text'] },
  { match: '建议咨询本级司法', scopes: ['text'] },
  { match: '本行政区域（或本部门）', scopes: ['text'] },
  { match: crossCheckNote, scopes: ['text'] },
  { match: /上一年项目数量\d{4}年/, scopes: ['text'] },
  { match: /20[X×]{2}年/, scopes: ['cell', 'text'] },
  { match: /[X×]{2}(局|区|县|市|省|部|委|办|镇|街道|单位)/, scopes: ['cell', 'text'] },
  { match: '××', scopes: ['cell', 'text'] },
  { match: '此处填写', scopes: ['cell', 'text'] },
  { match: '填写说明', scopes: ['cell', 'text'] },
  { match: '（单位名称）', scopes: ['cell', 'text'] },
];

const COMPILED = PHRASES.map((phrase) => ({
  scopes: phrase.scopes,
  match: typeof phrase.match === 'string' ? normalizeText(phrase.match) : phrase.match,
}));

/** The first leftover phrase in already normalised text, as it appears there; null if none. */
export function matchPlaceholder(normalized: string, scope: Scope): string | null {
  for (const phrase of COMPILED) {
    if (!phrase.scopes.includes(scope)) continue;
    if (typeof phrase.match === 'string') {
      if (normalized.includes(phrase.match)) return phrase.match;
    } else if (typeof phrase.match === 'function') {
      const found = phrase.match(normalized);
      if (found !== null) return found;
    } else {
      const found = phrase.match.exec(normalized);
      if (found) return found[0];
    }
  }
  return null;
}
