// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../../lib/audit';
import { copySanitised, READER_CLASSES } from '../../../entrypoints/viewer/sanitize';
import { renderHtml, HTML_SHAPES } from '../../support/render';
import { consistentReport, setCell } from '../../support/report-data';

function sanitise(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const doc = document.implementation.createHTMLDocument(parsed.title);
  copySanitised(parsed.body, doc.body, doc);
  return doc;
}

describe('copySanitised', () => {
  it('keeps text, tables and their spans, and nothing that runs, loads or styles', () => {
    const doc = sanitise(`<p onclick="x()" style="color:red">甲<script>alert(1)</script><img src=x onerror=alert(2)></p>
      <table><tr><td rowspan="2" colspan="3" onmouseover="y()" style="background:url(http://evil)">乙</td><td colspan="-1">丙</td><td rowspan="9999">丁</td></tr></table>
      <a href="javascript:alert(3)">链接</a><object data="http://evil"></object><style>*{}</style>
      <span style="display:none">隐藏</span><span style="mso-hide:all">也隐藏</span><o:p>保留文字</o:p><math><mi>x</mi></math>`);
    const html = doc.body.innerHTML; // eslint-disable-line no-restricted-properties -- reading our own output in a test
    expect(html).not.toMatch(/script|onerror|onclick|onmouseover|style=|src=|href|object|math|javascript/i);
    expect(doc.body.textContent).toContain('甲');
    expect(doc.body.textContent).toContain('链接');
    expect(doc.body.textContent).toContain('保留文字');
    expect(doc.body.textContent).not.toContain('隐藏');
    const cells = Array.from(doc.querySelectorAll('td'));
    expect(cells.map((td) => [td.getAttribute('rowspan'), td.getAttribute('colspan')])).toEqual([['2', '3'], [null, null], [null, null]]);
  });

  it('stops at a depth and a node budget on hostile nesting', () => {
    const deep = `${'<div>'.repeat(1000)}底${'</div>'.repeat(1000)}`;
    const doc = sanitise(deep);
    expect(doc.body.textContent).toBe('底');
    expect(doc.querySelectorAll('div').length).toBeLessThanOrEqual(200);
  });

  it('gives the same findings as the page itself, for every page shape', () => {
    const data = consistentReport('2021', 9);
    setCell(data, 'appeals', 'reconsideration', 'total', 77);
    setCell(data, 'active', '6.penalty', 'decisions', '见附件');
    for (const shape of HTML_SHAPES) {
      const html = renderHtml(data, shape);
      const direct = auditDocument(new DOMParser().parseFromString(html, 'text/html'));
      const viewed = auditDocument(sanitise(html));
      const keys = (audit: typeof direct) => audit.findings.map((f) => `${f.rule} ${f.table}/${f.row}/${f.column} ${f.actual}`).sort();
      expect(keys(viewed), shape).toEqual(keys(direct));
      expect(viewed.result.tables, shape).toEqual(direct.result.tables);
    }
  });
});

describe('class names', () => {
  it('keeps only those the reader knows, none of which the viewer styles: a document cannot take the viewer’s own look', () => {
    const doc = sanitise('<div class="TRS_Editor side problem"><p class="title top exports">标题</p><table class="page textLayer"><tr><td class="cell-anchor word">1</td></tr></table></div>');
    expect(Array.from(doc.querySelectorAll('[class]')).map((el) => el.getAttribute('class'))).toEqual(['TRS_Editor', 'title']);
  });

  it('the viewer’s stylesheet uses none of the reader’s class names, except the container the viewer makes itself', () => {
    const css = readFileSync('entrypoints/viewer/style.css', 'utf8');
    const styled = new Set([...css.matchAll(/\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!));
    expect([...READER_CLASSES].filter((name) => styled.has(name))).toEqual(['WordSection1']);
    // …and that one only as the direct child of the document's own container.
    expect(css).toMatch(/\.pages\.word > \.WordSection1/);
    expect(css.match(/\.WordSection1/g)).toHaveLength(1);
  });
});
