/**
 * Title, agency and year read where portals put them: the block before the content container, the
 * portal's metadata, <title> without the site's name. Each portal shape wraps a real article block
 * (../shared/fixtures/real/pages/pingtan-2024.html, the TRS_Editor div as saved, its title not kept)
 * the way that kind of portal serves it, and is read in happy-dom (the extension's DOM) and parse5
 * (the command line's).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditHtml, auditHtmlCli } from '../../support/audit';
import { sharedPath } from '../../support/shared';

const BLOCK = readFileSync(sharedPath('fixtures/real/pages/pingtan-2024.html'), 'utf8');
const TITLE = '平潭综合实验区2024年政府信息公开工作年度报告';
const OPEN = '<div class=TRS_Editor>';
const withContainer = (open: string) => BLOCK.replace(OPEN, open);

/** The portal shapes: what precedes the article block, and the block's own container where the editor names it otherwise. */
const SHAPES: Record<string, string> = {
  // TRS WCM article page: the title in a div of its own above the editor's div, an info bar between.
  'TRS (article_title above TRS_Editor)': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>平潭综合实验区管委会</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; <a href="/ndbg/">政府信息公开年报</a></div>
<div class="article"><div class="article_title">${TITLE}</div>
<div class="article_info"><span>发布时间：2025-01-20 10:21</span> <span>来源：平潭综合实验区管委会办公室</span></div>
${BLOCK}</div></body></html>`,
  // UEditor (TRS_UEDITOR) in a detail template: an <h1 class="detail-title">, the site's name in <title> only.
  'UEditor (detail-title, TRS_UEDITOR)': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>
<div class="detail"><div class="detail-title"><span>${TITLE}</span></div><div class="detail-info">发布日期：2025-01-20\u3000信息来源：平潭综合实验区管委会办公室</div>
<div class="detail-content">${withContainer('<div class="view TRS_UEDITOR trs_paper_default trs_web">')}</div></div></body></html>`,
  // An older upper-case TRS template: a layout table, the title a bold <font> in a centred cell named bt.
  'older TRS (upper case, layout table)': `<HTML><HEAD><TITLE>政府信息公开</TITLE></HEAD><BODY><TABLE width="100%"><TBODY>
<TR><TD class=bt align=center><FONT style="FONT-SIZE: 16pt; FONT-WEIGHT: bold">${TITLE}</FONT></TD></TR>
<TR><TD align=center>发布时间：2025-01-20\u3000来源：平潭综合实验区管委会办公室</TD></TR>
<TR><TD>${withContainer('<DIV class=TRS_Editor>')}</TD></TR></TBODY></TABLE></BODY></HTML>`,
  // Word text pasted into an editor: the title a centred bold paragraph before the pasted body, no container.
  'Word export (centred bold line, no container)': `<html><head><title>政府信息公开</title></head><body>
<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:22.0pt;font-family:方正小标宋简体">${TITLE}</span></b></p>
<p class="MsoNormal" align="center">2025年1月20日</p>${withContainer('<div>')}</body></html>`,
  // 集约化 template: the facts in <meta> (ArticleTitle, PubDate, ContentSource), the visible title an image.
  '集约化 (<meta> ArticleTitle, ContentSource)': `<!DOCTYPE html><html><head><meta name="SiteName" content="平潭综合实验区管委会">
<meta name="ColumnName" content="政府信息公开年报"><meta name="ArticleTitle" content="${TITLE}"><meta name="PubDate" content="2025-01-20 10:21">
<meta name="ContentSource" content="平潭综合实验区管委会办公室"><title>${TITLE}-平潭综合实验区管委会</title></head><body>
<div class="xxgk_top"><img src="/images/banner.png" alt="平潭综合实验区管委会"></div><div id="UCAP-CONTENT">${BLOCK}</div></body></html>`,
  // A county portal's 信息索引 table: 名称, 索引号, 发布机构, 公开日期 above the article.
  '信息索引 table (county portal)': `<html><head><title>平潭综合实验区管委会</title></head><body>
<table class="table_content"><tr><td>名称</td><td colspan="3">${TITLE}</td></tr>
<tr><td>索引号</td><td>FJ00123/2025-00001</td><td>分类</td><td>年度报告</td></tr>
<tr><td>发布机构</td><td>平潭综合实验区管委会办公室</td><td>公开日期</td><td><publishtime>2025-01-20</publishtime></td></tr></table>${BLOCK}</body></html>`,
};

describe('the report title read where the portal puts it', () => {
  it('the article block alone has no title: 未找到标题, no agency, the year from its statistics period', () => {
    const { result } = auditHtmlCli(BLOCK);
    expect(result).toMatchObject({ title: null, agency: null, year: 2024 });
    expect(result.findings.filter((f) => f.rule === 'report.year-missing').map((f) => f.message)).toEqual(['标题未写明报告年度：未找到标题']);
  });

  it.each(Object.entries(SHAPES))('%s: title, agency and year, no report.year-missing, in both DOMs', (_, page) => {
    for (const audit of [auditHtml(page), auditHtmlCli(page)]) {
      expect(audit.result).toMatchObject({ title: TITLE, agency: '平潭综合实验区', year: 2024 });
      expect(audit.result.findings.map((f) => f.rule)).not.toContain('report.year-missing');
    }
  });

  it('the portal\'s date comes with it where the shape has one (PubDate, 发布时间, 公开日期)', () => {
    for (const name of ['TRS (article_title above TRS_Editor)', 'UEditor (detail-title, TRS_UEDITOR)', '集约化 (<meta> ArticleTitle, ContentSource)', '信息索引 table (county portal)']) {
      expect(auditHtmlCli(SHAPES[name]!).result, name).toMatchObject({ publishedAt: '2025-01-20', publishedAtSource: 'site' });
    }
  });

  it('a title naming no agency: the agency from the 信息索引 table\'s 发布机构 (the office that posts a government\'s pages names the government)', () => {
    const page = `<html><body><table><tr><td>发布机构：</td><td>平潭综合实验区管委会办公室</td></tr></table>
<div class="title">2024年政府信息公开工作年度报告</div>${BLOCK}</body></html>`;
    expect(auditHtmlCli(page).result).toMatchObject({ title: '2024年政府信息公开工作年度报告', agency: '平潭综合实验区管委会', year: 2024 });
    // A department's own 发布机构 stays the department; a newspaper or the site as 来源 names no agency.
    expect(auditHtmlCli(page.replace('平潭综合实验区管委会办公室', '平潭综合实验区经济发展局')).result.agency).toBe('平潭综合实验区经济发展局');
    const source = (name: string) => `<html><body><div class="info">来源：${name}</div><div class="title">2024年政府信息公开工作年度报告</div>${BLOCK}</body></html>`;
    expect(auditHtmlCli(source('本网')).result.agency).toBeNull();
    expect(auditHtmlCli(source('平潭时报')).result.agency).toBeNull();
  });

  it('<title> without the site\'s name and its separators; a column\'s name (政府信息公开年报) is no title', () => {
    const page = (title: string) => `<html><head><meta name="SiteName" content="平潭综合实验区管委会"><title>${title}</title></head><body>
<div class="column-title">政府信息公开年报</div>${BLOCK}</body></html>`;
    expect(auditHtmlCli(page(`${TITLE} - 平潭综合实验区管委会`)).result.title).toBe(TITLE);
    expect(auditHtmlCli(page(`平潭综合实验区管委会|${TITLE}`)).result.title).toBe(TITLE);
    expect(auditHtmlCli(page('平潭综合实验区管委会')).result.title).toBeNull();
  });
});

describe('bad input around the title', () => {
  const related = (years: number[]) => `<div class="box"><p class="box-title">相关报告</p>${years.map((y) => `<p>${TITLE.replace('2024', String(y))}</p>`).join('')}</div>`;

  it('two titles: a list of related reports beside the article, before or after its title, is not the title', () => {
    const before = `<html><body>${related([2023, 2022])}<div>${TITLE}</div>${BLOCK}</body></html>`;
    const after = `<html><body><div>${TITLE}</div>${related([2023, 2022])}${BLOCK}</body></html>`;
    const linked = `<html><body><ul class="list">${[2023, 2022].map((y) => `<li><h3><a href="/${y}">${TITLE.replace('2024', String(y))}</a></h3></li>`).join('')}</ul>
<h2 class="title">${TITLE}</h2>${BLOCK}</body></html>`;
    for (const page of [before, after, linked]) {
      for (const audit of [auditHtml(page), auditHtmlCli(page)]) expect(audit.result).toMatchObject({ title: TITLE, agency: '平潭综合实验区', year: 2024 });
    }
  });

  it('a title drawn as an image: its alt text is what a reader sees', () => {
    const page = `<html><body><div class="title"><img src="/title.png" alt="${TITLE}"></div>${BLOCK}</body></html>`;
    for (const audit of [auditHtml(page), auditHtmlCli(page)]) expect(audit.result).toMatchObject({ title: TITLE, agency: '平潭综合实验区', year: 2024 });
  });

  it('the year only in the breadcrumb: the title is read without it, and report.year-missing says so', () => {
    const page = `<html><body><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/ndbg/">年度报告</a> &gt; 2024年</div>
<h1>平潭综合实验区政府信息公开工作年度报告</h1>${BLOCK}</body></html>`;
    for (const audit of [auditHtml(page), auditHtmlCli(page)]) {
      expect(audit.result).toMatchObject({ title: '平潭综合实验区政府信息公开工作年度报告', agency: '平潭综合实验区', year: 2024 });
      expect(audit.result.findings.filter((f) => f.rule === 'report.year-missing').map((f) => f.message))
        .toEqual(['标题未写明报告年度：“平潭综合实验区政府信息公开工作年度报告”']);
    }
  });
});
