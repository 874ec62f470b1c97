/**
 * How report prose states the quantities the tables hold: one phrase pattern per quantity, and the
 * table cells each reading of the phrase adds up to. Data for `narrative.mismatch` (rules.md,
 * "Across reports, prose and dates"). A phrase is tight on purpose: the number must follow the
 * quantity's words directly (“予以公开50件”), so a sentence that could be read two ways
 * (“予以公开及部分公开60件”, “收到涉及征收的申请30件”) does not match at all.
 */
import type { TableKey } from '../model/report';

/** One reading: cells whose sum the stated number means; `*` in a row stands for its sub-rows (“3.3.*”). */
export type Reading = readonly { table: TableKey; row: string; column: string }[];

export interface NarrativeQuantity {
  /** Locale term that names the quantity in messages (`q.received` …). */
  term: string;
  /** The row a finding points to, when the quantity is one row. */
  row: string | null;
  table: TableKey;
  /** The number is the pattern's group (one per alternative of the pattern). */
  pattern: RegExp;
  /** Every way the sentence can be read; it agrees with the table when any reading fits. */
  readings: readonly Reading[];
  /** The quantity may name a later year (结转至2024年): that year is not “another year”. */
  nextYear?: boolean;
  /** A clause with these words means a part of the quantity (复议后起诉 is one kind of suit). */
  unless?: RegExp;
  /** The sentence must say what it counts (办结10件 after 行政许可审批件 is about licences, not applications). */
  about?: RegExp;
  /** The number may include what a bracket says it includes (“答复3050件（含上年度结转34件）”). */
  includes?: boolean;
  /** Words of OTHER_READING this quantity's own phrase uses (现行有效 for the documents in force). */
  allows?: RegExp;
}

/**
 * The sentence is about disclosure applications: its subject is 申请 (政府信息公开申请, 依申请公开,
 * 申请件). 依申请公开 before 信息/文件/公文 is a document's disclosure attribute, not an application
 * (“全年印发公文类政府信息共514条，其中主动公开信息数130，依申请公开信息数363条，不予公开21条”).
 */
const ABOUT_APPLICATIONS = /(?:政府)?信息(?:公开)?申请|依申请(?:信息)?公开(?!(?:的)?(?:政府)?(?:信息|文件|公文|类))|公开申请|申请件/;
/** 申请 named as such: in a sentence that counts documents, only this makes a number an application's. */
const NAMES_APPLICATIONS = /(?:政府)?信息(?:公开)?申请|公开申请|申请件/;

/**
 * Whether the sentence speaks of what the quantity counts: an application count's subject may be
 * the sentence before (never in a sentence counting documents, whose 依申请公开 N 件 is an attribute);
 * an appeal's must be its own sentence's (a 司法局 reports every 行政复议 it handles).
 */
function aboutIt(quantity: NarrativeQuantity, documents: boolean, context: string, sentence: string): boolean {
  if (quantity.table !== 'applications') return quantity.about!.test(sentence);
  return documents ? NAMES_APPLICATIONS.test(sentence) : quantity.about!.test(context);
}

/** A sentence counting documents (公文, 发文, items of information, their disclosure attribute): its numbers are no applications. */
const DOCUMENT_SUBJECT = /公文|发文|信息(?:共计|共|合计)?\d+条|依申请公开(?:的)?(?:政府)?(?:信息|文件|公文|类)/;
/** …about disclosure (a 司法局 also reports the 行政复议 it handles for everyone). */
const ABOUT_DISCLOSURE = /信息公开/;

const N = '(\\d{1,3}(?:,\\d{3})+|\\d+)';
const COUNT = '(?:共计|共|合计|总计|数量为|数量|量为|为|是|:)?';
/** Applications are counted in 件 (个, 份); 条 counts items of information. Not a range: 20件左右, 20件以上. */
const UNIT = '(?:件|个|份)(?!左右|以上|以下|上下|之多)';
/** What applications are called after a verb: 政府信息公开申请, 依申请公开申请, 依申请信息公开 (申请 left out). */
const APPLICATIONS = '(?:(?:政府信息公开|信息公开|依申请公开|依申请政府信息公开)(?:的)?申请(?:件)?|依申请(?:信息|政府信息)?公开(?:政府信息)?(?:申请)?(?:件)?)';
const total = (table: TableKey, row: string) => ({ table, row, column: 'total' });
const apps = (...rows: string[]): Reading => rows.map((row) => total('applications', row));
const active = (row: string, column: string) => ({ table: 'active' as const, row, column });

/**
 * 予以公开及部分公开 N 件: the two rows at once, as pages write them (平潭 2023: 42 = 22 + 20; 上海市
 * 人民政府办公厅 2019: 258 against 272 + 3).
 */
const DISCLOSED: NarrativeQuantity = {
  term: 'q.disclosed',
  row: null,
  table: 'applications',
  pattern: new RegExp(`(?:予以公开|全部公开)(?:及|和|与|、|以及)部分公开(?:的|申请)?${COUNT}${N}${UNIT}`),
  readings: [apps('3.1', '3.2')],
  about: ABOUT_APPLICATIONS,
};

/** 3.x results, with the sub-rows of a group (3.3 不予公开 = 3.3.1 … 3.3.8; 3.6 = one row or three). */
const result = (term: string, row: string, words: string, group: boolean): NarrativeQuantity => ({
  term,
  row: group ? null : row,
  table: 'applications',
  // Not after another result word joined by 及/和/、 (“予以公开及部分公开60件” counts two rows at once).
  pattern: new RegExp(`(?<!(?:公开|提供|处理)[及和与、或])(?:${words})(?:的|申请|决定)?${COUNT}${N}${UNIT}`),
  readings: group ? [apps(row), apps(`${row}.*`)] : [apps(row)],
  about: ABOUT_APPLICATIONS,
});

/**
 * Documents in force (2021 format, 现行有效件数): “集中发布现行有效行政规范性文件393件” (平潭 2023,
 * whose table says 470). 清理 and 现行有效 are this phrase's own words here.
 */
const inForce = (term: string, row: string, words: string): NarrativeQuantity => ({
  term,
  row,
  table: 'active',
  pattern: new RegExp(`现行有效(?:的)?${words}${COUNT}${N}(?:件|份|个|部)(?!左右|以上|以下|上下|之多)`),
  readings: [[active(row, 'in_force')]],
  allows: /现行有效|清理/g,
});

export const NARRATIVE_QUANTITIES: readonly NarrativeQuantity[] = [
  {
    term: 'q.received',
    row: '1',
    table: 'applications',
    // “共收到依申请信息公开26件”, “受理公民、法人和其他组织提出的政府信息公开申请62件” (a few words between).
    pattern: new RegExp(`(?:新收|收到|接收|受理|收悉|接到|新受理)(?:各类|各项|了|到)?(?:[^\\d]{0,16}?)${APPLICATIONS}${COUNT}${N}${UNIT}`),
    // “收到申请N件” may count the carried-over applications too.
    readings: [apps('1'), apps('1', '2')],
    includes: true,
  },
  {
    term: 'q.handled',
    row: '1',
    table: 'applications',
    // “全年办理政府信息公开申请218件”, “政府信息公开申请26件，全部办结”: received, handled with the
    // carried-over ones, or answered — any of them.
    pattern: new RegExp(`(?:(?:共|全年|累计)?办理(?:了)?${APPLICATIONS}${COUNT}${N}${UNIT}|^(?:\\d{4}年度?)?[^\\d]{0,8}?${APPLICATIONS}${COUNT}${N}${UNIT}(?:已)?(?:全部|均已|均|全)(?:办结|答复|按时办结|予以答复))`),
    readings: [apps('1'), apps('1', '2'), apps('3.7')],
    includes: true,
  },
  DISCLOSED,
  result('q.3.1', '3.1', '予以公开|同意公开|全部公开', false),
  result('q.3.2', '3.2', '部分公开', false),
  result('q.3.3', '3.3', '不予公开', true),
  result('q.3.4', '3.4', '无法提供', true),
  result('q.3.5', '3.5', '不予处理', true),
  result('q.3.6', '3.6', '其他处理', true),
  {
    term: 'q.3.7',
    row: '3.7',
    table: 'applications',
    pattern: new RegExp(`(?:办结|答复|办理完毕)(?:政府信息公开|依申请公开|依申请信息公开)?(?:的)?(?:申请)?${COUNT}${N}件(?!左右|以上|以下|上下|之多)`),
    readings: [apps('3.7')],
    about: ABOUT_APPLICATIONS,
    includes: true,
  },
  {
    term: 'q.4',
    row: '4',
    table: 'applications',
    pattern: new RegExp(`结转(?:至|到)?(?:下一?年度?|下年|\\d{4}年度?)(?:继续)?(?:办理)?(?:的)?(?:申请)?${COUNT}${N}件`),
    readings: [apps('4')],
    about: ABOUT_APPLICATIONS,
    nextYear: true,
  },
  {
    term: 'q.reconsideration',
    row: 'reconsideration',
    table: 'appeals',
    pattern: new RegExp(`行政复议(?:案件|申请)?${COUNT}${N}(?:件|起|宗|次)`),
    unless: /复议后|起诉/,
    about: ABOUT_DISCLOSURE,
    readings: [[total('appeals', 'reconsideration')]],
  },
  {
    term: 'q.litigation',
    row: null,
    table: 'appeals',
    // “行政复议7件，诉讼9件” (上海市人民政府办公厅 2019): after 复议, 诉讼 alone is the suit.
    pattern: new RegExp(`(?:行政诉讼|^诉讼)(?:案件)?${COUNT}${N}(?:件|起|宗|次)`),
    unless: /复议后|经复议|直接起诉|未经复议/,
    about: ABOUT_DISCLOSURE,
    // Both kinds of suit, or (as some agencies write) the direct ones only.
    readings: [[total('appeals', 'litigation.direct'), total('appeals', 'litigation.after_reconsideration')], [total('appeals', 'litigation.direct')]],
  },
  {
    term: 'q.regulations',
    row: '1.regulations',
    table: 'active',
    // “全年新增公开市政府规章1件” (淮安市 2024).
    pattern: new RegExp(`(?:主动公开|制发|制定|出台|印发|发布|公开)(?:了|的)?(?:[省市区县州]?政府)?规章${COUNT}${N}(?:件|部|个|项)`),
    readings: [[active('1.regulations', 'issued')], [active('1.regulations', 'made')], [active('1.regulations', 'published')]],
  },
  {
    term: 'q.normative',
    row: '1.normative',
    table: 'active',
    // “动态更新本年度制发的规范性文件77件” (平潭 2023).
    pattern: new RegExp(`(?:主动公开|制发|制定|出台|印发|发布|公开)(?:了|的)?(?:行政)?规范性文件${COUNT}${N}(?:件|份|个|部)`),
    readings: [[active('1.normative', 'issued')], [active('1.normative', 'made')], [active('1.normative', 'published')]],
  },
  inForce('q.regulations.in-force', '1.regulations', '规章'),
  inForce('q.normative.in-force', '1.normative', '(?:行政)?规范性文件'),
];

/**
 * Words that make a clause about something else than this year's whole quantity: a comparison
 * (同比, 上年), a running total (累计), a share (%), a part of it (one applicant kind, one channel,
 * one reason of a group), or a document's life (废止, 现行有效).
 */
export const OTHER_READING = new RegExp([
  '同比', '上年', '去年', '上一年', '前年', '较', '比上', '增长', '增加', '下降', '减少', '持平', '累计', '历年', '以来', '%', '％', '率', '占',
  '自然人', '法人', '商业企业', '科研机构', '社会公益', '法律服务', '其他组织', '网上', '网络', '当面', '信函', '邮寄', '传真', '电子邮件', '现场', '窗口', '线上', '线下',
  '平均', '月', '季度', '涉及', '关于', '有关',
  // A count for the whole area may add up every agency in it, while the table is this government's own;
  // a count of another unit (its towns, its subordinate bodies) is not the table's either.
  '全市', '全区', '全县', '全省', '全州', '全盟', '全旗', '全镇', '全乡', '各地', '各部门', '各单位', '各级', '全系统',
  '乡镇', '街道', '下属', '所属', '直属', '局属', '区直', '县直', '市直', '二级单位', '派出机构',
  '不掌握', '没有现成', '另行制作', '不明确', '国家秘密', '禁止公开', '三安全一稳定', '第三方', '内部事务', '过程性', '行政执法案卷', '行政查询',
  '信访', '举报', '投诉', '重复申请', '出版物', '大量', '确认或重新', '逾期', '缴纳费用',
  '废止', '现行有效', '清理', '备案', '审查', '审核', '评估', '解读',
].join('|'));

/** Where a bracket saying what a number includes (含…, 包括…) was dropped from a clause. */
export const INCLUDES_MARK = '\u2063';

/**
 * Sentences, then clauses: the unit a stated number is read in. Bracketed asides are dropped; one
 * that says what the number includes (“（含上年结转4件）”) leaves INCLUDES_MARK behind.
 */
export function clausesOf(text: string): { sentence: string; clauses: string[] }[] {
  return text.split(/(?<=[。！？!?])/).map((sentence) => sentence.trim()).filter(Boolean).map((sentence) => {
    const plain = sentence.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/\(([^()]*)\)/g, (_, aside: string) => (/^(含|包括|包含)/.test(aside) ? INCLUDES_MARK : ''))
      // Every kind of applicant at once is no one kind of them.
      .replace(/公民[、,]?法人(?:和|或|或者|及|以及|、)?其他组织/g, '申请人');
    return { sentence, clauses: plain.split(/[，;；。！？!?]|,(?!\d{3})/).filter(Boolean) };
  });
}

/** Years a sentence names (2023年, 2023年度). */
export function yearsIn(sentence: string): number[] {
  return [...sentence.normalize('NFKC').matchAll(/(20\d{2}|19\d{2})年/g)].map((m) => Number(m[1]));
}

export interface Stated {
  quantity: NarrativeQuantity;
  value: number;
  /** The sentence as the report writes it. */
  sentence: string;
}

/** Numbers the prose states for table quantities, where the clause can be read one way only; `year` is the report's. */
export function statedIn(text: string, year: number | null): Stated[] {
  const out: Stated[] = [];
  let previous = '';
  for (const { sentence, clauses } of clausesOf(text)) {
    const nfkc = sentence.normalize('NFKC');
    // An application count's subject may be the previous sentence's (“答复政府信息公开申请805件。予以公开
    // 及部分公开258件…”), unless this one counts documents of its own.
    const documents = DOCUMENT_SUBJECT.test(nfkc);
    const context = documents ? nfkc : `${previous}${nfkc}`;
    previous = nfkc;
    // The year a clause speaks of: the last one it or a clause before it in the sentence names
    // (“2025年，全区共收到申请154件，共办结148件，结转至2026年6件”: 148 is 2025's, 6 goes to 2026).
    let spoken: number | null = null;
    for (const clause of clauses) {
      spoken = yearsIn(clause).at(-1) ?? spoken;
      for (const quantity of NARRATIVE_QUANTITIES) {
        if (spoken !== null && spoken !== year && !(quantity.nextYear && spoken === (year ?? 0) + 1)) continue;
        if (OTHER_READING.test(quantity.allows ? clause.replace(quantity.allows, '') : clause)) continue;
        // “不予公开2件（含不予处理）” counts two rows at once.
        if (clause.includes(INCLUDES_MARK) && !quantity.includes) continue;
        if (quantity.unless?.test(clause) || (quantity.about && !aboutIt(quantity, documents, context, nfkc))) continue;
        // The number is the pattern's one group that took part (a pattern of alternatives has one per alternative).
        const number = quantity.pattern.exec(clause)?.slice(1).find((group) => group !== undefined);
        if (number) out.push({ quantity, value: Number(number.replace(/,/g, '')), sentence });
      }
    }
  }
  return out;
}
