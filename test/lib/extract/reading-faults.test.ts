/**
 * Reading faults found on real pages (issue 11, item 2), each as a small input in the shape the
 * page had, with the exact result expected, and the unchanged original giving no new warning.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditText } from '../../../lib/audit';
import { auditCliInput } from '../../support/cli-audit';
import { findReportTables } from '../../../lib/extract/html';
import { hongze2024 } from '../../fixtures/real-reports';
import { auditHtml, flatten, misread } from '../../support/audit';
import { renderHtml, renderText } from '../../support/render';
import { expectedNotes } from '../../support/oracle';
import { clone, consistentReport } from '../../support/report-data';

const TITLE = hongze2024.title;
/** What the unchanged 洪泽区 2024 page gives in every shape: the single （六） row and its one 结果纠正, nothing else. */
const BASELINE = ['appeals.corrected appeals - corrected - 1', 'report.outdated-format applications 3.6 - 2021 2019'];
const WORD_TITLE = `<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:22.0pt;font-family:方正小标宋简体">${TITLE}</span></b></p>`;
/** The page's own <title> says nothing of the report, as on many portals. */
const plainHead = (html: string) => html.replace(`<title>${TITLE}_测试市人民政府</title>`, '<title>政府信息公开</title>');

function swap(html: string, from: string, to: string): string {
  if (!html.includes(from)) throw new Error(`nothing to replace: ${from}`);
  return html.split(from).join(to);
}

describe('titles', () => {
  it('the unchanged page: title, agency and year read', () => {
    const { result, findings } = auditHtml(plainHead(renderHtml(hongze2024, 'word')));
    expect(result).toMatchObject({ title: TITLE, agency: '洪泽区人民政府', year: 2024 });
    expect(flatten(findings)).toEqual(BASELINE);
  });

  it('a title split over two consecutive centred paragraphs is one title', () => {
    const page = swap(plainHead(renderHtml(hongze2024, 'word')), WORD_TITLE, '<p align="center">洪泽区人民政府2024年</p><p align="center">政府信息公开工作年度报告</p>');
    const { result, findings } = auditHtml(page);
    expect(result).toMatchObject({ title: TITLE, agency: '洪泽区人民政府', year: 2024 });
    expect(flatten(findings)).toEqual(BASELINE);
  });

  it('the same split in a text dump', () => {
    const { result, findings } = auditText(swap(renderText(hongze2024, 'lines'), `${TITLE}\n`, '洪泽区人民政府2024年\n政府信息公开工作年度报告\n'));
    expect(result).toMatchObject({ title: TITLE, agency: '洪泽区人民政府', year: 2024 });
    expect(flatten(findings)).toEqual(BASELINE);
  });

  it.each(['cms', 'word'] as const)('%s: 工作报告 in the other word order (某某局2021年度政府信息公开工作报告)', (shape) => {
    const data = clone(consistentReport('2021', 31));
    data.title = '测试市示例局2021年度政府信息公开工作报告';
    const { result, findings } = auditHtml(plainHead(renderHtml(data, shape)).replace('<title>政府信息公开</title>', '<title>政府信息公开</title>'));
    expect(result).toMatchObject({ title: '测试市示例局2021年度政府信息公开工作报告', agency: '测试市示例局', year: 2021 });
    expect(flatten(findings)).toEqual(expectedNotes(data));
  });

  it('a breadcrumb or crawler line (栏目: 政府信息公开年报) is neither the title nor the agency', () => {
    const text = renderText(hongze2024, 'lines');
    const withCrumb = auditText(`栏目: 政府信息公开年报\n${text}`);
    expect(withCrumb.result).toMatchObject({ title: TITLE, agency: '洪泽区人民政府', year: 2024 });
    expect(flatten(withCrumb.findings)).toEqual(BASELINE);
    // The crumb and a title without a year: the title still wins.
    const noYear = auditText(`栏目: 政府信息公开年报\n${swap(text, TITLE, '洪泽区人民政府政府信息公开工作年度报告')}`);
    expect(noYear.result).toMatchObject({ title: '洪泽区人民政府政府信息公开工作年度报告', agency: '洪泽区人民政府' });
    // In a page: the crumb in the article's container, above the title.
    const page = swap(plainHead(renderHtml(hongze2024, 'cms')), '<div class="TRS_Editor">', '<div class="TRS_Editor"><div class="crumb">栏目：政府信息公开年报</div>');
    expect(auditHtml(page).result).toMatchObject({ title: TITLE, agency: '洪泽区人民政府' });
  });

  it('no title at all: 未找到标题, not an empty quote', () => {
    const text = swap(renderText(hongze2024, 'lines'), `${TITLE}\n`, '栏目: 政府信息公开年报\n');
    const zh = auditText(text);
    expect(zh.result).toMatchObject({ title: null, agency: null });
    expect(zh.result.findings.find((f) => f.rule === 'report.year-missing')?.message).toBe('标题未写明报告年度：未找到标题');
    expect(auditText(text, { lang: 'en' }).result.findings.find((f) => f.rule === 'report.year-missing')?.message).toBe('The title does not state the report year: no title found');
    // With a title, it is quoted as before.
    const untitled = auditText(swap(renderText(hongze2024, 'lines'), TITLE, '洪泽区人民政府政府信息公开工作年度报告'));
    expect(untitled.result.findings.find((f) => f.rule === 'report.year-missing')?.message).toBe('标题未写明报告年度：“洪泽区人民政府政府信息公开工作年度报告”');
  });
});

describe('section headings', () => {
  const variants: [string, [string, string][]][] = [
    ['without 、 (一总体情况)', [['一、总体情况', '一总体情况'], ['五、存在', '五存在'], ['六、其他', '六其他']]],
    ['with leading full-width spaces', [['一、总体情况', '\u3000\u3000一、总体情况'], ['五、存在', '\u3000\u3000五、存在'], ['六、其他', '\u3000六、其他']]],
    ['with a suffix (（有关情况附表）)', [['三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况（有关情况附表）'], ['五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况（附后）']]],
  ];
  it.each(variants)('headings %s are the parts they name, in pages and dumps', (_, edits) => {
    for (const shape of ['word', 'cms', 'lines', 'tsv'] as const) {
      let page = shape === 'lines' || shape === 'tsv' ? renderText(hongze2024, shape) : renderHtml(hongze2024, shape);
      for (const [from, to] of edits) page = swap(page, from, to);
      const { report, findings } = shape === 'lines' || shape === 'tsv' ? auditText(page) : auditHtml(page);
      expect(report.sections, shape).toEqual([1, 2, 3, 4, 5, 6]);
      expect(flatten(findings), shape).toEqual(BASELINE);
    }
  });
});

describe('tables that are not report tables', () => {
  const NAV = '<table><tr><td><a href="#">行政许可</a></td><td><a href="#">行政处罚</a></td><td><a href="#">行政强制</a></td><td><a href="#">行政复议</a></td></tr></table>';

  it('a portal navigation table before the report claims no row (it gave a clean report 7 errors)', () => {
    const page = swap(renderHtml(hongze2024, 'word'), '<div class="info">', `${NAV}\n<div class="info">`);
    const { findings, result } = auditHtml(page);
    expect(flatten(findings)).toEqual(BASELINE);
    expect(result.tables.active?.['5.license']?.decisions).toBe(9487);
  });

  it('the same navigation without links and with spacer cells: the report table’s rows win', () => {
    const bare = '<table><tr><td>行政许可</td><td></td><td>行政处罚</td><td></td><td>行政强制</td><td></td><td>行政复议</td><td></td><td>新闻发布</td></tr></table>';
    const { findings, result } = auditHtml(swap(renderHtml(hongze2024, 'word'), '<div class="info">', `${bare}\n<div class="info">`));
    expect(flatten(findings)).toEqual(BASELINE);
    expect(misread(result, hongze2024)).toEqual([]);
  });

  it('a report table is judged by its structure: numbers (or blanks) under the template words', async () => {
    const { Window } = await import('happy-dom');
    const window = new Window();
    window.document.write(`${NAV}<table><tr><td>行政许可</td><td>行政处罚</td></tr><tr><td>3</td><td>5</td></tr></table>`
      + '<table><tr><td>行政许可</td><td>行政处罚</td></tr><tr><td>&nbsp;</td><td>&nbsp;</td></tr></table>');
    const tables = findReportTables(window.document as unknown as Document);
    expect(tables.map((table) => table.textContent?.replace(/\s/g, ''))).toEqual(['行政许可行政处罚35', '行政许可行政处罚']);
    void window.happyDOM.close();
  });
});

describe('rows claimed twice and unknown rows in the wrong place (the matcher side)', () => {
  const STATS = '<table><tr><td>信息内容</td><td>数量</td></tr><tr><td>行政许可</td><td>1203</td></tr><tr><td>行政处罚</td><td>45</td></tr><tr><td>行政强制</td><td>3</td></tr></table>';

  it.each(['word', 'cms'] as const)('%s: a portal statistics table with numbers before the report: the report table’s rows are kept', (shape) => {
    const page = swap(renderHtml(hongze2024, shape), '<div class="info">', `${STATS}\n<div class="info">`);
    const { findings, result, report } = auditHtml(page);
    expect(flatten(findings)).toEqual(BASELINE);
    expect(misread(result, hongze2024)).toEqual([]);
    expect(report.anomalies).toContain("active 5.license: row appears twice; the one under the report table's header is kept");
  });

  it.each(['word', 'cms', 'lines', 'tsv'] as const)('%s: the applications note with 钩稽 is the note, not an unknown row of the active table', (shape) => {
    const text = shape === 'lines' || shape === 'tsv';
    const page = swap(text ? renderText(hongze2024, shape) : renderHtml(hongze2024, shape), '勾稽关系', '钩稽关系');
    const { findings, result, report } = text ? auditText(page) : auditHtml(page);
    expect(report.unknownRows).toEqual([]);
    expect(flatten(findings)).toEqual(BASELINE);
    expect(misread(result, hongze2024)).toEqual([]);
  });

  it.each(['word', 'cms', 'lines', 'tsv'] as const)('%s: the header typo 先行有效件数 is the 现行有效件数 column', (shape) => {
    const text = shape === 'lines' || shape === 'tsv';
    const page = swap(text ? renderText(hongze2024, shape) : renderHtml(hongze2024, shape), '现行有效件数', '先行有效件数');
    const { findings, result, report } = text ? auditText(page) : auditHtml(page);
    expect(report.unknownRows).toEqual([]);
    expect(flatten(findings)).toEqual(BASELINE);
    expect(misread(result, hongze2024)).toEqual([]);
    expect(result.tables.active?.['1.normative']).toEqual({ issued: 3, repealed: 0, in_force: 8 });
  });

  it('a row label one character off is still not taken for a column header', () => {
    const data = clone(consistentReport('2021', 31));
    data.extraRows = [{ table: 'active', label: '本年制发文件数', values: [3] }];
    expect(flatten(auditHtml(renderHtml(data, 'cms')).findings)).toEqual([...expectedNotes(data), 'report.row-unknown active - - - -'].sort());
  });
});

describe('text with no cell separators', () => {
  const GLUED = '政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容本年制发件数本年废止件数现行有效件数规章000规范性文件898989\n'
    + '行政许可9487行政处罚2776行政强制84\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量9500000095（一）予以公开5000000050\n';

  it('says the cells cannot be told apart, in both languages', () => {
    const zh = auditText(GLUED);
    expect(flatten(zh.findings)).toEqual(['report.not-found - - - - -']);
    expect(zh.result.findings[0]?.message).toBe('本页未发现政府信息公开工作年度报告表格：页面文字没有单元格分隔，数字与标签连在一起，分不清各单元格，例如“规范性文件898989”');
    expect(auditText(GLUED, { lang: 'en' }).result.findings[0]?.message).toContain('the cells cannot be told apart');
    const html = auditHtml(`<html><body><div>${GLUED.replace(/\n/g, '<br>')}</div></body></html>`);
    expect(html.result.findings[0]?.data).toEqual({ reason: 'not-found.no-separators', sample: '“规范性文件898989”' });
  });

  it('an ordinary page that is not a report is still just not a report', () => {
    const { result } = auditText('我市召开政务公开工作会议\n会议要求做好2024年政府信息公开工作，共部署任务12项。');
    expect(result.findings.map((f) => f.message)).toEqual(['本页未发现政府信息公开工作年度报告表格']);
  });
});

describe('a page holding only a title and an attachment link', () => {
  const PAGE = `<html><head><title>洪泽区人民政府2024年政府信息公开工作年度报告</title></head><body>
<h1 class="title">洪泽区人民政府2024年政府信息公开工作年度报告</h1><div class="info">发布日期：2025-01-24</div>
<div class="TRS_Editor"><p>附件：<a href="/files/P020250124.pdf">洪泽区人民政府2024年政府信息公开工作年度报告.pdf</a></p></div></body></html>`;

  it('says the report is in the attachment, and names it', () => {
    const { result } = auditHtml(PAGE);
    expect(result.report).toBe(false);
    expect(result.findings.map((f) => f.message)).toEqual(['本页未发现政府信息公开工作年度报告表格：报告在附件中，请打开附件核查：“洪泽区人民政府2024年政府信息公开工作年度报告.pdf”']);
  });

  it('a link whose text is the title, to a .docx', () => {
    const page = PAGE.replace('<a href="/files/P020250124.pdf">洪泽区人民政府2024年政府信息公开工作年度报告.pdf</a>', '<a href="/files/P020250124.docx">点击下载</a>');
    expect(auditHtml(page).result.findings[0]?.data).toEqual({ reason: 'not-found.attachment', sample: '“点击下载”' });
  });

  it('a news page with an unrelated attachment is just not a report', () => {
    const page = '<html><body><h1>关于召开会议的通知</h1><p><a href="/a.pdf">会议议程.pdf</a></p></body></html>';
    expect(auditHtml(page).result.findings.map((f) => f.data ?? null)).toEqual([null]);
  });
});

describe('HTML fragments', () => {
  // Fixed by the command line's parse5 reader (h13): linkedom made the first <p> the document root.
  it('a file that starts with <p> reads the same in the command line as in the extension (happy-dom)', async () => {
    const page = renderHtml(hongze2024, 'word');
    const fragment = page.slice(page.indexOf('<div class="WordSection1">'), page.indexOf('<div class="footer">'));
    const body = fragment.replace('<div class="WordSection1">', '').replace(/<\/div>\s*$/, '');
    expect(body.trimStart().startsWith('<p')).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'fragment-')), 'fragment.html');
    writeFileSync(file, body);
    const cli = await auditCliInput(file);
    const extension = auditHtml(body).result;
    expect(extension).toMatchObject({ title: TITLE, year: 2024 });
    expect({ ...cli, source: '' }).toEqual({ ...extension, source: '' });
  });
});
