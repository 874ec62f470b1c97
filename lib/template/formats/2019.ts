import type { ColumnDef, FormatDef } from '../types';
import { ACTIVE_HEADERS, ACTIVE_NAMES, activeRow, appeals, applications2019 } from './shared';

const ITEM_1 = ['made', 'published', 'cumulative'];
const PROJECTS = ['previous', 'change', 'decisions'];

const COLUMNS: readonly ColumnDef[] = [
  { key: 'made', label: '本年新制作数量', en: 'made this year', kind: 'count' },
  { key: 'published', label: '本年新公开数量', en: 'published this year', kind: 'count' },
  { key: 'cumulative', label: '对外公开总数量', en: 'total published', kind: 'count' },
  { key: 'previous', label: '上一年项目数量', en: 'items last year', kind: 'count' },
  { key: 'change', label: '本年增/减', en: 'change this year', kind: 'signed' },
  { key: 'decisions', label: '处理决定数量', en: 'decisions this year', kind: 'count' },
  { key: 'projects', label: '采购项目数量', en: 'procurement items', kind: 'count' },
  { key: 'amount', label: '采购总金额', en: 'procurement amount', kind: 'money' },
];

/** 《政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号. */
export const format2019: FormatDef = {
  format: '2019',
  since: 2019,
  source: '国办公开办函〔2019〕60号',
  tables: {
    active: {
      ...ACTIVE_NAMES,
      columns: COLUMNS,
      rows: [
        activeRow('1.regulations', '规章', 'Rules', ITEM_1),
        activeRow('1.normative', '规范性文件', 'Normative documents', ITEM_1, ['行政规范性文件']),
        activeRow('5.license', '行政许可', 'Administrative licences', PROJECTS),
        activeRow('5.other_services', '其他对外管理服务事项', 'Other external management services', PROJECTS),
        activeRow('6.penalty', '行政处罚', 'Administrative penalties', PROJECTS),
        activeRow('6.enforcement', '行政强制', 'Administrative compulsion', PROJECTS),
        activeRow('8.fees', '行政事业性收费', 'Administrative fees', ['previous', 'change']),
        activeRow('9.procurement', '政府集中采购', 'Centralised government procurement', ['projects', 'amount']),
      ],
      headers: ACTIVE_HEADERS,
      signature: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '政府集中采购', '其他对外管理服务事项'],
      relations: [
        // 上一年项目数量 + 本年增/减 cannot fall below zero.
        { rule: 'active.projects-negative', along: 'row', left: ['change'], op: '>=', right: [{ key: 'previous', sign: -1 }] },
        // 对外公开总数量 counts every year, so it cannot be below this year's 本年新公开数量.
        { rule: 'active.cumulative-below-new', along: 'row', over: ['1.regulations', '1.normative'], left: ['cumulative'], op: '>=', right: ['published'] },
      ],
      layout: {
        kind: 'sections',
        width: 3,
        sections: [
          { title: '第二十条第（一）项', rows: ['1.regulations', '1.normative'] },
          { title: '第二十条第（五）项', rows: ['5.license', '5.other_services'] },
          { title: '第二十条第（六）项', rows: ['6.penalty', '6.enforcement'] },
          { title: '第二十条第（八）项', rows: ['8.fees'] },
          { title: '第二十条第（九）项', rows: ['9.procurement'] },
        ],
      },
    },
    applications: applications2019,
    appeals,
  },
};
