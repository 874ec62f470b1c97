import type { FormatDef } from '../types';
import { ACTIVE_HEADERS } from './2019';
import { appeals, applications2021 } from './shared';

const ITEM_1 = ['issued', 'repealed', 'in_force'];

/** 《政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号. */
export const format2021: FormatDef = {
  format: '2021',
  signature: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用'],
  tables: {
    active: {
      key: 'active',
      columns: [
        { key: 'issued', label: '本年制发件数', kind: 'count' },
        { key: 'repealed', label: '本年废止件数', kind: 'count' },
        { key: 'in_force', label: '现行有效件数', kind: 'count' },
        { key: 'decisions', label: '本年处理决定数量', kind: 'count' },
        { key: 'amount', label: '本年收费金额（单位：万元）', variants: ['本年收费金额'], kind: 'money' },
      ],
      rows: [
        { key: '1.regulations', label: '规章', columns: ITEM_1 },
        { key: '1.normative', label: '行政规范性文件', variants: ['规范性文件'], columns: ITEM_1 },
        { key: '5.license', label: '行政许可', columns: ['decisions'] },
        { key: '6.penalty', label: '行政处罚', columns: ['decisions'] },
        { key: '6.enforcement', label: '行政强制', columns: ['decisions'] },
        { key: '8.fees', label: '行政事业性收费', columns: ['amount'] },
      ],
      headers: ACTIVE_HEADERS(),
    },
    applications: applications2021,
    appeals,
  },
};
