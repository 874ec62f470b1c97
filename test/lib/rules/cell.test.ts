import { describe } from 'vitest';
import { setCell, setRow, zeroApplications } from '../../support/report-data';
import { ruleCases } from '../../support/rule-cases';

describe('cell.* (one classification per cell)', () => {
  ruleCases('cell', {
    valid: ['2019', '2021'],
    invalid: [
      {
        name: 'cell.empty: a blank count is a warning and is read as 0',
        format: '2021',
        mutate: (d) => void setCell(d, 'appeals', 'litigation.direct', 'pending', ''),
        findings: ['cell.empty appeals litigation.direct pending - -'],
      },
      {
        name: 'cell.none-mark: 无, — and / are read as 0',
        format: '2019',
        mutate: (d) => {
          zeroApplications(d);
          setRow(d, '3.3.1', [0, 0, 0, 0, 0, 0], '无');
          setRow(d, '3.3.2', [0, 0, 0, 0, 0, 0], '—');
          setRow(d, '3.3.3', [0, 0, 0, 0, 0, 0], '/');
        },
        findings: [
          'cell.none-mark applications 3.3.1 total - -',
          'cell.none-mark applications 3.3.2 total - -',
          'cell.none-mark applications 3.3.3 total - -',
        ],
      },
      {
        name: 'cell.placeholder: “左栏所有总计” in a total, with the row sum as expected',
        format: '2019',
        mutate: (d) => {
          zeroApplications(d);
          setRow(d, '1', [4, 1, 0, 0, 0, 0], '左栏所有总计');
          setRow(d, '3.1', [4, 1, 0, 0, 0, 0]);
          setRow(d, '3.7', [4, 1, 0, 0, 0, 0]);
        },
        findings: ['cell.placeholder applications 1 total 5 -'],
      },
      {
        name: 'cell.placeholder: “项目数量0” keeps its number',
        format: '2019',
        mutate: (d) => void setCell(d, 'active', '6.enforcement', 'previous', '项目数量0'),
        findings: ['cell.placeholder active 6.enforcement previous - 0'],
      },
      {
        name: 'cell.not-a-number: “见附件” where a number belongs',
        format: '2021',
        mutate: (d) => void setCell(d, 'active', '6.penalty', 'decisions', '见附件'),
        findings: ['cell.not-a-number active 6.penalty decisions - -'],
      },
      {
        name: 'cell.negative: a count below zero (a 本年增/减 change is exempt)',
        format: '2019',
        mutate: (d) => {
          setCell(d, 'active', '5.license', 'decisions', -3);
          setCell(d, 'active', '5.license', 'previous', 10);
          setCell(d, 'active', '5.license', 'change', -4);
        },
        findings: ['cell.negative active 5.license decisions - -3'],
      },
      {
        name: 'cell.not-integer: a count with a fraction (money is exempt)',
        format: '2021',
        mutate: (d) => {
          setCell(d, 'active', '5.license', 'decisions', 2.5);
          setCell(d, 'active', '8.fees', 'amount', '24252.311082');
        },
        findings: ['cell.not-integer active 5.license decisions - 2.5'],
      },
    ],
  });
});
