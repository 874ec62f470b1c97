import { describe } from 'vitest';
import { setRow, zeroApplications } from '../../support/report-data';
import { ruleCases } from '../../support/rule-cases';

describe('applications.results-total', () => {
  ruleCases('applications.results-total', {
    valid: ['2019', '2021'],
    invalid: [
      {
        name: '（七）总计 of 自然人 two above the results (2019)',
        format: '2019',
        mutate: (d) => {
          zeroApplications(d);
          setRow(d, '1', [5, 0, 0, 0, 0, 0]);
          setRow(d, '3.1', [3, 0, 0, 0, 0, 0]);
          setRow(d, '3.4.1', [2, 0, 0, 0, 0, 0]);
          setRow(d, '3.7', [7, 0, 0, 0, 0, 0], 5);
        },
        findings: ['applications.results-total applications 3.7 natural 5 7'],
      },
      {
        name: 'a sub-row of （六） counted in no total (2021)',
        format: '2021',
        mutate: (d) => {
          zeroApplications(d);
          setRow(d, '1', [14, 0, 0, 0, 0, 0]);
          setRow(d, '3.1', [14, 0, 0, 0, 0, 0]);
          setRow(d, '3.6.3', [4, 0, 0, 0, 0, 0]);
          setRow(d, '3.7', [14, 0, 0, 0, 0, 0]);
        },
        findings: [
          'applications.results-total applications 3.7 natural 18 14',
          'applications.results-total applications 3.7 total 18 14',
        ],
      },
    ],
  });
});
