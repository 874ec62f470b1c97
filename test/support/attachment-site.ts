import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '../e2e/server';
import { sharedPath } from './shared';

/**
 * A local 年报 column whose report pages hold only a title and a download link, as many agencies
 * publish: 洪泽区 2024 and 2023 as their real PDFs (2023: exactly two appeals.total errors, per
 * MANIFEST.md; 2024 continues 2023), and 2022 as an encrypted PDF linked as 点击下载.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const pdf = (file: string): Page => ({ body: readFileSync(file), type: 'application/pdf' });
const html = (title: string, body: string): Page => ({
  body: `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`,
});
const reportPage = (year: number, link: string) => html(`淮安市洪泽区人民政府${year}年政府信息公开工作年度报告`,
  `<h1>淮安市洪泽区人民政府${year}年政府信息公开工作年度报告</h1><p>${link}</p>`);

export const ATTACHMENT_LIST = '/xxgk/nb/index.html';
export const ATTACHMENT_PAGES: Record<number, string> = { 2024: '/xxgk/nb/2024.html', 2023: '/xxgk/nb/2023.html', 2022: '/xxgk/nb/2022.html' };
export const ATTACHMENT_FILES: Record<number, string> = { 2024: '/files/hzq2024.pdf', 2023: '/files/hzq2023.pdf', 2022: '/files/hzq2022.pdf' };

export function attachmentSite(): Map<string, Page> {
  const item = (year: number, date: string) => `<li><a href="${ATTACHMENT_PAGES[year]}">洪泽区人民政府${year}年政府信息公开工作年度报告</a><span>${date}</span></li>`;
  return new Map<string, Page>([
    [ATTACHMENT_LIST, html('年度报告', `<ul>${item(2024, '2025-01-20')}${item(2023, '2024-01-22')}${item(2022, '2023-01-18')}</ul>`)],
    [ATTACHMENT_PAGES[2024]!, reportPage(2024, `附件：<a href="${ATTACHMENT_FILES[2024]}">2024年年度报告.pdf</a>`)],
    [ATTACHMENT_PAGES[2023]!, reportPage(2023, `附件：<a href="${ATTACHMENT_FILES[2023]}">2023年年度报告.pdf</a>`)],
    [ATTACHMENT_PAGES[2022]!, reportPage(2022, `<a href="${ATTACHMENT_FILES[2022]}">点击下载</a>`)],
    [ATTACHMENT_FILES[2024]!, pdf(sharedPath('fixtures/real/hongze-district-huaian-2024.pdf'))],
    [ATTACHMENT_FILES[2023]!, pdf(sharedPath('fixtures/real/hongze-district-huaian-2023.pdf'))],
    [ATTACHMENT_FILES[2022]!, pdf(join(ROOT, 'test/fixtures/documents/encrypted.writer.pdf'))],
  ]);
}
