/**
 * The template's tables as rows of cells with spans, in the official layout: used to lay out the
 * XLSX export like the template (and by the tests to render pages in real-site shapes).
 */
import type { CellRef } from '../model/finding';
import type { Format, TableKey } from '../model/report';

export type CellValue = number | string | null;

export interface LayoutCell {
  text: string;
  value?: CellValue;
  ref?: CellRef;
  rowspan?: number;
  colspan?: number;
  kind: 'label' | 'value' | 'header';
}
export type LayoutRow = LayoutCell[];

export interface LayoutSource {
  format: Format;
  /** （六）其他处理 as one row or three sub-rows. */
  other: 'single' | 'sub';
  /** The cell's value; undefined when the page has no cell there at all. */
  value(table: TableKey, row: string, column: string): CellValue | undefined;
  /** Label text as the page writes it, where it differs from the template. */
  label?(table: TableKey, row: string): string | undefined;
  /** Rows left out (for tests of row-missing). */
  skip?(table: TableKey, row: string): boolean;
}

export const APPLICATION_COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'] as const;
export const APPEAL_ROWS = ['reconsideration', 'litigation.direct', 'litigation.after_reconsideration'] as const;
export const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

export const APPLICATION_LABELS: Record<string, string> = {
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

const ROWS_2019 = ['1', '2', '3.1', '3.2', '3.3.1', '3.3.2', '3.3.3', '3.3.4', '3.3.5', '3.3.6', '3.3.7', '3.3.8',
  '3.4.1', '3.4.2', '3.4.3', '3.5.1', '3.5.2', '3.5.3', '3.5.4', '3.5.5', '3.6', '3.7', '4'];

export function applicationRows(other: 'single' | 'sub'): string[] {
  return other === 'single' ? ROWS_2019 : ROWS_2019.flatMap((row) => (row === '3.6' ? ['3.6.1', '3.6.2', '3.6.3'] : [row]));
}

export const ACTIVE_COLUMNS: Record<Format, Record<string, string[]>> = {
  '2019': {
    '1.regulations': ['made', 'published', 'cumulative'],
    '1.normative': ['made', 'published', 'cumulative'],
    '5.license': ['previous', 'change', 'decisions'],
    '5.other_services': ['previous', 'change', 'decisions'],
    '6.penalty': ['previous', 'change', 'decisions'],
    '6.enforcement': ['previous', 'change', 'decisions'],
    '8.fees': ['previous', 'change'],
    '9.procurement': ['projects', 'amount'],
  },
  '2021': {
    '1.regulations': ['issued', 'repealed', 'in_force'],
    '1.normative': ['issued', 'repealed', 'in_force'],
    '5.license': ['decisions'],
    '6.penalty': ['decisions'],
    '6.enforcement': ['decisions'],
    '8.fees': ['amount'],
  },
};

const header = (text: string, extra: Partial<LayoutCell> = {}): LayoutCell => ({ text, kind: 'header', ...extra });
const label = (text: string, extra: Partial<LayoutCell> = {}): LayoutCell => ({ text, kind: 'label', ...extra });

function valueCell(source: LayoutSource, table: TableKey, row: string, column: string): LayoutCell[] {
  const value = source.value(table, row, column);
  if (value === undefined) return [];
  return [{ text: value === null ? '' : String(value), value, kind: 'value', ref: { table, row, column } }];
}

export function applicationsLayout(source: LayoutSource): LayoutRow[] {
  const rows = applicationRows(source.other).filter((row) => !source.skip?.('applications', row));
  const results = rows.filter((row) => row.startsWith('3.'));
  const out: LayoutRow[] = [
    [header('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowspan: 3, colspan: 3 }), header('申请人情况', { colspan: 7 })],
    [header('自然人', { rowspan: 2 }), header('法人或其他组织', { colspan: 5 }), header('总计', { rowspan: 2 })],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => header(text)),
  ];
  for (const key of rows) {
    const cells: LayoutRow = [];
    const text = source.label?.('applications', key) ?? APPLICATION_LABELS[key]!;
    const parts = key.split('.');
    if (key === results[0]) cells.push(label('三、本年度办理结果', { rowspan: results.length }));
    if (parts.length === 1) cells.push(label(text, { colspan: 3 }));
    else if (parts.length === 2) cells.push(label(text, { colspan: 2 }));
    else {
      const group = parts.slice(0, 2).join('.');
      const members = rows.filter((row) => row.startsWith(`${group}.`));
      if (key === members[0]) cells.push(label(GROUPS[group]!, { rowspan: members.length }));
      cells.push(label(text));
    }
    cells.push(...APPLICATION_COLUMNS.flatMap((column) => valueCell(source, 'applications', key, column)));
    out.push(cells);
  }
  return out;
}

export function appealsLayout(source: LayoutSource): LayoutRow[] {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [header('行政复议', { colspan: 5 }), header('行政诉讼', { colspan: 10 })],
    [...results.map((text) => header(text, { rowspan: 2 })), header('未经复议直接起诉', { colspan: 5 }), header('复议后起诉', { colspan: 5 })],
    [...results, ...results].map((text) => header(text)),
    APPEAL_ROWS.flatMap((row) => APPEAL_COLUMNS.flatMap((column) => valueCell(source, 'appeals', row, column))),
  ];
}

const ACTIVE_LABELS: Record<string, string> = {
  '1.regulations': '规章', '1.normative': '规范性文件', '5.license': '行政许可', '5.other_services': '其他对外管理服务事项',
  '6.penalty': '行政处罚', '6.enforcement': '行政强制', '8.fees': '行政事业性收费', '9.procurement': '政府集中采购',
};
const ACTIVE_HEADERS: Record<Format, Record<string, string[]>> = {
  '2019': {
    一: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], 五: ['上一年项目数量', '本年增/减', '处理决定数量'],
    六: ['上一年项目数量', '本年增/减', '处理决定数量'], 八: ['上一年项目数量', '本年增/减'], 九: ['采购项目数量', '采购总金额'],
  },
  '2021': { 一: ['本年制发件数', '本年废止件数', '现行有效件数'], 五: ['本年处理决定数量'], 六: ['本年处理决定数量'], 八: ['本年收费金额（单位：万元）'] },
};
const SECTION_ROWS: Record<string, string[]> = {
  一: ['1.regulations', '1.normative'], 五: ['5.license', '5.other_services'], 六: ['6.penalty', '6.enforcement'], 八: ['8.fees'], 九: ['9.procurement'],
};

/** Pad a row to the table's four columns: one value spans three, two values leave a blank cell. */
function padded(cells: LayoutCell[], spanOne: boolean): LayoutCell[] {
  if (cells.length === 2 && spanOne) return [cells[0]!, { ...cells[1]!, colspan: 3 }];
  if (cells.length === 3) return [...cells, { text: '', value: null, kind: 'value' }];
  return cells;
}

export function activeLayout(source: LayoutSource): LayoutRow[] {
  const columns = ACTIVE_COLUMNS[source.format];
  const out: LayoutRow[] = [];
  for (const [item, headers] of Object.entries(ACTIVE_HEADERS[source.format])) {
    out.push([header(`第二十条第（${item}）项`, { colspan: 4 })]);
    out.push(padded([header('信息内容'), ...headers.map((text) => header(text))], true));
    for (const row of SECTION_ROWS[item]!.filter((key) => columns[key] && !source.skip?.('active', key))) {
      const text = source.label?.('active', row) ?? (row === '1.normative' && source.format === '2021' ? '行政规范性文件' : ACTIVE_LABELS[row]!);
      out.push(padded([label(text), ...columns[row]!.flatMap((column) => valueCell(source, 'active', row, column))], true));
    }
  }
  return out;
}

export function tableLayout(table: TableKey, source: LayoutSource): LayoutRow[] {
  if (table === 'active') return activeLayout(source);
  if (table === 'applications') return applicationsLayout(source);
  return appealsLayout(source);
}
