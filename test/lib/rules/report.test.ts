import { describe } from 'vitest';
import { ruleCases } from '../../support/rule-cases';

describe('report.table-missing', () => {
  ruleCases('report.table-missing', {
    valid: ['2019', '2021'],
    invalid: [{ name: 'no appeals table', format: '2021', mutate: (d) => void (d.omit = ['appeals']), findings: ['report.table-missing appeals - - - -'] }],
  });
});

describe('report.row-missing', () => {
  ruleCases('report.row-missing', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'row 3.3.2 left out',
      format: '2019',
      mutate: (d) => {
        for (const row of ['3.3.2']) d.dropRows = [`applications/${row}`];
      },
      findings: ['report.row-missing applications 3.3.2 - - -'],
    }],
  });
});

describe('report.row-unknown', () => {
  ruleCases('report.row-unknown', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'an extra row the template lacks',
      format: '2021',
      mutate: (d) => void (d.extraRows = [{ table: 'active', label: '行政裁决', values: [3] }]),
      findings: ['report.row-unknown active - - - -'],
    }],
  });
});

describe('report.outdated-format', () => {
  ruleCases('report.outdated-format', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'a 2022 report in the 2019 format: both tables that show it',
      format: '2019',
      mutate: (d) => void (d.title = '测试市示例局2022年政府信息公开工作年度报告'),
      findings: ['report.outdated-format active - - 2021 2019', 'report.outdated-format applications 3.6 - 2021 2019'],
    }, {
      name: 'a 2023 report with the 2021 active table but the single 2019 （六）其他处理 row (洪泽区 2023/2024)',
      format: '2021',
      mutate: (d) => {
        const other = [0, 1, 2, 3, 4, 5, 6].map((i) => ['3.6.1', '3.6.2', '3.6.3'].reduce((sum, row) => sum + Number(d.applications[row]![i]), 0));
        for (const row of ['3.6.1', '3.6.2', '3.6.3']) delete d.applications[row];
        d.applications['3.6'] = other;
        d.other = 'single';
        d.title = '测试市示例局2023年政府信息公开工作年度报告';
      },
      findings: ['report.outdated-format applications 3.6 - 2021 2019'],
    }, {
      name: 'a 2020 report with the 2021 active columns',
      format: '2021',
      mutate: (d) => void (d.title = '测试市示例局2020年政府信息公开工作年度报告'),
      findings: ['report.outdated-format active - - 2019 2021'], // the three （六） sub-rows in a 2019 table are accepted
    }],
  });
});

describe('report.year-missing', () => {
  ruleCases('report.year-missing', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'a title with no year',
      format: '2021',
      mutate: (d) => void (d.title = '测试市示例局政府信息公开工作年度报告'),
      findings: ['report.year-missing - - - - -'],
    }],
  });
});

describe('report.section-missing', () => {
  ruleCases('report.section-missing', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'part 六 replaced by another heading; part 五 written differently still counts',
      format: '2019',
      mutate: (d) => {
        d.headings[4] = '5、存在的主要问题和改进情况';
        d.headings[5] = '六、下一步工作措施';
      },
      findings: ['report.section-missing - - - - -'],
    }],
  });
});

describe('report.table-blank', () => {
  ruleCases('report.table-blank', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'the appeals table published unfilled',
      format: '2021',
      mutate: (d) => void (d.appeals = d.appeals.map(() => '')),
      findings: ['report.table-blank appeals - - - -'],
    }],
  });
});

describe('report.column-missing', () => {
  ruleCases('report.column-missing', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'every applications row stops before 总计',
      format: '2019',
      shapes: ['cms', 'tsv'],
      mutate: (d) => {
        for (const row of Object.keys(d.applications)) d.applications[row] = d.applications[row]!.slice(0, 6);
      },
      findings: ['report.column-missing applications - total - -'],
    }],
  });
});

describe('text.placeholder', () => {
  ruleCases('text.placeholder', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'the heading keeps the template note',
      format: '2019',
      mutate: (d) => void (d.headings[3] = '四、政府信息公开行政复议、行政诉讼情况（建议咨询本级司法（法制）局或本单位政策法规部门填报）'),
      findings: ['text.placeholder - - - - -'],
    }, {
      name: 'a row label keeps the pasted definition',
      format: '2019',
      mutate: (d) => void (d.labels['active/1.regulations'] = '规章：地方行政规章指各省、自治区、直辖市的人民政府制定的规章'),
      findings: ['text.placeholder - - - - -'],
    }],
  });
});
