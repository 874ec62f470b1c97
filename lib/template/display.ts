import type { Format, TableKey } from '../model/report';
import { FORMATS } from './formats';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const APPEAL_ROWS: Record<string, string> = {
  reconsideration: '行政复议',
  'litigation.direct': '行政诉讼·未经复议直接起诉',
  'litigation.after_reconsideration': '行政诉讼·复议后起诉',
};

export const TABLE_LABELS: Record<TableKey, string> = {
  active: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
};

function rawLabel(format: Format, table: TableKey, key: string): string {
  return FORMATS[format].tables[table].rows.find((row) => row.key === key)?.label ?? key;
}

/** A row's label as the template writes it, with its numbering (“（七）总计”, “（三）不予公开·1.属于国家秘密”). */
export function rowLabel(format: Format, table: TableKey, key: string): string {
  if (table === 'appeals') return APPEAL_ROWS[key] ?? key;
  if (table === 'active') return rawLabel(format, table, key);
  const parts = key.split('.').map(Number);
  const label = rawLabel(format, table, key);
  if (parts.length === 1) return `${CN[parts[0]!]}、${label}`;
  if (parts.length === 2) return `（${CN[parts[1]!]}）${label}`;
  const group = rawLabel(format, table, parts.slice(0, 2).join('.'));
  return `（${CN[parts[1]!]}）${group}·${parts[2]}.${label}`;
}

export function columnLabel(format: Format, table: TableKey, key: string): string {
  const column = FORMATS[format].tables[table].columns.find((c) => c.key === key);
  if (!column) return key;
  return column.label;
}
