import type { DocumentErrorCode } from '../extract/document';
import type { Lang } from './render';

/** Why a document could not be read, one clear line each (CLI, viewer, popup). */
const zh: Record<DocumentErrorCode, string> = {
  scanned: '扫描件，无文字层：PDF 的页面是图片，无法读取表格',
  encrypted: 'PDF 已加密，无法读取',
  garbled: 'PDF 字体缺少 Unicode 映射，文字为乱码，无法读取',
  unreadable: '文件已损坏或格式无法识别，无法读取',
  'too-large': '文件超过 50 MB，未读取',
  'zip-bomb': '.docx 文件解压后过大（疑似压缩炸弹），未读取',
  'doc-unsupported': '旧版 Word（.doc）文件无法在浏览器中读取：请用命令行核查，或另存为 .docx 或 PDF',
  empty: '文件为空',
};

const en: Record<DocumentErrorCode, string> = {
  scanned: 'Scanned document with no text layer: the PDF pages are images, their tables cannot be read',
  encrypted: 'The PDF is encrypted and cannot be read',
  garbled: 'The PDF fonts have no Unicode map: the text is garbled and cannot be read',
  unreadable: 'The file is damaged or of an unknown format and cannot be read',
  'too-large': 'The file is larger than 50 MB and was not read',
  'zip-bomb': 'The .docx would inflate to an implausible size (a zip bomb) and was not read',
  'doc-unsupported': 'An old binary Word (.doc) file cannot be read in the browser: audit it from the command line, or save it as .docx or PDF',
  empty: 'The file is empty',
};

export const documentMessages = { zh, en } as const;

export function documentMessage(lang: Lang, code: DocumentErrorCode): string {
  return documentMessages[lang][code];
}
