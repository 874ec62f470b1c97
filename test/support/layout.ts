/** The template's tables as rows of cells with spans (the official layout), before any page styling. */
import { ACTIVE_COLUMNS, APPEAL_ROWS, applicationRows, type ReportData, type Value } from './report-data';

export interface LayoutCell {
  text: string;
  rowspan?: number;
  colspan?: number;
  kind: 'label' | 'value' | 'header';
}
export type LayoutRow = LayoutCell[];

const label = (text: string, extra: Partial<LayoutCell> = {}): LayoutCell => ({ text, kind: 'label', ...extra });
const header = (text: string, extra: Partial<LayoutCell> = {}): LayoutCell => ({ text, kind: 'header', ...extra });
const value = (v: Value, extra: Partial<LayoutCell> = {}): LayoutCell => ({ text: String(v), kind: 'value', ...extra });

const APPLICATION_LABELS: Record<string, string> = {
  '1': '一、本年新收政府信息公开申请数量',
  '2': '二、上年结转政府信息公开申请数量',
  '3.1': '（一）予以公开',
  '3.2': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '3.3.1': '1.属于国家秘密', '3.3.2': '2.其他法律行政法规禁止公开', '3.3.3': '3.危及“三安全一稳定”', '3.3.4': '4.保护第三方合法权益',
  '3.3.5': '5.属于三类内部事务信息', '3.3.6': '6.属于四类过程性信息', '3.3.7': '7.属于行政执法案卷', '3.3.8': '8.属于行政查询事项',
  '3.4.1': '1.本机关不掌握相关政府信息', '3.4.2': '2.没有现成信息需要另行制作', '3.4.3': '3.补正后申请内容仍不明确',
  '3.5.1': '1.信访举报投诉类申请', '3.5.2': '2.重复申请', '3.5.3': '3.要求提供公开出版物', '3.5.4': '4.无正当理由大量反复申请',
  '3.5.5': '5.要求行政机关确认或重新出具已获取信息',
  '3.6': '（六）其他处理',
  '3.6.1': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '3.6.2': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.6.3': '3.其他',
  '3.7': '（七）总计',
  '4': '四、结转下年度继续办理',
};
const GROUPS: Record<string, string> = { '3.3': '（三）不予公开', '3.4': '（四）无法提供', '3.5': '（五）不予处理', '3.6': '（六）其他处理' };

export function applicationsLayout(data: ReportData): LayoutRow[] {
  const rows = applicationRows(data.other);
  const results = rows.filter((row) => row.startsWith('3.'));
  const out: LayoutRow[] = [
    [header('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowspan: 3, colspan: 3 }), header('申请人情况', { colspan: 7 })],
    [header('自然人', { rowspan: 2 }), header('法人或其他组织', { colspan: 5 }), header('总计', { rowspan: 2 })],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => header(text)),
  ];
  for (const key of rows) {
    if (data.dropRows?.includes(`applications/${key}`)) continue;
    const cells: LayoutRow = [];
    const text = data.labels[`applications/${key}`] ?? APPLICATION_LABELS[key]!;
    const parts = key.split('.');
    if (key === '3.1') cells.push(label('三、本年度办理结果', { rowspan: results.filter((r) => !data.dropRows?.includes(`applications/${r}`)).length }));
    if (parts.length === 1) cells.push(label(text, { colspan: 3 }));
    else if (parts.length === 2) cells.push(label(text, { colspan: 2 }));
    else {
      const group = parts.slice(0, 2).join('.');
      const members = rows.filter((row) => row.startsWith(`${group}.`) && !data.dropRows?.includes(`applications/${row}`));
      if (key === members[0]) cells.push(label(GROUPS[group]!, { rowspan: members.length }));
      cells.push(label(text));
    }
    cells.push(...data.applications[key]!.map((v) => value(v)));
    out.push(cells);
  }
  for (const extra of data.extraRows?.filter((row) => row.table === 'applications') ?? []) {
    out.push([label(extra.label, { colspan: 3 }), ...extra.values.map((v) => value(v))]);
  }
  return out;
}

export function appealsLayout(data: ReportData): LayoutRow[] {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [header('行政复议', { colspan: 5 }), header('行政诉讼', { colspan: 10 })],
    [...results.map((text) => header(text, { rowspan: 2 })), header('未经复议直接起诉', { colspan: 5 }), header('复议后起诉', { colspan: 5 })],
    [...results, ...results].map((text) => header(text)),
    data.appeals.map((v) => value(v)),
  ];
}

const ITEM = (n: string) => `第二十条第（${n}）项`;

export function activeLayout(data: ReportData): LayoutRow[] {
  const v = (row: string, column: string, extra: Partial<LayoutCell> = {}) => value(data.active[row]![column]!, extra);
  const lab = (row: string, text: string) => label(data.labels[`active/${row}`] ?? text);
  const section = (n: string): LayoutRow => [header(ITEM(n), { colspan: 4 })];
  const columns = ACTIVE_COLUMNS[data.format];
  const extras: LayoutRow[] = (data.extraRows ?? []).filter((r) => r.table === 'active').map((r) => [label(r.label), ...r.values.map((v) => value(v))]);
  const row = (key: string, text: string): LayoutRow => {
    const keys = columns[key]!;
    const cells = [lab(key, text), ...keys.map((column) => v(key, column, keys.length === 1 ? { colspan: 3 } : {}))];
    if (keys.length === 2) cells.push(value(''));
    return cells;
  };
  if (data.format === '2019') {
    return [
      section('一'), ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'].map((t) => header(t)),
      row('1.regulations', '规章'), row('1.normative', '规范性文件'),
      section('五'), ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'].map((t) => header(t)),
      row('5.license', '行政许可'), row('5.other_services', '其他对外管理服务事项'),
      section('六'), ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'].map((t) => header(t)),
      row('6.penalty', '行政处罚'), row('6.enforcement', '行政强制'),
      section('八'), [...['信息内容', '上一年项目数量', '本年增/减'].map((t) => header(t)), header('')],
      row('8.fees', '行政事业性收费'),
      section('九'), [...['信息内容', '采购项目数量', '采购总金额'].map((t) => header(t)), header('')],
      row('9.procurement', '政府集中采购'), ...extras,
    ];
  }
  return [
    section('一'), ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].map((t) => header(t)),
    row('1.regulations', '规章'), row('1.normative', '行政规范性文件'),
    section('五'), [header('信息内容'), header('本年处理决定数量', { colspan: 3 })],
    row('5.license', '行政许可'),
    section('六'), [header('信息内容'), header('本年处理决定数量', { colspan: 3 })],
    row('6.penalty', '行政处罚'), row('6.enforcement', '行政强制'),
    section('八'), [header('信息内容'), header('本年收费金额（单位：万元）', { colspan: 3 })],
    row('8.fees', '行政事业性收费'), ...extras,
  ];
}

export { APPEAL_ROWS };
