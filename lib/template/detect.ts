import { normalizeText, splitOrdinal } from '../extract/normalize';
import type { Format, TableKey } from '../model/report';

const ACTIVE_SIGNS: Record<Format, string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '政府集中采购', '其他对外管理服务事项'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};
const APPLICATION_SIGNS_2021 = ['申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用'];

const normalized = (list: string[]) => list.map(normalizeText);
const SIGNS = { '2019': normalized(ACTIVE_SIGNS['2019']), '2021': normalized(ACTIVE_SIGNS['2021']) };
const APP_2021 = normalized(APPLICATION_SIGNS_2021);

function hits(bodies: string[], signs: string[]): number {
  return bodies.filter((body) => signs.some((sign) => body.startsWith(sign))).length;
}

export interface Detected {
  format: Format;
  tableFormats: Partial<Record<TableKey, Format>>;
}

/** The format from the labels (never from the year alone); the year breaks a tie. */
export function detectFormat(texts: string[], year: number | null): Detected {
  const bodies = texts.map((text) => splitOrdinal(text).body);
  const tableFormats: Partial<Record<TableKey, Format>> = {};
  const old = hits(bodies, SIGNS['2019']);
  const current = hits(bodies, SIGNS['2021']);
  if (old !== current) tableFormats.active = current > old ? '2021' : '2019';
  if (hits(bodies, APP_2021) > 0) tableFormats.applications = '2021';
  const format = tableFormats.active ?? tableFormats.applications ?? (year !== null && year >= 2021 ? '2021' : '2019');
  return { format, tableFormats };
}
