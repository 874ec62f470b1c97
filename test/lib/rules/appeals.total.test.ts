import { describe } from 'vitest';
import { setCell } from '../../support/report-data';
import { ruleCases } from '../../support/rule-cases';

describe('appeals.total', () => {
  ruleCases('appeals.total', {
    valid: ['2019', '2021'],
    invalid: [
      {
        name: '行政复议 10 + 1 but 总计 0, 复议后起诉 5 but 总计 0 (the 洪泽区 2023 report)',
        format: '2021',
        mutate: (d) => {
          d.appeals = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
        },
        findings: ['appeals.total appeals reconsideration total 11 0', 'appeals.total appeals litigation.after_reconsideration total 5 0'],
      },
      {
        name: 'a blank 总计 beside a pending case (2019)',
        format: '2019',
        mutate: (d) => {
          d.appeals = [0, 0, 0, 0, 0, 0, 0, 0, 2, '', 0, 0, 0, 0, 0];
        },
        findings: ['appeals.total appeals litigation.direct total 2 0'],
      },
      {
        name: 'counts in full-width digits are read (272 vs 271)',
        format: '2019',
        shapes: ['fullwidth', 'spans', 'tsv'],
        mutate: (d) => {
          setCell(d, 'appeals', 'reconsideration', 'upheld', 200);
          setCell(d, 'appeals', 'reconsideration', 'corrected', 72);
          setCell(d, 'appeals', 'reconsideration', 'other', 0);
          setCell(d, 'appeals', 'reconsideration', 'pending', 0);
          setCell(d, 'appeals', 'reconsideration', 'total', 271);
        },
        findings: ['appeals.total appeals reconsideration total 272 271'],
      },
    ],
  });
});
