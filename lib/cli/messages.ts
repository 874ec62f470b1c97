/**
 * What the command line itself says (usage, input errors, the closing summary), in the language
 * `--lang` chose. Finding messages come from the locale files like everywhere else.
 */
import type { Lang } from '../i18n/lang';

const zh = {
  usage: `用法：npm run audit -- [选项] <文件或网址>...

审核政府信息公开工作年度报告，列出发现的问题。输入可以是：
  网页（.html/.htm）、PDF、Word（.docx/.doc）、文本（.txt，含 pdftotext -layout 的输出）文件；
  上述任一种的网址；
  年报栏目的列表页网址（加 --follow：审核其列出的全部年报，正文在附件中的也读取）。
文件类型由内容判断，不看扩展名。

选项：
  --json                   以 JSON 数组输出结果
  --lang zh|en             输出语言（默认 zh）
  --format auto|{formats}  报告格式（默认 auto，自动识别）
  --follow                 每个网址是年报栏目列表页：审核其列出的全部年报（同一网站，限速）
  --summary 文件.xlsx|.csv  另写一份汇总表：每个输入一行（边读边写，结束时补全）
  --expected 文件.xlsx|.csv|last-year
                           应报清单（单位名称，可选类型 部门/人民政府/街道乡镇；last-year：上一年度栏目中的单位）：
                           逐个单位列出按期、逾期、未发布等情况，并写入汇总表的“应报清单”表
  --record 目录             每份年报的核查另存为核查记录（证据），并与目录中同一报告最近的记录比对（已整改/未整改/新增）
  --baseline 记录.json      与给定的核查记录（或档案）比对
  --jobs N                 同时读取的文档数（默认自动：批量较大且有空闲核心时增至本机核心数，最多 8）
  -h, --help               显示本说明

退出码：0 未发现错误，1 有错误，2 有文件无法读取或用法有误。`,
  langValue: '--lang 只能是 zh 或 en，不能是“{value}”',
  formatValue: '--format 只能是 auto|{formats}，不能是“{value}”',
  unknownOption: '未知选项 {value}',
  summaryValue: '--summary 需要 .xlsx 或 .csv 文件名，不能是“{value}”',
  expectedValue: '--expected 需要 .xlsx 或 .csv 文件名或 last-year，不能是“{value}”',
  expectedEmpty: '{value}：未能读出应报单位的名称',
  jobsValue: '--jobs 需要 1 到 99 的整数，不能是“{value}”',
  noInput: '没有给出文件或网址',
  noSuchFile: '文件不存在',
  isDirectory: '是目录',
  unreadable: '无法读取（{value}）',
  tooLarge: '超过 {value} MB，未读取',
  internal: '内部错误',
  workersFailed: '读取进程无法启动，未读取',
  readingList: '正在读取列表页 {source}',
  progress: '[{done}/{total}] 已读取 {source}',
  noLinks: '{source}：本页没有指向年度报告的链接',
  summaryWritten: '汇总表已写入 {value}',
  summary: '共 {files} 个输入：{reports} 份年度报告（{failing} 份有错误），{others} 个不是年度报告，{unreadable} 个无法读取',
  optionValue: '{value} 需要一个参数',
  baselineUnreadable: '无法读取核查记录 {value}：{reason}',
  recordSkipped: '已跳过 {value}',
  recordWritten: '核查记录已写入 {value}',
  recordSame: '{source}：内容与核查记录 {value} 相同，未另存',
};

const en: Record<keyof typeof zh, string> = {
  usage: `usage: npm run audit -- [options] <file-or-url>...

Audits government information disclosure annual reports and lists the problems found. Inputs:
  web page (.html/.htm), PDF, Word (.docx/.doc) and text (.txt, pdftotext -layout output included) files;
  the URL of any of these;
  the URL of a list page of annual reports (with --follow: every report it lists, attachments included).
The bytes decide the kind, not the file name.

options:
  --json                   print the results as a JSON array
  --lang zh|en             language of the output (default zh)
  --format auto|{formats}  report format (default auto: recognised)
  --follow                 each URL is a list page: audit every report it lists (same site, politely)
  --summary FILE.xlsx|.csv also write a summary: one row per input (written as rows arrive, completed at the end)
  --expected FILE.xlsx|.csv|last-year
                           the units that must publish (a name column, optionally a kind 部门/人民政府/街道乡镇;
                           last-year: the units of last year's reports): each one's status is listed
                           and written to the summary's Expected units sheet
  --record DIR             keep each report's audit as a record (evidence) in DIR, and re-audit against the newest
                           record of the same report there (fixed / still open / new)
  --baseline RECORD.json   re-audit against the given record (or archive)
  --jobs N                 documents read at a time (default: grows to this machine's cores, at most 8, while the batch is long and cores are idle)
  -h, --help               show this help

exit status: 0 no errors found, 1 errors found, 2 an input could not be read or the usage was wrong.`,
  langValue: '--lang takes zh or en, not "{value}"',
  formatValue: '--format takes auto|{formats}, not "{value}"',
  unknownOption: 'unknown option {value}',
  summaryValue: '--summary takes a .xlsx or .csv file name, not "{value}"',
  expectedValue: '--expected takes a .xlsx or .csv file name or last-year, not "{value}"',
  expectedEmpty: '{value}: no unit names could be read',
  jobsValue: '--jobs takes a whole number from 1 to 99, not "{value}"',
  noInput: 'no file or URL given',
  noSuchFile: 'no such file',
  isDirectory: 'is a directory',
  unreadable: 'cannot be read ({value})',
  tooLarge: 'larger than {value} MB: not read',
  internal: 'internal error',
  workersFailed: 'the reading workers cannot start: not read',
  readingList: 'reading the list {source}',
  progress: '[{done}/{total}] read {source}',
  noLinks: '{source}: no links to annual reports on this page',
  summaryWritten: 'summary written to {value}',
  summary: '{files} inputs: {reports} annual reports ({failing} with errors), {others} not annual reports, {unreadable} unreadable',
  optionValue: '{value} needs a value',
  baselineUnreadable: 'cannot read the audit record {value}: {reason}',
  recordSkipped: 'skipped {value}',
  recordWritten: 'audit record written to {value}',
  recordSame: '{source}: unchanged since the audit record {value}; not written again',
};

export type CliMessage = keyof typeof zh;
const MESSAGES: Record<Lang, Record<CliMessage, string>> = { zh, en };

export function say(lang: Lang, id: CliMessage, values: Record<string, string | number> = {}): string {
  return MESSAGES[lang][id].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** An input or usage problem, said in the run's language. */
export class InputError extends Error {
  constructor(
    readonly id: CliMessage,
    readonly values: Record<string, string | number> = {},
  ) {
    super(say('en', id, values));
  }

  say(lang: Lang): string {
    return say(lang, this.id, this.values);
  }
}
