/** Interface strings of the popup and the page marks, by id. */
const zh = {
  appName: '年报核查',
  loading: '正在读取本页…',
  noReport: '本页未发现政府信息公开工作年度报告表格。',
  noReportHint: '若报告表格是后来加载的，或在其他框架中，可重新审核。',
  auditPage: '审核此页',
  unavailable: '无法在此页运行（浏览器内部页面或无权访问）。',
  errors: '错误',
  warnings: '警告',
  format: '格式',
  year: '年度',
  agency: '单位',
  marks: '在页面上标注',
  rerun: '重新审核',
  exportXlsx: '导出 XLSX',
  exportCsv: '导出 CSV',
  exportJson: '导出 JSON',
  copyTsv: '复制为 TSV',
  copied: '已复制',
  noFindings: '未发现问题',
  blankCells: '{count} 个空白单元格按 0 计算',
  reportLevel: '报告',
  expected: '应为',
  actual: '实为',
  language: 'English',
  anomalies: '读取时未能归位的内容（{count}）',
} as const;

const en = {
  appName: 'Annual Report Auditor',
  loading: 'Reading this page…',
  noReport: 'No government information disclosure annual report table on this page.',
  noReportHint: 'If the tables load later or sit in another frame, audit again.',
  auditPage: 'Audit this page',
  unavailable: 'Cannot run on this page (a browser page, or no access).',
  errors: 'errors',
  warnings: 'warnings',
  format: 'format',
  year: 'year',
  agency: 'agency',
  marks: 'Mark the page',
  rerun: 'Audit again',
  exportXlsx: 'Export XLSX',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  copyTsv: 'Copy as TSV',
  copied: 'Copied',
  noFindings: 'No problems found',
  blankCells: '{count} blank cells read as 0',
  reportLevel: 'Report',
  expected: 'expected',
  actual: 'found',
  language: '中文',
  anomalies: 'Read but not placed ({count})',
} as const satisfies Record<keyof typeof zh, string>;

/** Interface strings by language; English has every id Chinese has. */
export const ui = { zh, en };
export type UiId = keyof typeof zh;

export function t(lang: 'zh' | 'en', id: UiId, data: Record<string, string | number> = {}): string {
  return ui[lang][id].replace(/\{(\w+)\}/g, (_, key: string) => String(data[key] ?? ''));
}
