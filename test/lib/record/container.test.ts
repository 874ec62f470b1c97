// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../../lib/audit';
import { containerSources, datesIn, reportContainer } from '../../../lib/record/container';
import { renderHtml } from '../../support/render';
import { firstPublication, redated } from '../../support/republished';

function container(html: string): Element | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const audit = auditDocument<Element>(doc);
  return reportContainer(containerSources(audit.report).map((src) => audit.elements[src]));
}

describe('the report container a live page is hashed by', () => {
  it('holds the report’s cells and title, not the site’s menus', () => {
    const held = container(renderHtml(firstPublication(), 'cms'))!;
    expect(held.querySelectorAll('table').length).toBeGreaterThanOrEqual(3);
    expect(held.textContent).toContain('测试县交通运输局2023年政府信息公开工作年度报告');
    expect(held.textContent).not.toContain('首页');
  });

  it('finds the 发布日期 line in the ways pages write a date', () => {
    expect(datesIn('发布日期：2024-01-19\u3000来源：测试市示例局')).toEqual(['2024-01-19']);
    expect(datesIn('发布时间： 2024年1月9日 09:30')).toEqual(['2024-01-09']);
    expect(datesIn('2024/01/19')).toEqual(['2024-01-19']);
    expect(datesIn('统计期限自2023年1月1日起至2023年12月31日止')).toEqual(['2023-01-01', '2023-12-31']);
    expect(datesIn(renderHtml(redated(), 'cms'))).toContain('2024-01-24');
  });

  it('is the nearest element holding them all', () => {
    const doc = new DOMParser().parseFromString('<nav><a>首页</a></nav><div id="art"><h1>t</h1><div id="c"><p id="a">1</p><p id="b">2</p></div></div>', 'text/html');
    const at = (id: string) => doc.getElementById(id)!;
    expect(reportContainer([at('a'), at('b')])).toBe(at('c'));
    expect(reportContainer([at('a'), doc.querySelector('h1')!])).toBe(at('art'));
    expect(reportContainer([])).toBeNull();
  });
});
