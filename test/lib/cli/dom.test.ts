import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lib/cli/dom';
import { findElements } from '../../../lib/extract/dom';
import { cellText } from '../../../lib/extract/dom-text';
import { extractFromDocument } from '../../../lib/extract/html';
import type { Token } from '../../../lib/extract/types';
import { HTML_SHAPES, renderHtml } from '../../support/render';
import { consistentReport } from '../../support/report-data';

const tokens = (list: Token[]) => list.map((t) => `${t.row}:${t.pos?.table}/${t.pos?.col}+${t.pos?.colSpan}x${t.pos?.rowSpan} ${t.text}`);

function happyTokens(html: string): string[] {
  const window = new Window();
  window.document.write(html);
  const extracted = extractFromDocument(window.document as unknown as Document).extracted;
  void window.happyDOM.close();
  return tokens(extracted.tokens);
}

describe('the command line DOM (parse5)', () => {
  it('lower-cases attribute names as a browser does: <SPAN STYLE="display:none"> is hidden', () => {
    const doc = parseDocument('<table><tr><TD>1<SPAN STYLE="DISPLAY: NONE">23</SPAN></TD></tr></table>');
    expect(cellText(doc.getElementsByTagName('td')[0]!)).toBe('1');
  });

  it.each(HTML_SHAPES)('extracts the same tokens as happy-dom from the %s shape', (shape) => {
    const html = renderHtml(consistentReport('2021', 3), shape);
    expect(tokens(extractFromDocument(parseDocument(html)).extracted.tokens)).toEqual(happyTokens(html));
  });

  it('repairs markup as the HTML standard says: a <p> in a table is fostered out, </td> closes the cell', () => {
    const doc = parseDocument('<table><tr><td>a<td>b</tr><p>x</table>');
    expect(Array.from(doc.getElementsByTagName('td'), (td) => td.textContent)).toEqual(['a', 'b']);
    expect(doc.body!.firstChild).toMatchObject({ tagName: 'p' });
  });

  it('gives textContent as a browser does: text of every depth in order, no comments, no template content, the same when asked again', () => {
    const html = '<div id="r">a<!-- c --><p>b<span>c<b>d</b></span>e</p><template>t</template><table><tr><td>f</td></tr></table>g</div>';
    const doc = parseDocument(html);
    const root = findElements(doc, (element) => element.getAttribute('id') === 'r')[0]!;
    const window = new Window();
    window.document.write(html);
    const expected = window.document.getElementById('r')!.textContent;
    void window.happyDOM.close();
    expect(root.textContent).toBe('abcdefg');
    expect(root.textContent).toBe(expected);
    expect(root.textContent).toBe(expected);
  });

  it('reads text nested 100,000 elements deep without recursion', () => {
    const doc = parseDocument(`<table><tr><td>${'<span>'.repeat(100_000)}7${'</span>'.repeat(100_000)}</td></tr></table>`);
    expect(cellText(doc.getElementsByTagName('td')[0]!)).toBe('7');
    expect(doc.body!.textContent).toBe('7');
  });

  it('gives the title, body and meta as document.title, body and getElementsByTagName do', () => {
    const doc = parseDocument('<!doctype html><title> 某局\n 2021 年报 </title><meta name="PubDate" content="2022-01-20"><p>x</p><template><table></table></template>');
    expect(doc.title).toBe('某局 2021 年报');
    expect(doc.body!.tagName).toBe('body');
    expect(doc.getElementsByTagName('meta')[0]!.getAttribute('content')).toBe('2022-01-20');
    expect(doc.getElementsByTagName('table')).toHaveLength(0); // template content is not in the document
  });
});
