import { renderHtml } from '../test/support/render';
import { consistentReport } from '../test/support/report-data';

/** 50 reports: ten agencies × five years (2019–2023), on one list page, prose partly repeated year to year. */
export function benchSite(): Map<string, { body: string }> {
  const pages = new Map<string, { body: string }>();
  const links: string[] = [];
  const agencies = ['发展和改革局', '教育局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局', '生态环境局', '住房和城乡建设局'];
  agencies.forEach((name, a) => {
    for (let year = 2019; year <= 2023; year += 1) {
      const data = consistentReport(year >= 2021 ? '2021' : '2019', a * 100 + year);
      data.title = `测试市${name}${year}年政府信息公开工作年度报告`;
      data.published = `${year + 1}-01-2${a % 9}`;
      // Half the agencies copy last year's prose (the duplicate-text rule then has work to do).
      const theme = a % 2 === 0 ? '围绕优化营商环境推进决策公开和政策解读工作' : `围绕${year}年度重点任务推进${['执行', '管理', '服务', '结果', '决策'][year % 5]}公开`;
      const html = renderHtml(data, a % 3 === 0 ? 'word' : 'cms')
        .replace('全年主动公开政府信息若干条，依申请公开工作依法办理。', `本年度${theme}，主动公开政府信息，依申请公开工作依法办理，并及时回应社会关切。`.repeat(3));
      const path = `/nb/${a}/${year}.html`;
      pages.set(path, { body: html });
      links.push(`<li><a href="${path}">${data.title}</a><span>${data.published}</span></li>`);
    }
  });
  pages.set('/nb/index.html', { body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body><ul>${links.join('\n')}</ul></body></html>` });
  return pages;
}
