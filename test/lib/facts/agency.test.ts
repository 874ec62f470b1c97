import { describe, expect, it } from 'vitest';
import { agencyFromText, agencyKey, decideAgency, publisherAgency, sameAgency } from '../../../lib/facts/agency';
import { agencyGroups, auditOrder, previousYearIndex } from '../../../lib/batch/pair';

describe('agencyFromText', () => {
  it.each([
    ['福州市公安局2021年政府信息公开工作年度报告', '福州市公安局'],
    ['2022年度福州市鼓楼区人民政府政府信息公开工作年度报告', '福州市鼓楼区人民政府'],
    ['平潭综合实验区管委会2020年政府信息公开工作年度报告', '平潭综合实验区管委会'],
    ['关于福清市人民政府办公室2023年政府信息公开工作年度报告', '福清市人民政府办公室'],
    ['国家税务总局福州市税务局2021年政府信息公开工作年度报告', '国家税务总局福州市税务局'],
    ['长乐区教育局 2019年政府信息公开工作年度报告', '长乐区教育局'],
    ['【2021年】闽侯县人民政府政务公开工作年度报告', '闽侯县人民政府'],
    ['二〇二一年度连江县卫生健康局政府信息公开工作年度报告', '连江县卫生健康局'],
    ['2020年政府信息公开工作年度报告', null],
    ['通知公告', null],
    [null, null],
  ])('%s → %s', (text, agency) => {
    expect(agencyFromText(text)).toBe(agency);
  });
});

describe('publisherAgency: the agency a page\'s metadata names (发布机构, ContentSource, 来源)', () => {
  it.each([
    [['沭阳县发展和改革局'], '沭阳县发展和改革局'],
    [['平潭综合实验区管委会办公室'], '平潭综合实验区管委会'], // the office that posts a government's pages names the government
    [['沭阳县人民政府办公室'], '沭阳县人民政府'],
    [['福州市 公安局'], '福州市公安局'],
    [['本网', '平潭时报', '中国上海门户网站', '平潭综合实验区经济发展局'], '平潭综合实验区经济发展局'], // the site and a newspaper name no agency
    [['原创', '2024-01-17'], null],
    [[], null],
    [undefined, null],
  ])('%j → %s', (names, agency) => {
    expect(publisherAgency(names)).toBe(agency);
  });

  it('decideAgency: the title first, then the list\'s link text, then the metadata', () => {
    const publishers = ['平潭综合实验区经济发展局'];
    expect(decideAgency({ title: '平潭综合实验区2024年政府信息公开工作年度报告', linkText: '某局2024年年度报告', publishers })).toBe('平潭综合实验区');
    expect(decideAgency({ title: '2024年政府信息公开工作年度报告', linkText: '闽侯县人民政府2024年政府信息公开工作年度报告', publishers })).toBe('闽侯县人民政府');
    expect(decideAgency({ title: '2024年政府信息公开工作年度报告', linkText: '年度报告（3）', publishers })).toBe('平潭综合实验区经济发展局');
    expect(decideAgency({ title: null, linkText: null, publishers: [] })).toBeNull();
  });
});

describe('sameAgency', () => {
  it.each([
    ['平潭综合实验区', '平潭综合实验区管委会'],
    ['平潭综合实验区管理委员会', '平潭综合实验区管委会'],
    ['福州市人民政府', '福州市政府'],
    ['福建省福州市公安局', '福州市公安局'],
    ['福州市公安局', '市公安局'],
    ['福州市鼓楼区人民政府', '鼓楼区人民政府'],
    ['闽侯县人民政府办公室', '闽侯县政府办'],
    ['闽侯县人民政府办公室', '闽侯县 人民政府办公室'],
    ['福州市鼓楼区人民政府', '福州市鼓楼区人民政府'],
  ])('%s = %s', (a, b) => {
    expect(sameAgency(a, b)).toBe(true);
    expect(sameAgency(b, a)).toBe(true);
  });

  it.each([
    ['闽侯县人民政府', '闽侯县人民政府办公室'],
    ['福州市公安局', '福州市公安局鼓楼分局'],
    ['福州市公安局', '厦门市公安局'],
    ['福州市教育局', '福州市鼓楼区教育局'],
    ['福州市人民政府', '福州市鼓楼区人民政府'],
    ['连江县卫生健康局', '连江县医疗保障局'],
    ['平潭综合实验区', '平潭综合实验区经济发展局'],
    ['市教育局', '闽侯县教育局'],
    ['福州市发展和改革委员会', '福州市委'],
  ])('%s ≠ %s', (a, b) => {
    expect(sameAgency(a, b)).toBe(false);
    expect(sameAgency(b, a)).toBe(false);
  });

  it('names nobody from nothing', () => {
    expect(sameAgency(null, '福州市公安局')).toBe(false);
    expect(agencyKey('福州市 人民政府（办公厅）')).toBe('福州市政府办公厅');
  });
});

describe('pairing by agency and year', () => {
  it('pairs consecutive years of one agency across name variants and keeps agencies apart', () => {
    const items = [
      { agency: '平潭综合实验区管委会', year: 2022 },
      { agency: '平潭综合实验区', year: 2021 },
      { agency: '平潭综合实验区管理委员会', year: 2020 },
      { agency: '闽侯县人民政府办公室', year: 2021 },
      { agency: '闽侯县人民政府', year: 2020 },
      { agency: '闽侯县人民政府', year: 2022 },
      { agency: null, year: 2021 },
      { agency: '平潭综合实验区', year: null },
    ];
    expect(previousYearIndex(items)).toEqual([1, 2, null, null, null, null, null, null]);
  });

  it('does not let a short form bridge two agencies', () => {
    const items = [
      { agency: '福州市公安局', year: 2021 },
      { agency: '市公安局', year: 2020 },
      { agency: '厦门市公安局', year: 2020 },
    ];
    const groups = agencyGroups(items);
    expect(groups[0]).not.toBe(groups[2]);
    expect(groups[1]).not.toBe(groups[0]);
    expect(previousYearIndex(items)).toEqual([null, null, null]);
  });

  it('joins a short form to the one agency it abbreviates, up the chain', () => {
    const items = [
      { agency: '市公安局', year: 2021 },
      { agency: '福州市公安局', year: 2020 },
      { agency: '福建省福州市公安局', year: 2019 },
    ];
    expect(previousYearIndex(items)).toEqual([1, 2, null]);
  });

  it('audits earlier years first and takes an agency-year once', () => {
    const items = [{ agency: 'A局', year: 2022 }, { agency: 'A局', year: 2021 }, { agency: 'A局', year: 2021 }];
    expect(auditOrder(items)).toEqual([1, 2, 0]);
    expect(previousYearIndex(items)).toEqual([1, null, null]);
  });
});
