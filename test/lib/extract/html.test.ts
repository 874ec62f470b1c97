// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractFromDocument, findReportTables, looksLikeReport } from '../../../lib/extract/html';
import { drawnTable } from '../../support/drawn';

function page(body: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = body; // eslint-disable-line no-restricted-properties -- test markup, not page text
  return doc;
}

const APPEALS = drawnTable(`
  | 行政复议 | <       | <       | <       | <    | 行政诉讼 | <       | <       | <       | <    | <       | <       | <       | <       | <    |
  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | < | < | < | < | 复议后起诉 | < | < | < | < |
  | ^       | ^       | ^       | ^       | ^    | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
  | 1       | 0       | 0       | 0       | 1    | 2       | 0       | 0       | 0       | 2    | .       | 0       | 0       | 0       | 0    |
`);

describe('extractFromDocument', () => {
  it('hands each cell over once, in reading order, with its grid position and spans', () => {
    const { extracted } = extractFromDocument(page(APPEALS));
    const at = (text: string) => extracted.tokens.filter((token) => token.text === text).map((token) => [token.row, token.pos?.col, token.pos?.colSpan, token.pos?.rowSpan]);
    expect(at('行政复议')).toEqual([[0, 0, 5, 1]]);
    expect(at('未经复议直接起诉')).toEqual([[1, 5, 5, 1]]);
    expect(at('尚未审结')).toEqual([[1, 3, 1, 2], [2, 8, 1, 1], [2, 13, 1, 1]]);
    expect(extracted.tokens.filter((token) => token.row === 3).map((token) => token.text).join(' ')).toBe('1 0 0 0 1 2 0 0 0 2  0 0 0 0');
    expect(extracted.tokens.every((token) => token.pos?.table === 0)).toBe(true);
  });

  it('numbers the source tables, so a split table keeps its columns apart', () => {
    const { extracted } = extractFromDocument(page(`${APPEALS}<p>第二页</p>${APPEALS}`));
    expect(new Set(extracted.tokens.map((token) => token.pos?.table))).toEqual(new Set([0, 1]));
    expect(extracted.tokens.filter((token) => token.pos?.table === 1)[0]!.row).toBe(4);
  });

  it('reads the innermost report tables only: not a layout table around them, not a hidden or unrelated table', () => {
    const doc = page(`<table class="layout"><tr><td>${APPEALS}</td></tr></table>
      <table style="display:none"><tr><td>予以公开</td><td>结果维持</td></tr></table>
      <table><tr><td>索引号</td><td>发布机构</td></tr></table>`);
    expect(findReportTables(doc)).toHaveLength(1);
    expect(looksLikeReport(doc)).toBe(true);
    expect(looksLikeReport(page('<table><tr><td>姓名</td><td>电话</td></tr></table>'))).toBe(false);
  });

  it('keeps the prose outside the tables as blocks, and reads the title and the publication date', () => {
    const doc = page(`<h1 class="title">某县民政局2023年政府信息公开工作年度报告</h1><div class="info">发布日期：2024-01-20</div>
      <p>一、总体情况</p><p>本年度共收到申请3件。</p>${APPEALS}<p>五、存在的主要问题及改进情况</p>`);
    const { extracted } = extractFromDocument(doc);
    expect(extracted.title).toBe('某县民政局2023年政府信息公开工作年度报告');
    expect(extracted.dates[0]).toEqual({ date: '2024-01-20', source: 'site' });
    const blocks = extracted.blocks.map((block) => block.text);
    expect(blocks).toContain('本年度共收到申请3件。');
    expect(blocks).toContain('五、存在的主要问题及改进情况');
    expect(blocks.some((text) => text.includes('结果维持'))).toBe(false);
  });
});
