import { normalizeText } from '../extract/normalize';
import { readTitle } from '../template/meta';

/**
 * Which agency published a report, and whether two names are the same agency. Names vary between
 * a report's title and the link to it (全称/简称: 福建省福州市公安局 / 福州市公安局 / 市公安局;
 * 人民政府 / 政府; 平潭综合实验区管委会 / 平潭综合实验区), but a 办公室 or a 分局 is an agency of
 * its own: 某县人民政府 and 某县人民政府办公室 must never merge.
 */

/** Spellings of one word, reduced to one form. Order matters: longer first. */
const SPELLINGS: readonly [RegExp, string][] = [
  [/管理委员会/g, '管委会'],
  [/人民政府/g, '政府'],
  [/政府办$/g, '政府办公室'],
  [/政府办(?=[^公])/g, '政府办公室'],
];

/** The agency named in a report title or a link text, or null. */
export function agencyFromText(text: string | null | undefined): string | null {
  if (!text) return null;
  // 【2021年】… : a bracketed year before the name hides the name from the title reader.
  const agency = readTitle(normalizeText(text).replace(/^[[【(（]\s*(19|20)\d{2}\s*年度?\s*[\]】)）]/, '')).agency;
  if (!agency) return null;
  const cleaned = normalizeText(agency)
    .replace(/^(关于|转发|印发|公布)+/, '')
    .replace(/[（(][^）)]*[）)]$/, '') // （2021年） or （全文） after the name
    .replace(/(的|之)$/, '')
    .replace(/[\s\u3000]+/g, '')
    .trim();
  // A bare 本机关 or a name of one character names nobody.
  return cleaned.length >= 2 && !/^(本机关|本单位|我(局|委|办|区|县|市))$/.test(cleaned) ? cleaned : null;
}

/** Names a page's 来源 may give that are no agency: the site, a newspaper, a channel. */
const NOT_AN_AGENCY = /网$|网站|本站|本网|原创|日报|报社|晚报|新闻|电视|广播|融媒|客户端|微信|公众号|门户/;

/**
 * The agency a page's metadata names (发布机构 of an 信息索引 table, `<meta name="ContentSource">`,
 * 来源：), when it reads as an agency's name: 来源：本网 or 某某日报 names none. Only for a report
 * whose title names no agency.
 */
export function publisherAgency(names: readonly string[] | undefined): string | null {
  for (const name of names ?? []) {
    const cleaned = normalizeText(name).replace(/[()（）]/g, '');
    if (cleaned.length < 3 || cleaned.length > 40 || NOT_AN_AGENCY.test(cleaned) || /\d/.test(cleaned)) continue;
    if (!(GOVERNMENT.test(cleaned) || DEPARTMENT.test(cleaned) || UNSURE.test(cleaned))) continue;
    // The office that posts a government's pages (来源：某县人民政府办公室) names the government: the
    // report on such a page is most often the government's own (and its later deadline never makes a
    // report wrongly late).
    return normalizeText(name).replace(/(人民政府|政府|管委会|管理委员会)(?:办公室|办公厅|办)$/, '$1');
  }
  return null;
}

/**
 * Which agency published a report, decided once: the title's words (“沭阳县发展和改革局2023年…”),
 * else the list's link text, else the page's metadata (发布机构, ContentSource, 来源). A report page
 * whose title block the reader missed still names its agency, so a batch of one agency's reports
 * can be paired by year.
 */
export function decideAgency(facts: { title: string | null; linkText?: string | null; publishers?: readonly string[] }): string | null {
  return readTitle(facts.title).agency ?? agencyFromText(facts.linkText) ?? publisherAgency(facts.publishers);
}

/** The comparable form of an agency name: NFKC, no spaces or punctuation, one spelling per word. */
export function agencyKey(name: string): string {
  let key = name.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  for (const [pattern, replacement] of SPELLINGS) key = key.replace(pattern, replacement);
  // 平潭综合实验区管委会（经济发展局）: the 管委会 of a zone is the zone itself.
  key = key.replace(/(区)管委会/g, '$1');
  return key;
}

const ADMIN_START = /^[省市县区州盟旗镇乡]/;
const PROVINCE_END = /(省|自治区|市)$/;

/** One name is the other with its place prefix left out (福州市公安局 / 市公安局; 福建省福州市公安局 / 福州市公安局). */
export function isShortFormOf(long: string, short: string): boolean {
  if (long.length <= short.length || !long.endsWith(short) || short.length < 3) return false;
  const prefix = long.slice(0, long.length - short.length);
  if (!/^\p{Script=Han}+$/u.test(prefix)) return false;
  return ADMIN_START.test(short) || PROVINCE_END.test(prefix);
}

export function sameAgency(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = agencyKey(a);
  const y = agencyKey(b);
  return x === y || isShortFormOf(x, y) || isShortFormOf(y, x);
}

export type AgencyKind = 'government' | 'department' | 'unknown';

/**
 * A people's government, a zone's 管委会 (开发区/新区/园区 …, not 国资委 or 城市管理委员会), or a place
 * name alone (“洪泽区2023年…”): the government's own report.
 */
const GOVERNMENT = /(人民政府|政府|行政公署|(?:区|园|港|开发区|新区|园区|试验区|示范区|合作区)(?:管委会|管理委员会|工委管委会)|[省市区县旗州盟镇乡])$/;
/** 街道办事处 and 乡镇 offices answer to local rules that differ: not told apart here. */
const UNSURE = /(街道|街道办事处|街道办)$/;
/** A department: 局, 委, 办, 中心 … (a government's 办公室 reporting on its own work is one too). */
const DEPARTMENT = /(局|委|委员会|办|办公室|办公厅|厅|中心|院|所|站|队|处|部|署|社|馆|会|集团|公司|分局|支队|大队|学校)$/;
/** “本报告由某某市人民政府办公室编制”: the office compiles the government's own report. */
const COMPILED_BY_OFFICE = /本报告(?:是)?由[^。，,]{0,30}(?:人民政府|政府)(?:办公室|办公厅)[^。]{0,40}编制/;

/**
 * Whether a report is a people's government's own, a department's, or cannot be told (the deadline
 * depends on it). The 公开办's list of units that must publish knows better than a name does: a kind
 * it states wins.
 */
export function agencyKind(report: { agency: string | null; texts: readonly { text: string }[]; listedKind?: 'department' | 'government' }): AgencyKind {
  if (report.listedKind) return report.listedKind;
  const agency = normalizeText(report.agency ?? '').replace(/[()（）]/g, '');
  if (agency && UNSURE.test(agency)) return 'unknown';
  if (agency && GOVERNMENT.test(agency)) return 'government';
  if (agency && DEPARTMENT.test(agency)) return 'department';
  if (!agency && report.texts.slice(0, 60).some((block) => COMPILED_BY_OFFICE.test(normalizeText(block.text).replace(/,/g, '，')))) return 'government';
  return 'unknown';
}
