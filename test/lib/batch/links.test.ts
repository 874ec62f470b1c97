import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { attachmentLink, parseUrlList, readListPage } from '../../../lib/batch/links';
import { dateIn } from '../../../lib/extract/dates';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const BASE = 'http://www.fuzhou.gov.cn/zfxxgkzl/ndbg/index.htm';

const LIST = `<html><body><div class="nav"><a href="/">首页</a><a href="./index.htm">年度报告</a></div>
<ul class="list">
  <li><a href="./202301/t20230120_1.htm" title="福州市公安局2022年政府信息公开工作年度报告">福州市公安局2022年政府信息公开工作...</a><span>2023-01-20</span></li>
  <li><a href="202201/t20220125_2.htm">福州市公安局2021年政府信息公开工作年度报告</a><span class="date">[2022.01.25]</span></li>
  <li><a href="http://www.fuzhou.gov.cn/zfxxgkzl/ndbg/202201/t20220125_2.htm#top">重复链接 年度报告</a></li>
  <li><a href="https://other.example.com/2020nb.html">福州市公安局2020年政府信息公开工作年度报告</a> 2021年1月28日</li>
  <li><a href="/qynb/">企业年报公示</a></li>
  <li><a href="javascript:void(0)">2019年年报</a></li>
  <li><a href="/tzgg/1.htm">关于开展安全检查的通知</a> 2023-03-01</li>
</ul>
<table><tr><td><a href="nb2019.htm">2019年度报告</a></td><td>2020/1/31</td></tr></table>
<div class="page"><a href="index.htm">首页</a><a href="index_1.htm">下一页</a></div>
</body></html>`;

describe('readListPage', () => {
  const page = readListPage(doc(LIST), BASE);

  it('keeps the report links on the host, each once, with the date beside them', () => {
    expect(page.links).toEqual([
      { url: 'http://www.fuzhou.gov.cn/zfxxgkzl/ndbg/202301/t20230120_1.htm', text: '福州市公安局2022年政府信息公开工作年度报告', listedAt: '2023-01-20' },
      { url: 'http://www.fuzhou.gov.cn/zfxxgkzl/ndbg/202201/t20220125_2.htm', text: '福州市公安局2021年政府信息公开工作年度报告', listedAt: '2022-01-25' },
      { url: 'http://www.fuzhou.gov.cn/zfxxgkzl/ndbg/nb2019.htm', text: '2019年度报告', listedAt: '2020-01-31' },
    ]);
  });

  it('reports links to another host instead of following them', () => {
    expect(page.offHost).toEqual(['https://other.example.com/2020nb.html']);
  });

  it('finds the next page', () => {
    expect(page.next).toBe('http://www.fuzhou.gov.cn/zfxxgkzl/ndbg/index_1.htm');
  });

  it('reads a TRS pager written by script, and stops on the last page', () => {
    const trs = (current: number) => `<body><a href="a.htm">2021年年报</a><script>createPageHTML(3, ${current}, "index", "shtml");</script></body>`;
    expect(readListPage(doc(trs(0)), 'http://a.gov.cn/nb/index.shtml').next).toBe('http://a.gov.cn/nb/index_1.shtml');
    expect(readListPage(doc(trs(2)), 'http://a.gov.cn/nb/index_2.shtml').next).toBeNull();
  });

  it('reads the newer TRS pager, whose first argument is the pager element', () => {
    const trs = `<body><a href="a.htm">2022年度政府信息公开工作报告</a><script>createPageHTML('page_div', 6, 1, 'index', 'html', 120);</script></body>`;
    const page = readListPage(doc(trs), 'http://a.gov.cn/nb/index_1.html');
    expect(page.next).toBe('http://a.gov.cn/nb/index_2.html');
    expect(page.links.map((l) => l.text)).toEqual(['2022年度政府信息公开工作报告']);
  });

  it('does not list the page itself', () => {
    expect(readListPage(doc(`<a href="${BASE}">年度报告</a>`), BASE).links).toEqual([]);
  });
});

describe('dates, attachments and pasted lists', () => {
  it('reads dates as lists print them', () => {
    expect(dateIn('发布时间：2022年1月5日')).toBe('2022-01-05');
    expect(dateIn('2022.13.05')).toBeNull();
  });

  it('finds the attachment a report page links to, on its host', () => {
    const page = doc(`<p>详见附件：</p><a href="https://cdn.example.com/x.pdf">外站</a><a href="/fj/1.docx">附件1</a><a href="/fj/2022nb.pdf?v=1">2022年年度报告.pdf</a>`);
    expect(attachmentLink(page, 'http://www.a.gov.cn/nb/1.htm')).toBe('http://www.a.gov.cn/fj/2022nb.pdf?v=1');
    expect(attachmentLink(doc('<a href="/x.htm">x</a>'), 'http://www.a.gov.cn/nb/1.htm')).toBeNull();
  });

  it('takes every URL out of pasted text, once', () => {
    expect(parseUrlList('http://a.gov.cn/1.htm\n  https://a.gov.cn/2.htm，http://a.gov.cn/1.htm 其他文字')).toEqual(['http://a.gov.cn/1.htm', 'https://a.gov.cn/2.htm']);
  });
});

describe('a report offered in two formats', () => {
  const PAGE = 'http://www.a.gov.cn/xxgk/ndbg/202401/t20240125_9.htm';

  it('a page linking the same report as PDF and .docx is one report, read from the .docx (its tables are cells), not a column of two', () => {
    const page = readListPage(doc(`<h1>某县2023年政府信息公开工作年度报告</h1><p>附件：</p>
<p><a href="/fj/2023nb.pdf">某县2023年政府信息公开工作年度报告.pdf</a></p>
<p><a href="/fj/2023nb.docx">某县2023年政府信息公开工作年度报告.docx</a></p>`), PAGE);
    expect(page.links.map((link) => link.url)).toEqual(['http://www.a.gov.cn/fj/2023nb.docx']);
  });

  it('so too when only the words around the format differ (（PDF版） / （Word版）), or only the file names agree', () => {
    const words = readListPage(doc(`<a href="/fj/a1.pdf">2023年度报告（PDF版）</a> <a href="/fj/b7.docx">2023年度报告（Word版）</a>`), PAGE);
    expect(words.links.map((link) => link.url)).toEqual(['http://www.a.gov.cn/fj/b7.docx']);
    const files = readListPage(doc(`<a href="/fj/nb2023.pdf">2023年度报告</a> <a href="/fj/nb2023.docx">下载2023年年报</a>`), PAGE);
    expect(files.links.map((link) => link.url)).toEqual(['http://www.a.gov.cn/fj/nb2023.docx']);
  });

  it('two years, or two files of one format, stay two reports', () => {
    const years = readListPage(doc(`<a href="/fj/2023nb.pdf">2023年度报告.pdf</a> <a href="/fj/2022nb.docx">2022年度报告.docx</a>`), PAGE);
    expect(years.links).toHaveLength(2);
    const pdfs = readListPage(doc(`<a href="/fj/1.pdf">2023年度报告</a> <a href="/fj/2.pdf">2023年度报告</a>`), PAGE);
    expect(pdfs.links).toHaveLength(2);
  });

  it('the batch follows the same one of the pair as the popup offers', () => {
    const page = doc(`<p>附件：<a href="/fj/2023nb.pdf">2023年度报告.pdf</a> <a href="/fj/2023nb.docx">2023年度报告.docx</a></p>`);
    expect(attachmentLink(page, PAGE)).toBe('http://www.a.gov.cn/fj/2023nb.docx');
  });
});
