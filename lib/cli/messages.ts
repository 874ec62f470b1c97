/**
 * What the command line itself says (usage, input errors, the closing summary), in the language
 * `--lang` chose. Finding messages come from the locale files like everywhere else.
 */
import type { Lang } from '../i18n/render';

const zh = {
  usage: `用法：npm run audit -- [选项] <文件或网址>...

审核政府信息公开工作年度报告（HTML 页面或文本），列出发现的问题。

选项：
  --json                   以 JSON 数组输出结果
  --lang zh|en             输出语言（默认 zh）
  --format auto|{formats}  报告格式（默认 auto，自动识别）
  --follow                 每个网址是年报栏目列表页：审核其列出的全部年报（同一网站，限速）
  --summary 文件.xlsx|.csv  另写一份汇总表：每个输入一行
  -h, --help               显示本说明

退出码：0 未发现错误，1 有错误，2 有文件无法读取或用法有误。`,
  langValue: '--lang 只能是 zh 或 en，不能是“{value}”',
  formatValue: '--format 只能是 auto|{formats}，不能是“{value}”',
  unknownOption: '未知选项 {value}',
  summaryValue: '--summary 需要 .xlsx 或 .csv 文件名，不能是“{value}”',
  noInput: '没有给出文件或网址',
  noSuchFile: '{source}：文件不存在',
  isDirectory: '{source}：是目录',
  unreadable: '{source}：无法读取（{value}）',
  tooLarge: '{source}：超过 {value} MB',
  tooSlow: '{source}：{value} 秒内未下载完',
  pdf: '{source}：不支持 PDF 文件（其文本丢失了表格结构），请审核单位发布的 HTML 页面',
  fetchFailed: '{source}：无法下载（{value}）',
  http: '{source}：HTTP {value}',
  document: '{source}：{value}',
  internal: '内部错误',
  summary: '共 {files} 个输入：{reports} 份年度报告（{failing} 份有错误），{others} 个不是年度报告，{unreadable} 个无法读取',
};

const en: Record<keyof typeof zh, string> = {
  usage: `usage: npm run audit -- [options] <file-or-url>...

Audits government information disclosure annual reports (HTML pages or text) and lists the problems found.

options:
  --json                   print the results as a JSON array
  --lang zh|en             language of the output (default zh)
  --format auto|{formats}  report format (default auto: recognised)
  --follow                 each URL is a list page: audit every report it lists (same site, politely)
  --summary FILE.xlsx|.csv also write a summary: one row per input
  -h, --help               show this help

exit status: 0 no errors found, 1 errors found, 2 an input could not be read or the usage was wrong.`,
  langValue: '--lang takes zh or en, not "{value}"',
  formatValue: '--format takes auto|{formats}, not "{value}"',
  unknownOption: 'unknown option {value}',
  summaryValue: '--summary takes a .xlsx or .csv file name, not "{value}"',
  noInput: 'no file or URL given',
  noSuchFile: '{source}: no such file',
  isDirectory: '{source}: is a directory',
  unreadable: '{source}: cannot be read ({value})',
  tooLarge: '{source}: larger than {value} MB',
  tooSlow: '{source}: not downloaded within {value} s',
  pdf: '{source}: PDF files are not supported (their text loses the table cells); audit the agency\'s HTML page',
  fetchFailed: '{source}: cannot be fetched ({value})',
  http: '{source}: HTTP {value}',
  document: '{source}: {value}',
  internal: 'internal error',
  summary: '{files} inputs: {reports} annual reports ({failing} with errors), {others} not annual reports, {unreadable} unreadable',
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
