import type { FormatDef } from '../types';
import { appeals, applications2019 } from './shared';

const ITEM_1 = ['made', 'published', 'cumulative'];
const PROJECTS = ['previous', 'change', 'decisions'];

/** 《政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号. */
export const format2019: FormatDef = {
  format: '2019',
  signature: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '政府集中采购', '其他对外管理服务事项', '第二十条第(九)项'],
  tables: {
    active: {
      key: 'active',
      columns: [
        { key: 'made', label: '本年新制作数量', kind: 'count' },
        { key: 'published', label: '本年新公开数量', kind: 'count' },
        { key: 'cumulative', label: '对外公开总数量', kind: 'count' },
        { key: 'previous', label: '上一年项目数量', kind: 'count' },
        { key: 'change', label: '本年增/减', kind: 'signed' },
        { key: 'decisions', label: '处理决定数量', kind: 'count' },
        { key: 'projects', label: '采购项目数量', kind: 'count' },
        { key: 'amount', label: '采购总金额', kind: 'money' },
      ],
      rows: [
        { key: '1.regulations', label: '规章', columns: ITEM_1 },
        { key: '1.normative', label: '规范性文件', variants: ['行政规范性文件'], columns: ITEM_1 },
        { key: '5.license', label: '行政许可', columns: PROJECTS },
        { key: '5.other_services', label: '其他对外管理服务事项', columns: PROJECTS },
        { key: '6.penalty', label: '行政处罚', columns: PROJECTS },
        { key: '6.enforcement', label: '行政强制', columns: PROJECTS },
        { key: '8.fees', label: '行政事业性收费', columns: ['previous', 'change'] },
        { key: '9.procurement', label: '政府集中采购', columns: ['projects', 'amount'] },
      ],
      headers: ACTIVE_HEADERS(),
    },
    applications: applications2019,
    appeals,
  },
};

export function ACTIVE_HEADERS(): string[] {
  const items = ['一', '五', '六', '八', '九'].map((n) => `第二十条第（${n}）项`);
  return [...items, '信息内容', '本年新', '制作数量', '公开数量', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量',
    '采购项目数量', '采购总金额', '本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'];
}
