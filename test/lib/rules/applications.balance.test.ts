import { describe } from 'vitest';
import { setRow, zeroApplications } from '../../support/report-data';
import { ruleCases } from '../../support/rule-cases';

describe('applications.balance', () => {
  ruleCases('applications.balance', {
    valid: ['2019', '2021'],
    invalid: [
      {
        name: '90 new + 2 carried ≠ 90 processed + 0 carried forward (2019)',
        format: '2019',
        mutate: (d) => {
          zeroApplications(d);
          setRow(d, '1', [90, 0, 0, 0, 0, 0]);
          setRow(d, '2', [2, 0, 0, 0, 0, 0]);
          setRow(d, '3.1', [90, 0, 0, 0, 0, 0]);
          setRow(d, '3.7', [90, 0, 0, 0, 0, 0]);
        },
        findings: ['applications.balance applications 3.7 natural 92 90', 'applications.balance applications 3.7 total 92 90'],
      },
      {
        name: 'one 法律服务机构 application carried forward that never arrived (2021)',
        format: '2021',
        mutate: (d) => {
          zeroApplications(d);
          setRow(d, '1', [3, 0, 0, 0, 0, 0]);
          setRow(d, '3.1', [3, 0, 0, 0, 0, 0]);
          setRow(d, '3.7', [3, 0, 0, 0, 0, 0]);
          setRow(d, '4', [0, 0, 0, 0, 1, 0]);
        },
        findings: ['applications.balance applications 3.7 legal 0 1', 'applications.balance applications 3.7 total 3 4'],
      },
    ],
  });
});
