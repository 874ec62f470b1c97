/** What the 2019 and 2021 formats share: the applications table (but for （六）) and the appeals table. */
import type { ColumnDef, Relation, RowDef, TableDef } from '../types';

const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  { key: 'natural', label: '自然人', en: 'natural persons', kind: 'count' },
  { key: 'commercial', label: '商业企业', en: 'businesses', kind: 'count' },
  { key: 'research', label: '科研机构', en: 'research institutions', kind: 'count' },
  { key: 'social', label: '社会公益组织', variants: ['社会组织', '公益组织'], en: 'public-interest organisations', kind: 'count' },
  { key: 'legal', label: '法律服务机构', en: 'legal service providers', kind: 'count' },
  { key: 'other', label: '其他', en: 'other', kind: 'count' },
  { key: 'total', label: '总计', variants: ['合计'], en: 'total', kind: 'count' },
];
const ALL = APPLICANT_COLUMNS.map((column) => column.key);
const APPLICANTS = ALL.filter((key) => key !== 'total');

type Extra = Partial<Omit<RowDef, 'key' | 'label' | 'printed' | 'zh' | 'en'>>;
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A top-level item: 一、本年新收… */
const item = (key: string, label: string, en: string, extra: Extra = {}): RowDef => {
  const printed = `${CN[Number(key)]}、${label}`;
  return { key, label, printed, zh: printed, en: `${key} ${en}`, columns: ALL, ...extra };
};
/** An outcome under 三、本年度办理结果: （一）予以公开 */
const outcome = (key: string, label: string, en: string, extra: Extra & { printed?: string } = {}): RowDef => {
  const zh = `（${CN[Number(key.split('.')[1])]}）${label}`;
  return { key, label, zh, en: `${key} ${en}`, columns: ALL, parent: '3', ...extra, printed: extra.printed ?? zh };
};
/** A heading over sub-rows: （三）不予公开 */
const heading = (key: string, label: string, en: string): RowDef => ({ ...outcome(key, label, en), columns: [], group: true });
/** A sub-row: 1.属于国家秘密, named with its group: （三）不予公开·1.属于国家秘密 */
function sub(parent: RowDef, n: number, label: string, en: string, extra: Extra & { printed?: string } = {}): RowDef {
  return {
    key: `${parent.key}.${n}`, label, printed: extra.printed ?? `${n}.${label}`,
    zh: `${parent.zh}·${n}.${label}`, en: `${parent.key}.${n} ${parent.en.slice(parent.key.length + 1)} · ${en}`,
    columns: ALL, parent: parent.key, ...extra,
  };
}

const NOT_DISCLOSED = heading('3.3', '不予公开', 'Not disclosed');
const CANNOT_PROVIDE = heading('3.4', '无法提供', 'Cannot be provided');
const NOT_PROCESSED = heading('3.5', '不予处理', 'Not processed');
const OTHER_HANDLING = outcome('3.6', '其他处理', 'Other handling');

const RESULT_ROWS_BEFORE_OTHER: readonly RowDef[] = [
  item('1', '本年新收政府信息公开申请数量', 'New applications this year'),
  item('2', '上年结转政府信息公开申请数量', 'Applications carried over from last year'),
  { ...item('3', '本年度办理结果', 'Outcomes this year'), columns: [], group: true },
  outcome('3.1', '予以公开', 'Disclosed'),
  outcome('3.2', '部分公开', 'Partly disclosed', {
    variants: ['部分公开(区分处理的,只计这一情形,不计其他情形)'], printed: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  }),
  NOT_DISCLOSED,
  sub(NOT_DISCLOSED, 1, '属于国家秘密', 'state secret'),
  sub(NOT_DISCLOSED, 2, '其他法律行政法规禁止公开', 'barred by other laws or regulations'),
  sub(NOT_DISCLOSED, 3, '危及"三安全一稳定"', 'would endanger “three securities and one stability”', { printed: '3.危及“三安全一稳定”' }),
  sub(NOT_DISCLOSED, 4, '保护第三方合法权益', 'protects third-party rights'),
  sub(NOT_DISCLOSED, 5, '属于三类内部事务信息', 'internal affairs'),
  sub(NOT_DISCLOSED, 6, '属于四类过程性信息', 'process information'),
  sub(NOT_DISCLOSED, 7, '属于行政执法案卷', 'enforcement case files'),
  sub(NOT_DISCLOSED, 8, '属于行政查询事项', 'administrative inquiry matters'),
  CANNOT_PROVIDE,
  sub(CANNOT_PROVIDE, 1, '本机关不掌握相关政府信息', 'not held by this agency'),
  sub(CANNOT_PROVIDE, 2, '没有现成信息需要另行制作', 'would have to be newly made'),
  sub(CANNOT_PROVIDE, 3, '补正后申请内容仍不明确', 'still unclear after correction'),
  NOT_PROCESSED,
  sub(NOT_PROCESSED, 1, '信访举报投诉类申请', 'petitions, reports and complaints'),
  sub(NOT_PROCESSED, 2, '重复申请', 'repeated applications'),
  sub(NOT_PROCESSED, 3, '要求提供公开出版物', 'requests for published materials'),
  sub(NOT_PROCESSED, 4, '无正当理由大量反复申请', 'mass repeated applications without good reason'),
  sub(NOT_PROCESSED, 5, '要求行政机关确认或重新出具已获取信息', 'requests to confirm or reissue information already obtained'),
];
const RESULT_ROWS_AFTER_OTHER: readonly RowDef[] = [
  outcome('3.7', '总计', 'Total', { ordinal: 7, variants: ['合计'] }),
  item('4', '结转下年度继续办理', 'Carried over to next year'),
];

const OTHER_SUB_ROWS: readonly RowDef[] = [
  sub(OTHER_HANDLING, 1, '申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请', 'no correction in time, no longer processed', {
    variants: ['申请人无正当理由逾期不补正'], printed: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  }),
  sub(OTHER_HANDLING, 2, '申请人逾期未按收费通知要求缴纳费用,行政机关不再处理其政府信息公开申请', 'fees not paid in time, no longer processed', {
    variants: ['申请人逾期未按收费通知要求缴纳费用'], printed: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  }),
  sub(OTHER_HANDLING, 3, '其他', 'other', { ordinal: 3 }),
];

const APPLICATION_HEADERS = ['申请人情况', '法人或其他组织', '法人或者其他组织', ...APPLICANT_COLUMNS.slice(0, 5).flatMap((c) => [c.label, ...(c.variants ?? [])])];

/** Every row （七）总计 adds up; absent ones drop out, and （六） gives way to its sub-rows where they are present. */
const RESULT_LEAVES = [...RESULT_ROWS_BEFORE_OTHER, OTHER_HANDLING, ...OTHER_SUB_ROWS]
  .filter((row) => row.key.startsWith('3.') && !row.group)
  .map((row) => row.key);

const APPLICATION_RELATIONS: readonly Relation[] = [
  { rule: 'applications.row-total', along: 'row', left: ['total'], op: '=', right: APPLICANTS },
  { rule: 'applications.results-total', along: 'column', left: ['3.7'], op: '=', right: RESULT_LEAVES, dropAbsent: true },
  // The template's own 勾稽关系: 第一项加第二项之和，等于第三项加第四项之和.
  { rule: 'applications.balance', along: 'column', left: ['3.7', '4'], op: '=', right: ['1', '2'] },
];

const APPLICATIONS_BASE = {
  key: 'applications',
  zh: '三、收到和处理政府信息公开申请情况',
  en: '3. Applications received and handled',
  columns: APPLICANT_COLUMNS,
  headers: APPLICATION_HEADERS,
  sharedHeaders: ['其他', '总计', '合计'],
  headerFragments: ['勾稽关系'],
  relations: APPLICATION_RELATIONS,
  layout: {
    kind: 'rows',
    labelColumns: 3,
    header: [
      [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowspan: 3, colspan: 3 }, { text: '申请人情况', colspan: 7 }],
      [{ text: '自然人', rowspan: 2 }, { text: '法人或其他组织', colspan: 5 }, { text: '总计', rowspan: 2 }],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ text })),
    ],
  },
} as const satisfies Partial<TableDef>;

/** The 2019 format: （六）其他处理 is one row. Its three sub-rows (2021) are accepted in its place. */
export const applications2019: TableDef = {
  ...APPLICATIONS_BASE,
  rows: [...RESULT_ROWS_BEFORE_OTHER, OTHER_HANDLING, ...OTHER_SUB_ROWS.map((r) => ({ ...r, optional: true })), ...RESULT_ROWS_AFTER_OTHER],
  alternatives: { '3.6': ['3.6.1', '3.6.2', '3.6.3'] },
  signature: [],
};

/** The 2021 format: （六）其他处理 heads three sub-rows. A single row (2019 style, seen in real 2023 reports) is accepted in their place. */
export const applications2021: TableDef = {
  ...APPLICATIONS_BASE,
  rows: [...RESULT_ROWS_BEFORE_OTHER, { ...OTHER_HANDLING, group: true }, ...OTHER_SUB_ROWS, ...RESULT_ROWS_AFTER_OTHER],
  alternatives: { '3.6.1': ['3.6'], '3.6.2': ['3.6'], '3.6.3': ['3.6'] },
  signature: ['申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用'],
};

const APPEAL_COLUMNS: readonly ColumnDef[] = [
  { key: 'upheld', label: '结果维持', en: 'upheld', kind: 'count' },
  { key: 'corrected', label: '结果纠正', en: 'corrected', kind: 'count' },
  { key: 'other', label: '其他结果', en: 'other outcome', kind: 'count' },
  { key: 'pending', label: '尚未审结', en: 'pending', kind: 'count' },
  { key: 'total', label: '总计', variants: ['合计'], en: 'total', kind: 'count' },
];
const APPEAL_KEYS = APPEAL_COLUMNS.map((column) => column.key);
const RESULTS = APPEAL_COLUMNS.map((column) => ({ text: column.label }));

const appealRow = (key: string, label: string, zh: string, en: string): RowDef => ({ key, label, printed: label, zh, en, columns: APPEAL_KEYS });

export const appeals: TableDef = {
  key: 'appeals',
  zh: '四、政府信息公开行政复议、行政诉讼情况',
  en: '4. Administrative reconsideration and litigation',
  columns: APPEAL_COLUMNS,
  rows: [
    appealRow('reconsideration', '行政复议', '行政复议', 'Administrative reconsideration'),
    appealRow('litigation.direct', '未经复议直接起诉', '行政诉讼·未经复议直接起诉', 'Litigation without reconsideration'),
    appealRow('litigation.after_reconsideration', '复议后起诉', '行政诉讼·复议后起诉', 'Litigation after reconsideration'),
  ],
  headers: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结'],
  sharedHeaders: ['总计', '合计'],
  flat: true,
  signature: [],
  relations: [{ rule: 'appeals.total', along: 'row', left: ['total'], op: '=', right: APPEAL_KEYS.filter((key) => key !== 'total') }],
  layout: {
    kind: 'flat',
    header: [
      [{ text: '行政复议', colspan: 5 }, { text: '行政诉讼', colspan: 10 }],
      [...RESULTS.map((cell) => ({ ...cell, rowspan: 2 })), { text: '未经复议直接起诉', colspan: 5 }, { text: '复议后起诉', colspan: 5 }],
      [...RESULTS, ...RESULTS],
    ],
  },
};

/** The headers every version of the active table may show (a mixed report uses either set). */
export const ACTIVE_HEADERS: readonly string[] = [
  ...['一', '五', '六', '八', '九'].map((n) => `第二十条第（${n}）项`),
  '信息内容', '本年新', '制作数量', '公开数量', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量',
  '采购项目数量', '采购总金额', '本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额',
];

export const ACTIVE_NAMES = { key: 'active', zh: '二、主动公开政府信息情况', en: '2. Proactive disclosure' } as const;

/** A row of the active table: its label is printed as is, and names it in Chinese. */
export const activeRow = (key: string, label: string, en: string, columns: readonly string[], variants?: readonly string[]): RowDef => ({
  key, label, printed: label, zh: label, en, columns, ...(variants ? { variants } : {}),
});
