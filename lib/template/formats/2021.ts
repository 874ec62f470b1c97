import type { FormatDef } from '../types';
import { ACTIVE_HEADERS, ACTIVE_NAMES, activeRow, appeals, applications2021 } from './shared';

const ITEM_1 = ['issued', 'repealed', 'in_force'];

/** 《政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号. */
export const format2021: FormatDef = {
  format: '2021',
  since: 2021,
  source: '国办公开办函〔2021〕30号',
  tables: {
    active: {
      ...ACTIVE_NAMES,
      columns: [
        { key: 'issued', label: '本年制发件数', en: 'issued this year', kind: 'count' },
        { key: 'repealed', label: '本年废止件数', en: 'repealed this year', kind: 'count' },
        { key: 'in_force', label: '现行有效件数', en: 'in force', kind: 'count' },
        { key: 'decisions', label: '本年处理决定数量', en: 'decisions this year', kind: 'count' },
        { key: 'amount', label: '本年收费金额（单位：万元）', variants: ['本年收费金额'], en: 'fees collected (10,000 yuan)', kind: 'money' },
      ],
      rows: [
        activeRow('1.regulations', '规章', 'Rules', ITEM_1),
        activeRow('1.normative', '行政规范性文件', 'Normative documents', ITEM_1, ['规范性文件']),
        activeRow('5.license', '行政许可', 'Administrative licences', ['decisions']),
        activeRow('6.penalty', '行政处罚', 'Administrative penalties', ['decisions']),
        activeRow('6.enforcement', '行政强制', 'Administrative compulsion', ['decisions']),
        activeRow('8.fees', '行政事业性收费', 'Administrative fees', ['amount']),
      ],
      headers: ACTIVE_HEADERS,
      signature: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
      relations: [
        // Documents can lapse within the year, so a shortfall is a warning for a human to look at.
        { rule: 'active.in-force', along: 'row', over: ['1.regulations', '1.normative'], left: ['in_force'], op: '>=', right: ['issued', { key: 'repealed', sign: -1 }] },
      ],
      layout: {
        kind: 'sections',
        width: 3,
        sections: [
          { title: '第二十条第（一）项', rows: ['1.regulations', '1.normative'] },
          { title: '第二十条第（五）项', rows: ['5.license'] },
          { title: '第二十条第（六）项', rows: ['6.penalty', '6.enforcement'] },
          { title: '第二十条第（八）项', rows: ['8.fees'] },
        ],
      },
    },
    applications: applications2021,
    appeals,
  },
};
