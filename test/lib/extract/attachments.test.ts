import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findAttachments, kindOfUrl } from '../../../lib/extract/attachments';

const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function page(body: string, title = '通知', url = 'https://www.example.gov.cn/zwgk/2021/nb.html'): Document {
  const window = new Window({ url });
  windows.push(window);
  window.document.write(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

describe('findAttachments', () => {
  it('finds a PDF linked from a report page that holds only a title and a download link (县公安局 2020)', () => {
    const doc = page('<h1>某县公安局2020年政府信息公开工作年度报告</h1><p>附件：<a href="../../files/2021/nb2020.pdf">2020年度报告.pdf</a></p>');
    expect(findAttachments(doc)).toEqual([
      { url: 'https://www.example.gov.cn/files/2021/nb2020.pdf', name: '2020年度报告.pdf', kind: 'pdf', likely: true },
    ]);
  });

  it('reads the kind from the path, a query parameter, or the link text, in any case', () => {
    const doc = page(`
      <a href="/a.DOCX">甲</a>
      <a href="/download.jsp?file=%E5%B9%B4%E6%8A%A5.doc&amp;id=3">乙</a>
      <a href="/getfile?id=9">丙年报.wps</a>
      <a href="/b.pdf#page=2">丁</a>`);
    expect(findAttachments(doc).map((a) => [a.url, a.kind])).toEqual([
      ['https://www.example.gov.cn/download.jsp?file=%E5%B9%B4%E6%8A%A5.doc&id=3', 'doc'],
      ['https://www.example.gov.cn/getfile?id=9', 'wps'],
      ['https://www.example.gov.cn/a.DOCX', 'docx'],
      ['https://www.example.gov.cn/b.pdf', 'pdf'],
    ]);
  });

  it('takes a link named 附件/下载 with 年度报告 in it, whatever its URL', () => {
    const doc = page('<a href="/attach?id=12">下载：2023年度报告全文</a><a href="/list?id=13">年度报告栏目</a><a href="/x?id=14">附件下载</a>');
    expect(findAttachments(doc)).toEqual([
      { url: 'https://www.example.gov.cn/attach?id=12', name: '下载：2023年度报告全文', kind: null, likely: true },
    ]);
  });

  it('lists links naming a report first, drops duplicates, fragments and non-web links', () => {
    const doc = page(`
      <a href="/guide.pdf">办事指南</a>
      <a href="/nb2022.pdf">2022年报</a>
      <a href="/nb2022.pdf#x">again</a>
      <a href="javascript:void(0)">下载年度报告.pdf</a>
      <a href="mailto:a@b.pdf">mail</a>
      <a href="ftp://host/c.pdf">ftp</a>`);
    expect(findAttachments(doc).map((a) => [a.name, a.likely])).toEqual([['2022年报', true], ['办事指南', false]]);
  });

  it('treats every attachment as likely when the page title names the report', () => {
    const doc = page('<a href="/f/123.pdf">点击查看</a>', 'XX局2021年政府信息公开工作年度报告');
    expect(findAttachments(doc)[0]).toMatchObject({ name: '点击查看', likely: true });
  });

  it('returns nothing for a page without attachment links, and at most ten for a page full of them', () => {
    expect(findAttachments(page('<a href="/news/1.html">新闻</a><a href="">空</a>'))).toEqual([]);
    const many = Array.from({ length: 40 }, (_, i) => `<a href="/f${i}.pdf">文件${i}</a>`).join('');
    expect(findAttachments(page(many))).toHaveLength(10);
  });

  it('names a link without text by its file name', () => {
    expect(findAttachments(page('<a href="/files/%E5%B9%B4%E6%8A%A5.pdf"><img alt=""></a>'))[0]!.name).toBe('年报.pdf');
  });
});

describe('kindOfUrl', () => {
  it('ignores extensions that are not at the end of the path', () => {
    expect(kindOfUrl(new URL('https://a.gov.cn/pdf.html'))).toBeNull();
    expect(kindOfUrl(new URL('https://a.gov.cn/x.pdf.html'))).toBeNull();
    expect(kindOfUrl(new URL('https://a.gov.cn/x.pdf?v=2'))).toBe('pdf');
  });
});

/**
 * URLSearchParams as the auditor sees it in a Firefox content script (measured in Firefox ESR 153
 * with a probe extension): values(), keys() and entries() return an iterator with next() only — no
 * [Symbol.iterator], no iterator helpers — so `for (const v of params.values())` throws “is not
 * iterable” and Array.from(params.entries()) is silently empty; forEach, get, getAll and iterating
 * the params object itself work. Chromium's are complete. The finder must give the same answer on both.
 */
class ContentScriptUrl extends URL {
  override get searchParams(): URLSearchParams {
    const params = super.searchParams;
    return new Proxy(params, {
      get(target, key) {
        if (key === 'values' || key === 'keys' || key === 'entries') {
          return () => {
            const iterator = target[key]();
            return { next: () => iterator.next() };
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

describe('findAttachments on Firefox\'s content-script URL as on Chromium\'s', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  // A real 政府信息公开 page: navigation and footer links with queries around the report's download link.
  const SITE = `<div class="nav"><a href="/index.html">首页</a> <a href="/xxgk/index.html?channel=12&amp;page=1">政府信息公开</a>
    <a href="/search.html?q=%E5%B9%B4%E6%8A%A5">站内搜索</a></div>
    <h1>测试区人民政府2023年政府信息公开工作年度报告</h1>
    <p>附件：<a href="/download.jsp?file=nb2023.pdf&amp;id=3">年度报告全文</a> <a href="/files/nb2023.docx">Word 版</a></p>
    <div class="footer"><a href="/contact.html?from=footer">联系我们</a> <a href="#top">返回顶部</a></div>`;

  it('the stand-in behaves as Firefox does (so that this test can fail)', () => {
    const params = new ContentScriptUrl('https://x.gov.cn/a?file=b.pdf').searchParams;
    expect(() => {
      for (const value of params.values()) void value;
    }).toThrow(/not iterable/);
    expect(Array.from(params.entries() as unknown as ArrayLike<unknown>)).toEqual([]);
  });

  it('finds the same attachments with either URL', () => {
    const chromium = findAttachments(page(SITE, '测试区人民政府2023年政府信息公开工作年度报告'));
    vi.stubGlobal('URL', ContentScriptUrl);
    const firefox = findAttachments(page(SITE, '测试区人民政府2023年政府信息公开工作年度报告'));
    expect(chromium.map((a) => [a.url, a.kind])).toEqual([
      ['https://www.example.gov.cn/download.jsp?file=nb2023.pdf&id=3', 'pdf'],
      ['https://www.example.gov.cn/files/nb2023.docx', 'docx'],
    ]);
    expect(firefox).toEqual(chromium);
  });

  it('reads a file name from the query with either URL', () => {
    const url = 'https://x.gov.cn/download.jsp?id=3&file=%E5%B9%B4%E6%8A%A5.wps';
    expect(kindOfUrl(new URL(url))).toBe('wps');
    expect(kindOfUrl(new ContentScriptUrl(url))).toBe('wps');
    expect(kindOfUrl(new ContentScriptUrl('https://x.gov.cn/list.html?id=3&page=2'))).toBeNull();
  });
});
