/**
 * The official 2021 template (../shared/fixtures/real/template-2021-blank-word.docx) turned into
 * the HTML a Word export gives: paragraphs, tables with colspan from gridSpan and rowspan from
 * vMerge. Blank value cells can be filled in document order, to make a filled official-layout page.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { esc } from './render';

interface DocCell { text: string; colspan: number; merge: 'restart' | 'continue' | null }
type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: DocCell[][] };

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function blocks(xml: string): Block[] {
  const body = xml.slice(xml.indexOf('<w:body>'));
  const out: Block[] = [];
  for (const match of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const part = match[0];
    if (part.startsWith('<w:tbl>')) {
      const rows = [...part.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
        [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell): DocCell => {
          const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(cell[0]);
          return {
            text: [...cell[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0])).join('\n'),
            colspan: Number(/<w:gridSpan w:val="(\d+)"/.exec(cell[0])?.[1] ?? 1),
            merge: merge ? (merge[1] === 'restart' ? 'restart' : 'continue') : null,
          };
        }));
      out.push({ kind: 'table', rows });
    } else out.push({ kind: 'p', text: textOf(part) });
  }
  return out;
}

/** rowspan of a restart cell: the continue cells below it at the same grid column. */
function tableHtml(rows: DocCell[][]): string {
  const columnOf = (row: DocCell[], index: number) => row.slice(0, index).reduce((n, c) => n + c.colspan, 0);
  return `<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0">${rows.map((row, r) => `<tr>${row.map((cell, i) => {
    if (cell.merge === 'continue') return '';
    let span = 1;
    if (cell.merge === 'restart') {
      const col = columnOf(row, i);
      for (let below = r + 1; below < rows.length; below += 1) {
        const next = rows[below]!.find((c, j) => columnOf(rows[below]!, j) === col);
        if (next?.merge !== 'continue') break;
        span += 1;
      }
    }
    const attrs = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${span > 1 ? ` rowspan="${span}"` : ''}`;
    const paragraphs = cell.text.split('\n').map((p) => `<p class="MsoNormal" align="center"><span style="font-family:宋体">${p.trim() === '' ? '&nbsp;' : esc(p)}</span></p>`);
    return `<td${attrs} valign="center">${paragraphs.join('')}</td>`;
  }).join('')}</tr>`).join('\n')}</table>`;
}

/** Fill the blank value cells of each table, in document order, from the given queues. */
function fill(block: Block & { kind: 'table' }, values: (string | number)[]): void {
  const isBlank = (cell: DocCell) => cell.text.replace(/[\s\u3000]/g, '') === '';
  for (const row of block.rows) {
    // A row of blanks only is a data row (the appeals table's); elsewhere values follow a label.
    let seenLabel = row.every((cell) => cell.merge === 'continue' || isBlank(cell));
    for (const cell of row) {
      if (cell.merge === 'continue') continue;
      const blank = isBlank(cell);
      if (!blank) seenLabel = true;
      else if (seenLabel && values.length) cell.text = String(values.shift());
    }
  }
}

export async function officialTemplateHtml(path: string, fills?: (string | number)[][]): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = blocks(await zip.file('word/document.xml')!.async('string'));
  let table = 0;
  const html = parts.map((part) => {
    if (part.kind === 'p') return part.text.trim() ? `<p class="MsoNormal"><span>${esc(part.text)}</span></p>` : '';
    if (fills) fill(part, [...(fills[table] ?? [])]);
    table += 1;
    return tableHtml(part.rows);
  }).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开工作年度报告</title></head><body><div class="WordSection1">\n${html}\n</div></body></html>`;
}
