import { describe, expect, it } from 'vitest';
import { auditText } from '../../../lib/audit';
import { auditHtml, flatten } from '../../support/audit';

describe('report.not-found', () => {
  it.each([
    ['an empty page', ''],
    ['a news article', '<html><body><h1>我市召开政务公开工作会议</h1><p>会议要求做好政府信息公开工作。</p></body></html>'],
    ['a page of unrelated tables', '<table><tr><td>姓名</td><td>电话</td></tr><tr><td>张三</td><td>123</td></tr></table>'.repeat(20)],
    ['a list of report links', '<ul><li><a>2020年政府信息公开工作年度报告</a></li></ul><table><tr><td>行政许可</td><td>3</td></tr></table>'],
    ['a 双公示 statistics table', '<table><tr><td>信息内容</td><td>数量</td></tr><tr><td>行政许可</td><td>1203</td></tr><tr><td>行政处罚</td><td>45</td></tr>'
      + '<tr><td>行政强制</td><td>3</td></tr><tr><td>规范性文件</td><td>12</td></tr><tr><td>行政事业性收费</td><td>8</td></tr></table>'],
  ])('%s is not a report', (_, html) => {
    const { result } = auditHtml(html);
    expect(result.report).toBe(false);
    expect(flatten(result.findings)).toEqual(['report.not-found - - - - -']);
  });

  it('binary junk in a text file is not a report and does not throw', () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65535)).join('');
    expect(auditText(junk).result.report).toBe(false);
  });
});
