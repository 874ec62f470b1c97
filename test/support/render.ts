/**
 * Render report data in the page shapes real agency sites publish (formats.md, "What real pages
 * look like"), and as the text dumps of the seeds. Every text goes through `esc`.
 */
import { activeLayout, appealsLayout, applicationsLayout, type LayoutCell, type LayoutRow } from './layout';
import type { ReportData } from './report-data';

export const HTML_SHAPES = ['word', 'cms', 'spans', 'fullwidth', 'split', 'split-repeat', 'merged', 'nested', 'thousands', 'ordinal-cells'] as const;
export type HtmlShape = (typeof HTML_SHAPES)[number];
export const TEXT_SHAPES = ['lines', 'tsv'] as const;
export type TextShape = (typeof TEXT_SHAPES)[number];

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const FULL_WIDTH_DIGITS = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const THOUSANDS = (text: string) => (/^\d{4,}$/.test(text) ? Number(text).toLocaleString('en-US') : text);

function splitLabel(text: string): [string, string] | null {
  if (text.length < 7) return null;
  const middle = Math.ceil(text.length / 2);
  return [text.slice(0, middle), text.slice(middle)];
}

function content(cell: LayoutCell, shape: HtmlShape): string {
  let text = cell.text;
  if (cell.kind === 'value' && shape === 'fullwidth') text = FULL_WIDTH_DIGITS(text);
  if (cell.kind === 'value' && shape === 'thousands') text = THOUSANDS(text);
  if (shape === 'word') {
    const paragraphs = cell.kind !== 'value' ? (splitLabel(text) ?? [text]) : [text];
    return paragraphs
      .map((p) => `<p class="MsoNormal" align="center" style="text-align:center"><span lang="EN-US" style="font-size:10.0pt;font-family:宋体">${p === '' ? '&nbsp;' : esc(p)}</span></p>`)
      .join('');
  }
  if (shape === 'spans') return Array.from(text, (c) => `<span style="font-size:14px">${esc(c)}</span>`).join('');
  if (cell.kind === 'value') return text === '' ? '&nbsp;' : `&nbsp;${esc(text)}&nbsp;`;
  const parts = splitLabel(text);
  return parts ? `${esc(parts[0])}<br>\u3000${esc(parts[1])}` : esc(text);
}

function cellHtml(cell: LayoutCell, shape: HtmlShape): string {
  const spans = `${cell.rowspan ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan ? ` colspan="${cell.colspan}"` : ''}`
    + (cell.ref ? ` data-cell="${esc(`${cell.ref.table}/${cell.ref.row}/${cell.ref.column}`)}"` : '');
  const style = shape === 'word' ? ' width="64" valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"' : '';
  return `<td${spans}${style}>${content(cell, shape)}</td>`;
}

const ORDINAL_LABEL = /^(（[一二三四五六七八九十]）|\d+\.|[一二三四五六七八九十]、)(.+)$/s;

/** Some CMS tables put a label's ordinal in a cell of its own: “（七）” | “总计”. */
function ordinalCells(row: LayoutRow): LayoutRow {
  return row.flatMap((cell) => {
    const match = cell.kind === 'value' ? null : ORDINAL_LABEL.exec(cell.text);
    if (!match) return [cell];
    const colspan = cell.colspan && cell.colspan > 1 ? cell.colspan - 1 : undefined;
    return [{ text: match[1]!, kind: cell.kind, rowspan: cell.rowspan }, { ...cell, text: match[2]!, colspan }];
  });
}

function tableHtml(rows: LayoutRow[], shape: HtmlShape): string {
  if (rows.length === 0) return '';
  if (shape === 'ordinal-cells') rows = rows.map(ordinalCells);
  const cls = shape === 'word' ? ' class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse"' : ' border="1"';
  return `<table${cls}><tbody>\n${rows.map((row) => `<tr>${row.map((cell) => cellHtml(cell, shape)).join('')}</tr>`).join('\n')}\n</tbody></table>`;
}

/** Cut a table in two as a page break does: spans crossing the cut are continued by blank cells. */
export function splitRows(rows: LayoutRow[], cut: number, repeatHeader: number): [LayoutRow[], LayoutRow[]] {
  const first = rows.slice(0, cut).map((row) => row.map((cell) => ({ ...cell })));
  const continued: LayoutCell[] = [];
  first.forEach((row, r) => {
    for (const cell of row) {
      const end = r + (cell.rowspan ?? 1);
      if (end > cut) {
        continued.push({ text: '', kind: 'label', rowspan: end - cut });
        cell.rowspan = cut - r;
      }
    }
  });
  const second = rows.slice(cut).map((row) => row.map((cell) => ({ ...cell })));
  second[0] = [...continued, ...second[0]!];
  return [first, [...rows.slice(0, repeatHeader), ...second]];
}

const PARAGRAPHS: Record<number, string> = {
  0: '本报告依据《中华人民共和国政府信息公开条例》编制。全年主动公开政府信息若干条，依申请公开工作依法办理。',
  4: '一是公开内容还需进一步丰富；二是工作机制还需进一步完善。下一步将加强培训，提升公开质量。',
  5: '本年度未收取信息处理费。',
};

/**
 * Part 六 as a report whose table 三 counts applications dropped for unpaid fees writes it (it sent
 * fee notices: narrative.fee-mismatch asks for them to be reported), else the plain sentence.
 */
export function partSix(data: ReportData): string {
  if (data.six !== undefined) return data.six;
  const dropped = data.applications['3.6.2']?.[6];
  return typeof dropped === 'number' && dropped > 0 ? `本年度发出收费通知${dropped}件，申请人均未按时缴费，未收取信息处理费。` : PARAGRAPHS[5]!;
}

function body(data: ReportData, shape: HtmlShape): string {
  const p = (text: string) => (shape === 'word' ? `<p class="MsoNormal"><span style="font-family:宋体">${esc(text)}</span></p>` : `<p>${esc(text)}</p>`);
  const heading = (i: number) => (data.headings[i] ? p(data.headings[i]!) : '');
  const active = data.omit?.includes('active') ? [] : activeLayout(data);
  const applications = data.omit?.includes('applications') ? [] : applicationsLayout(data);
  const appeals = data.omit?.includes('appeals') ? [] : appealsLayout(data);
  let tables: string[];
  if (shape === 'split' || shape === 'split-repeat') {
    const [a, b] = splitRows(applications, 3 + 9, shape === 'split-repeat' ? 3 : 0);
    tables = [tableHtml(active, shape), `${tableHtml(a, shape)}\n<p class="MsoNormal" style="page-break-before:always">&nbsp;</p>\n${tableHtml(b, shape)}`, tableHtml(appeals, shape)];
  } else tables = [tableHtml(active, shape), tableHtml(applications, shape), tableHtml(appeals, shape)];

  if (shape === 'merged') {
    const banner = (i: number): LayoutRow[] => (data.headings[i] ? [[{ text: data.headings[i]!, kind: 'header', colspan: 15 }]] : []);
    const merged = [...banner(1), ...active, ...banner(2), ...applications, ...banner(3), ...appeals];
    return [heading(0), p(PARAGRAPHS[0]!), tableHtml(merged, shape), heading(4), p(PARAGRAPHS[4]!), heading(5), p(partSix(data))].join('\n');
  }
  return [heading(0), p(PARAGRAPHS[0]!), heading(1), tables[0], heading(2), tables[1], heading(3), tables[2], heading(4), p(PARAGRAPHS[4]!), heading(5), p(partSix(data))].join('\n');
}

export interface PageOptions {
  charset?: string;
}

/** A whole page: site chrome, metadata, and the report in the container the shape's CMS uses. */
export function renderHtml(data: ReportData, shape: HtmlShape, options: PageOptions = {}): string {
  const charset = options.charset ?? 'utf-8';
  const title = esc(data.title);
  const container = shape === 'word' ? 'class="WordSection1"' : shape === 'spans' ? 'id="zoom"' : 'class="TRS_Editor"';
  const heading = shape === 'word'
    ? `<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:22.0pt;font-family:方正小标宋简体">${title}</span></b></p>`
    : `<h1 class="title">${title}</h1>`;
  const report = `<div ${container}>\n${heading}\n${body(data, shape)}\n</div>`;
  const metadata = `<table class="meta"><tr><td>索引号：</td><td>000000000/2021-00001</td><td>发布机构：</td><td>测试市示例局</td></tr>
<tr><td>发布日期：</td><td>${esc(data.published)}</td><td>主题分类：</td><td>政务公开</td></tr></table>`;
  const main = shape === 'nested'
    ? `${metadata}\n<table class="layout" width="100%"><tr><td width="200">导航</td><td>${report}</td></tr></table>`
    : `<div class="info">发布日期：${esc(data.published)}\u3000来源：测试市示例局</div>\n${report}`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${title}_测试市人民政府</title>
<style>table{border-collapse:collapse} td{border:1px solid #999;padding:2px 6px}</style></head>
<body><div class="nav"><a href="#">首页</a> <a href="#">政务公开</a> <a href="#">年度报告</a></div>
${main}
<div class="footer">主办：测试市人民政府办公室</div></body></html>
`;
}

/** Text dumps as in the seeds: `lines` = one tab-led cell per line, blank line between rows; `tsv` = tab-separated rows. */
export function renderText(data: ReportData, shape: TextShape): string {
  const out: string[] = [data.title, '', data.headings[0] ?? '', PARAGRAPHS[0]!, ''];
  const table = (rows: LayoutRow[]) => {
    const carry: number[] = [];
    for (const row of rows) {
      const cells: string[] = [];
      let col = 0;
      const pending = [...row];
      while (pending.length || carry.some((n, i) => i >= col && n > 0)) {
        if ((carry[col] ?? 0) > 0) {
          carry[col]! -= 1;
          cells.push('');
          col += 1;
          continue;
        }
        const cell = pending.shift();
        if (!cell) break;
        cells.push(cell.text);
        const span = cell.colspan ?? 1;
        for (let i = 0; i < span; i += 1) carry[col + i] = (cell.rowspan ?? 1) - 1;
        col += span;
      }
      if (shape === 'tsv') out.push(cells.join('\t'));
      else out.push(...cells.map((cell) => `\t${cell}`), '');
    }
  };
  const omitted = (key: 'active' | 'applications' | 'appeals') => data.omit?.includes(key);
  out.push(data.headings[1] ?? '');
  if (!omitted('active')) table(activeLayout(data));
  out.push('', data.headings[2] ?? '');
  if (!omitted('applications')) table(applicationsLayout(data));
  out.push('', data.headings[3] ?? '');
  if (!omitted('appeals')) table(appealsLayout(data));
  // The date under the signature, where a document prints its publication date.
  out.push('', data.headings[4] ?? '', PARAGRAPHS[4]!, '', data.headings[5] ?? '', partSix(data), '', data.published, '');
  return out.join('\n');
}
