import type { ColumnDef, RowDef, TableDef } from '../types';

const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  { key: 'natural', label: '自然人', kind: 'count' },
  { key: 'commercial', label: '商业企业', kind: 'count' },
  { key: 'research', label: '科研机构', kind: 'count' },
  { key: 'social', label: '社会公益组织', variants: ['社会组织', '公益组织'], kind: 'count' },
  { key: 'legal', label: '法律服务机构', kind: 'count' },
  { key: 'other', label: '其他', kind: 'count' },
  { key: 'total', label: '总计', variants: ['合计'], kind: 'count' },
];
const ALL = APPLICANT_COLUMNS.map((column) => column.key);

const row = (key: string, label: string, extra: Partial<RowDef> = {}): RowDef => ({ key, label, columns: ALL, ...extra });
const group = (key: string, label: string): RowDef => ({ key, label, columns: [], group: true });

const RESULT_ROWS_BEFORE_OTHER: readonly RowDef[] = [
  row('1', '本年新收政府信息公开申请数量'),
  row('2', '上年结转政府信息公开申请数量'),
  group('3', '本年度办理结果'),
  row('3.1', '予以公开'),
  row('3.2', '部分公开', { variants: ['部分公开(区分处理的,只计这一情形,不计其他情形)'] }),
  group('3.3', '不予公开'),
  row('3.3.1', '属于国家秘密'),
  row('3.3.2', '其他法律行政法规禁止公开'),
  row('3.3.3', '危及"三安全一稳定"'),
  row('3.3.4', '保护第三方合法权益'),
  row('3.3.5', '属于三类内部事务信息'),
  row('3.3.6', '属于四类过程性信息'),
  row('3.3.7', '属于行政执法案卷'),
  row('3.3.8', '属于行政查询事项'),
  group('3.4', '无法提供'),
  row('3.4.1', '本机关不掌握相关政府信息'),
  row('3.4.2', '没有现成信息需要另行制作'),
  row('3.4.3', '补正后申请内容仍不明确'),
  group('3.5', '不予处理'),
  row('3.5.1', '信访举报投诉类申请'),
  row('3.5.2', '重复申请'),
  row('3.5.3', '要求提供公开出版物'),
  row('3.5.4', '无正当理由大量反复申请'),
  row('3.5.5', '要求行政机关确认或重新出具已获取信息'),
];
const RESULT_ROWS_AFTER_OTHER: readonly RowDef[] = [
  row('3.7', '总计', { ordinal: 7, variants: ['合计'] }),
  row('4', '结转下年度继续办理'),
];

const OTHER_SUB_ROWS: readonly RowDef[] = [
  row('3.6.1', '申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请', { variants: ['申请人无正当理由逾期不补正'] }),
  row('3.6.2', '申请人逾期未按收费通知要求缴纳费用,行政机关不再处理其政府信息公开申请', { variants: ['申请人逾期未按收费通知要求缴纳费用'] }),
  row('3.6.3', '其他', { ordinal: 3 }),
];

const APPLICATION_HEADERS = ['申请人情况', '法人或其他组织', '法人或者其他组织', ...APPLICANT_COLUMNS.slice(0, 5).flatMap((c) => [c.label, ...(c.variants ?? [])])];

/** The 2019 format: （六）其他处理 is one row. Its three sub-rows (2021) are accepted in its place. */
export const applications2019: TableDef = {
  key: 'applications',
  columns: APPLICANT_COLUMNS,
  rows: [...RESULT_ROWS_BEFORE_OTHER, row('3.6', '其他处理'), ...OTHER_SUB_ROWS.map((r) => ({ ...r, optional: true })), ...RESULT_ROWS_AFTER_OTHER],
  headers: APPLICATION_HEADERS,
  sharedHeaders: ['其他', '总计', '合计'],
  headerFragments: ['勾稽关系'],
  alternatives: { '3.6': ['3.6.1', '3.6.2', '3.6.3'] },
};

/** The 2021 format: （六）其他处理 heads three sub-rows. A single row (2019 style, seen in real 2023 reports) is accepted in their place. */
export const applications2021: TableDef = {
  ...applications2019,
  rows: [...RESULT_ROWS_BEFORE_OTHER, { ...row('3.6', '其他处理'), group: true }, ...OTHER_SUB_ROWS, ...RESULT_ROWS_AFTER_OTHER],
  alternatives: { '3.6.1': ['3.6'], '3.6.2': ['3.6'], '3.6.3': ['3.6'] },
};

const APPEAL_COLUMNS: readonly ColumnDef[] = [
  { key: 'upheld', label: '结果维持', kind: 'count' },
  { key: 'corrected', label: '结果纠正', kind: 'count' },
  { key: 'other', label: '其他结果', kind: 'count' },
  { key: 'pending', label: '尚未审结', kind: 'count' },
  { key: 'total', label: '总计', variants: ['合计'], kind: 'count' },
];
const APPEAL_KEYS = APPEAL_COLUMNS.map((column) => column.key);

export const appeals: TableDef = {
  key: 'appeals',
  columns: APPEAL_COLUMNS,
  rows: [
    { key: 'reconsideration', label: '行政复议', columns: APPEAL_KEYS },
    { key: 'litigation.direct', label: '未经复议直接起诉', columns: APPEAL_KEYS },
    { key: 'litigation.after_reconsideration', label: '复议后起诉', columns: APPEAL_KEYS },
  ],
  headers: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结'],
  sharedHeaders: ['总计', '合计'],
  flat: true,
};
