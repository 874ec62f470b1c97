import { describe, expect, it } from 'vitest';
import { hongze2024, huaian2024 } from '../../fixtures/real-reports';
import { flatten } from '../../support/audit';
import { clone } from '../../support/report-data';
import { auditEdited, PROSE } from './edited-page';

const SHAPES = ['word', 'cms', 'merged', 'lines', 'tsv'] as const;
const only = (findings: Parameters<typeof flatten>[0]) => flatten(findings.filter((f) => f.rule === 'report.section-empty'));
const parts = (findings: Parameters<typeof flatten>[0]) => findings.filter((f) => f.rule === 'report.section-empty').map((f) => f.data);

describe('report.section-empty', () => {
  it.each(SHAPES)('%s: parts with text are not empty', (shape) => {
    expect(only(auditEdited(huaian2024, shape).findings)).toEqual([]);
    expect(only(auditEdited(hongze2024, shape).findings)).toEqual([]);
  });

  it.each(SHAPES)('%s: part 五 emptied', (shape) => {
    const { findings, result } = auditEdited(huaian2024, shape, [[PROSE.problems, '']]);
    expect(only(findings)).toEqual(['report.section-empty - - - - -']);
    expect(parts(findings)).toEqual([{ part: 5, heading: '五、存在的主要问题及改进情况', state: 'section.blank' }]);
    expect(result.findings.find((f) => f.rule === 'report.section-empty')?.message).toBe('第5部分“五、存在的主要问题及改进情况”只有标题，没有内容');
  });

  it.each(SHAPES)('%s: part 五 says only 暂无; part 一 holds nothing', (shape) => {
    const { findings } = auditEdited(huaian2024, shape, [[PROSE.problems, '暂无。'], [PROSE.overview, '']]);
    expect(parts(findings)).toEqual([
      { part: 1, heading: '一、总体情况', state: 'section.blank' },
      { part: 5, heading: '五、存在的主要问题及改进情况', state: 'section.none' },
    ]);
  });

  it('text on the heading’s own line, or under a sub-heading repeating the part’s words, is text', () => {
    const sameLine = auditEdited(clone(huaian2024), 'cms', [[`<p>一、总体情况</p>\n<p>${PROSE.overview}</p>`, '<p>一、总体情况 2024年，我市依法公开政府信息。</p>']]);
    expect(only(sameLine.findings)).toEqual([]);
    const sub = auditEdited(clone(huaian2024), 'cms', [[PROSE.problems, `存在的主要问题</p><p>${PROSE.problems}`]]);
    expect(only(sub.findings)).toEqual([]);
  });

  it('无 on the heading’s own line counts; part 六 may say 无', () => {
    const inline = auditEdited(clone(huaian2024), 'cms', [[`<p>五、存在的主要问题及改进情况</p>\n<p>${PROSE.problems}</p>`, '<p>五、存在的主要问题及改进情况：无</p>']]);
    expect(parts(inline.findings)).toEqual([{ part: 5, heading: '五、存在的主要问题及改进情况：无', state: 'section.none' }]);
    const six = auditEdited(clone(huaian2024), 'cms', [[huaian2024.six!, '无']]);
    expect(only(six.findings)).toEqual([]);
  });
});
