import { describe } from 'vitest';
import { ruleCases } from '../../support/rule-cases';

describe('applications.row-total', () => {
  ruleCases('applications.row-total', {
    valid: ['2019', '2021'],
    invalid: [
      {
        name: 'row 3.4.1: 自然人 10 but 总计 9 (2021)',
        format: '2021',
        mutate: (d) => void (d.applications['3.4.1'] = [10, 0, 0, 0, 0, 0, 9]),
        findings: ['applications.row-total applications 3.4.1 total 10 9'],
      },
      {
        name: 'a blank 总计 next to non-zero cells still breaks the row (2019)',
        format: '2019',
        mutate: (d) => void (d.applications['3.2'] = [3, 1, 0, 0, 0, 0, '']),
        findings: ['applications.row-total applications 3.2 total 4 0'],
      },
      {
        name: 'a placeholder total skips the relationship (cell.placeholder reports it)',
        format: '2019',
        mutate: (d) => void (d.applications['1'] = [5, 0, 0, 0, 0, 0, '左栏所有总计']),
        findings: [],
      },
    ],
  });
});
