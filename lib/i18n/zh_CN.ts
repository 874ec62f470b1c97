/** Finding messages by rule id; named placeholders are filled at presentation or export. */
export const zh_CN = {
  'cell.empty': '“{rowLabel}”的“{columnLabel}”为空，按 0 计算',
  'cell.none-mark': '“{rowLabel}”的“{columnLabel}”填写“{text}”，按 0 计算',
  'cell.placeholder': '“{rowLabel}”的“{columnLabel}”保留了模板说明文字：“{text}”[[（应为 {expected}，实为 {actual}）]]',
  'cell.not-a-number': '“{rowLabel}”的“{columnLabel}”不是数字：“{text}”[[（数值大于 {limit}，超出可精确计数的范围）]][[（应为 {expected}）]]',
  'cell.negative': '“{rowLabel}”的“{columnLabel}”为负数：{actual}',
  'cell.not-integer': '“{rowLabel}”的“{columnLabel}”不是整数：{actual}',
  'applications.row-total': '“{rowLabel}”的总计应为各列之和 {expected}，实为 {actual}',
  'applications.results-total': '“{columnLabel}”列：（七）总计应为各项办理结果之和 {expected}，实为 {actual}',
  'applications.balance': '“{columnLabel}”列：第一项加第二项之和（{expected}）不等于第三项加第四项之和（{actual}）',
  'appeals.total': '“{rowLabel}”的总计应为 {expected}，实为 {actual}',
  'active.projects-negative': '“{rowLabel}”：上一年项目数量加本年增/减为负数（应不小于 {expected}，实为 {actual}）',
  'active.cumulative-below-new': '“{rowLabel}”：对外公开总数量（{actual}）小于本年新公开数量（{expected}）',
  'active.in-force': '“{rowLabel}”：现行有效件数（{actual}）小于本年制发件数减本年废止件数（{expected}）',
  'active.procurement': '政府集中采购：“{columnLabel}”为 0，另一项却不为 0，请核对（应为 非 0，实为 {actual}）',
  'active.money': '“{rowLabel}”的“{columnLabel}”不是有效金额：“{text}”',
  'text.placeholder': '保留了模板说明文字“{phrase}”：{text}',
  'report.not-found': '本页未发现政府信息公开工作年度报告表格',
  'report.table-missing': '缺少“{tableLabel}”表',
  'report.row-missing': '“{tableLabel}”表缺少“{rowLabel}”行',
  'report.column-missing': '“{tableLabel}”表缺少“{columnLabel}”列',
  'report.row-unknown': '“{tableLabel}”表中有模板之外的行：“{text}”',
  'report.outdated-format': '{year} 年度报告应使用 {expected} 年格式，实为 {actual} 年格式',
  'report.year-missing': '标题未写明报告年度：“{text}”',
  'report.section-missing': '缺少第{part}部分的标题',
  'report.table-blank': '“{tableLabel}”表所有数字单元格均为空：模板未填写',
} as const;

export type MessageId = keyof typeof zh_CN;

/** Appended to a relationship's message when one cell stands out as the likely mistake. */
export const zh_CN_suspect = {
  self: '；最可能填错的是本格（若为 {suspectValue}，相关各项均相符）',
  other: '；最可能填错的是“{suspectRow}”的“{suspectColumn}”（若为 {suspectValue}，相关各项均相符）',
} as const;

/** Short titles (popup headings, exports). */
export const zh_CN_titles = {
  'cell.empty': '空白单元格',
  'cell.none-mark': '以“无”等符号代替数字',
  'cell.placeholder': '单元格保留模板文字',
  'cell.not-a-number': '单元格不是数字',
  'cell.negative': '数量为负',
  'cell.not-integer': '数量不是整数',
  'applications.row-total': '申请人总计不符',
  'applications.results-total': '办理结果总计不符',
  'applications.balance': '勾稽关系不平衡',
  'appeals.total': '复议诉讼总计不符',
  'active.projects-negative': '项目数量为负',
  'active.cumulative-below-new': '公开总数小于本年新公开数',
  'active.in-force': '现行有效件数偏少',
  'active.procurement': '采购数量与金额不一致',
  'active.money': '金额无效',
  'text.placeholder': '保留模板说明文字',
  'report.not-found': '未发现年报',
  'report.table-missing': '缺少表格',
  'report.row-missing': '缺少行',
  'report.column-missing': '缺少列',
  'report.row-unknown': '模板之外的行',
  'report.outdated-format': '格式与年度不符',
  'report.year-missing': '标题无年度',
  'report.section-missing': '缺少部分标题',
  'report.table-blank': '表格未填写',
} as const satisfies Record<MessageId, string>;
