import { BUDGETS } from '../extract/budgets';
import type { DocumentErrorCode } from '../extract/document';
import type { Lang } from './lang';

const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Why a document could not be read, one clear line each (CLI, viewer, popup); a budget's figure from lib/extract/budgets.ts. */
const zh: Record<DocumentErrorCode, string> = {
  scanned: '扫描件，无文字层：PDF 的页面是图片，无法读取表格',
  encrypted: 'PDF 已加密，无法读取',
  garbled: 'PDF 字体缺少 Unicode 映射，文字为乱码，无法读取',
  unreadable: '文件已损坏或格式无法识别，无法读取',
  'too-large': '文件超过 50 MB，未读取',
  'zip-bomb': `.docx 文件解压后超过 ${MB(BUDGETS.docxInflatedBytes)} MB（疑似压缩炸弹），未读取`,
  'doc-unsupported': '旧版 Word（.doc）文件无法在浏览器中读取：请用命令行核查，或另存为 .docx 或 PDF',
  empty: '文件为空',
  'not-pdf': '不是 PDF 文件',
  'pdf-inflated': `PDF 内容解压后过大（一页超过 ${MB(BUDGETS.pdfPageContentBytes)} MB 或全文超过 ${MB(BUDGETS.pdfDocumentInflatedBytes)} MB，疑似压缩炸弹），未读取`,
  'pdf-nesting': `PDF 图形嵌套超过 ${BUDGETS.pdfFormDepth} 层或循环嵌套，未读取`,
  'docx-cells': `.docx 表格单元格超过 ${BUDGETS.docxCells} 个，不是年度报告的规模，未读取`,
  'docx-nesting': `.docx 内容嵌套超过 ${BUDGETS.docxDepth} 层，未读取`,
  'doc-chain': '.doc 文件内部结构成环（文件已损坏），未读取',
  'html-cells': `网页表格单元格过多（全页超过 ${BUDGETS.htmlCellsPerPage} 个或一张表超过 ${BUDGETS.htmlCellsPerTable} 个），未读取`,
  exhausted: '文档过大或损坏，已跳过',
};

const en: Record<DocumentErrorCode, string> = {
  scanned: 'Scanned document with no text layer: the PDF pages are images, their tables cannot be read',
  encrypted: 'The PDF is encrypted and cannot be read',
  garbled: 'The PDF fonts have no Unicode map: the text is garbled and cannot be read',
  unreadable: 'The file is damaged or of an unknown format and cannot be read',
  'too-large': 'The file is larger than 50 MB and was not read',
  'zip-bomb': `The .docx inflates to more than ${MB(BUDGETS.docxInflatedBytes)} MB (a zip bomb) and was not read`,
  'doc-unsupported': 'An old binary Word (.doc) file cannot be read in the browser: audit it from the command line, or save it as .docx or PDF',
  empty: 'The file is empty',
  'not-pdf': 'Not a PDF file',
  'pdf-inflated': `The PDF's content inflates too far (a page over ${MB(BUDGETS.pdfPageContentBytes)} MB or the whole over ${MB(BUDGETS.pdfDocumentInflatedBytes)} MB: a compression bomb) and was not read`,
  'pdf-nesting': `The PDF nests drawings more than ${BUDGETS.pdfFormDepth} deep, or in a loop, and was not read`,
  'docx-cells': `The .docx has more than ${BUDGETS.docxCells} table cells, far beyond a report, and was not read`,
  'docx-nesting': `The .docx nests its content more than ${BUDGETS.docxDepth} deep and was not read`,
  'doc-chain': 'The .doc file\'s internal structure loops (the file is damaged) and was not read',
  'html-cells': `The page has too many table cells (over ${BUDGETS.htmlCellsPerPage} in all or ${BUDGETS.htmlCellsPerTable} in one table) and was not read`,
  exhausted: 'The document is too large or damaged: skipped',
};

export const documentMessages = { zh, en } as const;

export function documentMessage(lang: Lang, code: DocumentErrorCode): string {
  return documentMessages[lang][code];
}
