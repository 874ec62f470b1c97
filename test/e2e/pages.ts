/** The pages the browser tests open, built with the report generator, and what each must show. */
import { renderHtml } from '../support/render';
import { consistentReport, setCell } from '../support/report-data';
import type { Page } from './server';

/** 洪泽区 2023's mistake, on a Word-export page: two appeals totals of 0 beside non-zero results. */
export function wrongAppeals() {
  const data = consistentReport('2021', 31);
  data.title = '测试区人民政府2023年政府信息公开工作年度报告';
  data.appeals = [10, 1, 0, 0, 0, 1, 0, 0, 0, 1, 5, 0, 0, 0, 0];
  setCell(data, 'active', '6.penalty', 'decisions', '见附件');
  return data;
}
export const WRONG_APPEALS_MARKS = ['active/6.penalty/decisions', 'appeals/litigation.after_reconsideration/total', 'appeals/reconsideration/total'];

export const HOSTILE_CSS = `<style>
  * { transition: none !important; }
  html, body { position: relative !important; overflow-x: hidden; }
  nianbao-audit-marks, nianbao-audit-marks * { display: none !important; visibility: hidden !important; }
  div { z-index: 2147483647 !important; }
  td { transform: translateX(3px); }
  :host, ::slotted(*) { display: none !important; }
</style>`;

const NEWS = `<!doctype html><html><head><meta charset="utf-8"><title>新闻</title></head><body>
<h1>我市召开政务公开工作会议</h1>${'<p>会议要求进一步做好政府信息公开工作，提高公开质量。</p>'.repeat(200)}
<table><tr><td>姓名</td><td>电话</td></tr><tr><td>张三</td><td>123</td></tr></table></body></html>`;

export function buildPages(): Map<string, Page> {
  const pages = new Map<string, Page>();
  const wrong = renderHtml(wrongAppeals(), 'word');
  pages.set('/report.html', { body: wrong });
  pages.set('/clean.html', { body: renderHtml(consistentReport('2019', 4), 'cms') });
  pages.set('/news.html', { body: NEWS });
  pages.set('/hostile.html', { body: wrong.replace('</head>', `${HOSTILE_CSS}</head>`) });
  // Z-index wars: a sticky banner and, appended to <html> after the marks, a full-page cover, both at the top z-index.
  pages.set('/zwars.html', {
    body: wrong.replace('</head>', `<style>.cover { position: fixed; inset: 0; z-index: 2147483647; background: rgba(255, 255, 255, 0.02); }
  .banner { position: sticky; top: 0; z-index: 2147483647; background: #fee; }</style></head>`)
      .replace('<body>', '<body><div class="banner">置顶横幅</div>')
      .replace('</body>', `<script>setTimeout(() => { const c = document.createElement('div'); c.className = 'cover'; document.documentElement.append(c); }, 1200);</script></body>`),
  });
  pages.set('/mutating.html', {
    body: wrong.replace('</body>', `<div id="ticker">0</div><script>let n = 0; setInterval(() => {
  document.getElementById('ticker').textContent = String(++n);
  const p = document.createElement('p'); p.textContent = 'tick ' + n; document.body.append(p); if (n % 50 === 0) document.querySelectorAll('body > p').forEach((e, i) => i < 40 && e.remove());
}, 20);</script></body>`),
  });
  pages.set('/forger.html', {
    body: wrong.replace('</body>', `<script>
const fakes = [{ type: 'select-finding', index: 0 }, { type: 'set-marks', visible: false }, { type: 'audit-summary', summary: { report: true, errors: 99, warnings: 0, marksVisible: true, runs: 1, busyMs: 0 }, initial: true }];
let sent = 0;
const timer = setInterval(() => { for (const fake of fakes) { window.postMessage(fake, '*'); try { chrome.runtime.sendMessage(fake); } catch (e) {} } if (++sent > 40) clearInterval(timer); }, 25);
</script></body>`),
  });
  pages.set('/frame.html', {
    body: '<!doctype html><html><head><meta charset="utf-8"><title>外框</title></head><body><h1>外框页面</h1><iframe src="/report.html" width="1200" height="900"></iframe></body></html>',
  });
  // A value past the end of a row: read, not placed, and shown as such.
  pages.set('/extra.html', {
    body: renderHtml(consistentReport('2021', 5), 'cms').replace(/(<td data-cell="applications\/3\.1\/total"[^>]*>[^<]*<\/td>)/, '$1<td>77</td>'),
  });
  const late = renderHtml(wrongAppeals(), 'cms');
  const [head, rest] = late.split('<body>');
  pages.set('/late.html', {
    body: `${head}<body><div id="holder">加载中…</div><template id="t">${rest!.replace('</body></html>', '')}</template>
<script>setTimeout(() => { const t = document.getElementById('t'); document.getElementById('holder').replaceWith(t.content.cloneNode(true)); }, 800);</script></body></html>`,
  });
  return pages;
}

/** The site's navigation and footer as a real 政府信息公开 page has them: ordinary links, with queries. */
export const SITE_NAV = `<div class="nav"><a href="/index.html">首页</a> <a href="/xxgk/index.html?channel=12&amp;page=1">政府信息公开</a>
<a href="/search.html?q=%E5%B9%B4%E6%8A%A5">站内搜索</a> <a href="javascript:void(0)" onclick="return false">无障碍</a></div>`;
export const SITE_FOOTER = `<div class="footer"><a href="/sitemap.html">网站地图</a> | <a href="/contact.html?from=footer">联系我们</a> |
<a href="https://www.gov.cn/">中国政府网</a> | 主办：测试区人民政府办公室 | <a href="#top">返回顶部</a></div>`;

export const ATTACHMENT_PAGE = '/fujian.html';
export const ATTACHMENT_PDF = '/files/nb2023.pdf';

/**
 * Pages that need the server's port: a report page holding iframes as a real county report does (a
 * share widget from the same site, a video player from another host, 127.0.0.1, which the extension
 * has no access to, and an empty frame), and a report page that only links its PDF among the site's
 * navigation and footer links.
 */
export function portPages(port: number): Map<string, Page> {
  const pages = new Map<string, Page>();
  const report = renderHtml(wrongAppeals(), 'cms');
  pages.set('/iframes.html', {
    body: report.replace('<div class="footer">', `<div class="share">分享到：<iframe src="/share.html" width="360" height="40" title="分享"></iframe></div>
<div class="video"><iframe src="http://127.0.0.1:${port}/video.html" width="480" height="120" title="视频"></iframe></div>
<iframe src="about:blank" width="10" height="10" title="统计"></iframe>
<div class="footer">`),
  });
  pages.set('/share.html', {
    body: `<!doctype html><html><head><meta charset="utf-8"><title>分享</title></head><body style="margin:0">
<a href="/share.html?to=weixin">微信</a> <a href="/share.html?to=weibo">微博</a> <a href="/share.html?to=qzone">QQ空间</a></body></html>`,
  });
  pages.set('/video.html', {
    body: `<!doctype html><html><head><meta charset="utf-8"><title>视频</title></head><body style="margin:0;background:#222;color:#eee">
<p>▶ 政策解读视频（播放器）</p><a href="/video.html?autoplay=1">播放</a></body></html>`,
  });
  pages.set(ATTACHMENT_PAGE, {
    body: `<!doctype html><html><head><meta charset="utf-8"><title>测试区人民政府2023年政府信息公开工作年度报告_测试区人民政府</title></head><body>
${SITE_NAV}<div class="crumb"><a href="/index.html">首页</a> &gt; <a href="/xxgk/nb/index.html?id=7">年度报告</a></div>
<h1>测试区人民政府2023年政府信息公开工作年度报告</h1><p>发布日期：2024-01-25\u3000来源：测试区人民政府办公室</p>
<p>附件：<a href="${ATTACHMENT_PDF}">测试区人民政府2023年政府信息公开工作年度报告.pdf</a></p>
<p><a href="/xxgk/nb/index.html?id=7&amp;prev=1">上一篇</a> <a href="/xxgk/nb/index.html?id=7&amp;next=1">下一篇</a></p>
${SITE_FOOTER}</body></html>`,
  });
  return pages;
}
