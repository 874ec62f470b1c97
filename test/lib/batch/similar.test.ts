import { describe, expect, it } from 'vitest';
import { candidatePairs, clausesOf, compare, findSimilar, reduce, SIMILAR_THRESHOLD, type ProseItem } from '../../../lib/batch/similar';
import { copiedProse, unitProse } from '../../support/unit-prose';

const item = (agency: string, texts: readonly string[], year = 2024): ProseItem => ({ source: `https://www.test.gov.cn/${agency}.html`, agency, year, texts });
const own = (agency: string, seed: number, year = 2024) => {
  const prose = unitProse(agency, year, seed);
  return item(agency, [prose.overview, prose.problems], year);
};
const copy = (from: string, seed: number, to: string, copier: number) => {
  const prose = copiedProse(unitProse(from, 2024, seed), from, to, copier);
  return item(to, [prose.overview, prose.problems]);
};

describe('similar: what is compared', () => {
  it('leaves out the agency’s own name (and its name without the place), every number and the template’s sentences', () => {
    const clauses = clausesOf(item('测试县教育局', [
      '本报告依据《中华人民共和国政府信息公开条例》编制。', // the template's standard sentence
      '2024年，测试县教育局围绕教育高质量发展，主动公开政府信息123条，县教育局网站更新专题二十个。',
    ]));
    expect(clauses.map((c) => c.key)).toEqual(['围绕教育高质量发展', '主动公开政府信息条', '网站更新专题个']);
    expect(clauses.map((c) => c.text)).toEqual(['测试县教育局围绕教育高质量发展，', '主动公开政府信息123条，', '县教育局网站更新专题二十个。']);
  });

  it('finds another unit’s prose with the name and the numbers changed and one clause reworded: over 90% of each', () => {
    const a = reduce(clausesOf(own('测试县人力资源和社会保障局', 5)));
    const b = reduce(clausesOf(copy('测试县人力资源和社会保障局', 5, '测试县自然资源局', 1)));
    const { shares, passages } = compare(a, b);
    expect(shares[0]).toBeGreaterThan(0.9);
    expect(shares[1]).toBeGreaterThan(0.9);
    expect(shares[0]).toBeLessThan(1); // the reworded clause is not shared
    // Passages quote each report in its own words: its own name and numbers.
    expect(passages[0][0]).toContain('测试县人力资源和社会保障局');
    expect(passages[1][0]).toContain('测试县自然资源局');
  });

  it('does not pair unrelated units that write to one brief, whatever their shared wording', () => {
    const units = Array.from({ length: 40 }, (_, i) => own(`测试县第${i + 1}号局`, 100 + i));
    expect(findSimilar(units).similar.filter(Boolean)).toEqual([]);
  });
});

describe('similar: pairs and clusters in a batch', () => {
  const county = [
    own('测试县发展和改革局', 1), own('测试县教育局', 2), own('测试县公安局', 3), own('测试县人力资源和社会保障局', 5),
    copy('测试县人力资源和社会保障局', 5, '测试县自然资源局', 1), copy('测试县人力资源和社会保障局', 5, '测试县卫生健康委员会', 2),
    own('测试县民政局', 6), copy('测试县民政局', 6, '测试县司法局', 3), own('测试县财政局', 7),
  ];

  it('makes three reports of one prose one cluster, and a copied pair a group of two, each report naming the others', () => {
    const { similar } = findSimilar(county);
    const summary = similar.map((s, i) => (s ? `${county[i]!.agency} ${s.group} ${s.peers.map((p) => p.agency).join('+')}` : null)).filter(Boolean);
    expect(summary).toEqual([
      '测试县人力资源和社会保障局 1 测试县自然资源局+测试县卫生健康委员会',
      '测试县自然资源局 1 测试县人力资源和社会保障局+测试县卫生健康委员会',
      '测试县卫生健康委员会 1 测试县人力资源和社会保障局+测试县自然资源局',
      '测试县民政局 2 测试县司法局',
      '测试县司法局 2 测试县民政局',
    ]);
    for (const s of similar.filter((x) => x !== null)) expect(s.share).toBeGreaterThan(SIMILAR_THRESHOLD);
  });

  it('leaves one agency’s own years to crossyear.duplicate-text', () => {
    const last = own('测试县教育局', 2, 2023);
    const same = { ...item('县教育局', last.texts), year: 2024 };
    expect(findSimilar([last, same, own('测试县公安局', 3)]).similar).toEqual([null, null, null]);
  });

  it('diffs only candidate pairs: a column of 200 with 4 copies compares a handful, not 19,900', () => {
    const units = Array.from({ length: 200 }, (_, i) => own(`测试市第${i + 1}号局`, 300 + i));
    for (const k of [0, 1, 2, 3]) units[k * 50 + 1] = copy(units[k * 50]!.agency!, 300 + k * 50, `测试市第${k * 50 + 2}号局`, k);
    const run = findSimilar(units);
    expect(run.similar.filter(Boolean).length).toBe(8);
    expect(run.compared).toBeLessThan(40);
    const pairs = candidatePairs(units.map((u) => reduce(clausesOf(u))), units.map((u) => u.agency));
    expect(pairs.length).toBe(run.compared);
  });
});
