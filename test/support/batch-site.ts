import iconv from 'iconv-lite';
import { renderHtml } from './render';
import { consistentReport, setRow, type ReportData } from './report-data';

/**
 * A local 年报 column: one agency's reports for four years on two list pages, with a dead link, a
 * notice that is not a report, a GBK page, a page without a title, and a self-link. The years
 * are built so that exactly these cross-year findings arise:
 * 2020 — no previous year; 2021 — follows 2020 (consistent); 2022 — its 上年结转 (自然人) breaks
 * from 2021's 结转; 2023 — its 行政规范性文件 现行有效件数 breaks from 2022's, and its prose copies 2022's.
 */

const ORIGINAL = [
  '本报告依据《中华人民共和国政府信息公开条例》编制。全年主动公开政府信息若干条，依申请公开工作依法办理。',
  '一是公开内容还需进一步丰富；二是工作机制还需进一步完善。下一步将加强培训，提升公开质量。',
] as const;

const PROSE: Record<number, [string, string]> = {
  2020: ['本报告依据《中华人民共和国政府信息公开条例》编制。本年度围绕疫情防控和复工复产，及时发布防控政策和物资保障信息，回应群众关切。',
    '存在的问题是政策解读形式较为单一。下一步将丰富图表和视频解读，提升解读的针对性和可读性。'],
  2021: ['本报告依据《中华人民共和国政府信息公开条例》编制。本年度重点推进基层政务公开标准化规范化建设，编制公开事项标准目录并动态更新。',
    '存在的问题是部分栏目更新不够及时。明年将建立栏目巡查制度，每月通报更新情况，确保发布准确及时。'],
  2022: ['本报告依据《中华人民共和国政府信息公开条例》编制。本年度围绕优化营商环境，集中公开涉企政策和行政许可办理结果，开设政策问答专栏。',
    '存在的问题是依申请公开答复文书格式不够统一。下一步将制定答复文书范本，开展业务培训，规范办理流程。'],
};
PROSE[2023] = [PROSE[2022]![0].replace('本年度', '2023年度'), PROSE[2022]![1]];

export const AGENCY = '测试市示例局';
export const YEARS = [2020, 2021, 2022, 2023] as const;
export const PUBLISHED: Record<number, string> = { 2020: '2021-01-20', 2021: '2022-01-26', 2022: '2023-02-15', 2023: '' };
export const LISTED: Record<number, string> = { 2020: '2021-01-21', 2021: '2022-01-26', 2022: '2023-02-15', 2023: '2024-01-25' };

function yearData(): Record<number, ReportData> {
  const data: Record<number, ReportData> = {};
  for (const year of YEARS) {
    const report = consistentReport(year === 2020 ? '2019' : '2021', 700 + year);
    report.title = `${year === 2021 ? '示例局' : AGENCY}${year}年政府信息公开工作年度报告`;
    report.published = PUBLISHED[year]!;
    data[year] = report;
  }
  for (const year of YEARS.slice(1)) {
    chainCarried(data[year - 1]!, data[year]!);
    // 2022: one more 自然人 request carried over than 2021 carried forward (2023 then follows 2022).
    if (year === 2022) bumpCarried(data[2022]!);
  }
  for (const year of [2022, 2023]) {
    for (const row of ['1.regulations', '1.normative']) {
      const now = data[year]!.active[row]!;
      now.in_force = (data[year - 1]!.active[row]!.in_force as number) + (now.issued as number) - (now.repealed as number);
    }
  }
  data[2023]!.active['1.normative']!.in_force = (data[2023]!.active['1.normative']!.in_force as number) + 4;
  return data;
}

/** This year's 上年结转 := last year's 结转, row 1 (and if need be row 4) adjusted so this year balances. */
function chainCarried(last: ReportData, now: ReportData): void {
  const carried = last.applications['4']!.slice(0, 6) as number[];
  const results = now.applications['3.7']!.slice(0, 6) as number[];
  const forward = (now.applications['4']!.slice(0, 6) as number[]).map((f, i) => Math.max(f, carried[i]! - results[i]!));
  setRow(now, '2', carried);
  setRow(now, '4', forward);
  setRow(now, '1', results.map((r, i) => r + forward[i]! - carried[i]!));
}

function bumpCarried(now: ReportData): void {
  const carried = now.applications['2']!.slice(0, 6) as number[];
  const forward = now.applications['4']!.slice(0, 6) as number[];
  carried[0] = carried[0]! + 1;
  forward[0] = forward[0]! + 1;
  setRow(now, '2', carried);
  setRow(now, '4', forward);
}

export const REPORT_PATHS: Record<number, string> = {
  2020: '/ndbg/202101/t20210121_1001.html', 2021: '/ndbg/202201/t20220126_2002.html',
  2022: '/ndbg/202302/t20230215_3003.html', 2023: '/ndbg/202401/t20240125_4004.html',
};
export const DEAD_PATH = '/ndbg/201901/t20190120_0009.html';
export const NOTICE_PATH = '/ndbg/tzgg/t20231201_5005.html';

export interface SitePage {
  body: string | Uint8Array;
  type?: string;
}

function reportPage(year: number, data: ReportData): SitePage {
  let html = renderHtml(data, 'word', { charset: year === 2021 ? 'gbk' : 'utf-8' }).replace(ORIGINAL[0], PROSE[year]![0]).replace(ORIGINAL[1], PROSE[year]![1]);
  if (year === 2023) {
    // A page with neither title nor date: the agency, year and date come from the list.
    html = html.replace(/<title>[^<]*<\/title>/, '<title>政府信息公开</title>').replace(/<p class="MsoNormal" align="center"[^]*?<\/p>/, '')
      .replace(/<div class="info">[^<]*<\/div>/, '');
  }
  if (year === 2021) return { body: iconv.encode(html, 'gbk'), type: 'text/html' };
  return { body: html };
}

function listPage(items: [string, string, string][], next: string | null): SitePage {
  const li = items.map(([href, text, date]) => `<li><a href="${href}" target="_blank">${text}</a><span class="date">${date}</span></li>`).join('\n');
  return {
    body: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>年度报告_测试市示例局</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/ndbg/index.html">政府信息公开年度报告</a></div>
<ul class="news-list">${li}</ul>
<div class="pager">${next ? `<a href="${next}">下一页</a>` : '<span>下一页</span>'}<a href="/ndbg/index.html">首页</a></div></body></html>`,
  };
}

/** The pages of the site by path. */
export function batchSite(): Map<string, SitePage> {
  const data = yearData();
  const pages = new Map<string, SitePage>();
  for (const year of YEARS) pages.set(REPORT_PATHS[year]!, reportPage(year, data[year]!));
  const title = (year: number) => `${AGENCY}${year}年政府信息公开工作年度报告`;
  pages.set('/ndbg/index.html', listPage([
    [REPORT_PATHS[2023]!, title(2023), LISTED[2023]!],
    [REPORT_PATHS[2022]!, title(2022), LISTED[2022]!],
    [NOTICE_PATH, '关于做好2023年度政府信息公开工作年度报告编制发布工作的通知', '2023-12-01'],
  ], '/ndbg/index_1.html'));
  pages.set('/ndbg/index_1.html', listPage([
    [REPORT_PATHS[2021]!, title(2021), LISTED[2021]!],
    [REPORT_PATHS[2020]!, title(2020), LISTED[2020]!],
    [DEAD_PATH, title(2018), '2019-01-20'],
    ['/ndbg/index.html', '年度报告', ''],
  ], null));
  pages.set(NOTICE_PATH, { body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title></head><body><h1>关于做好2023年度政府信息公开工作年度报告编制发布工作的通知</h1><p>各科室：请于2024年1月31日前完成年度报告编制。</p></body></html>` });
  return pages;
}
