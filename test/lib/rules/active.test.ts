import { describe } from 'vitest';
import { setCell } from '../../support/report-data';
import { ruleCases } from '../../support/rule-cases';

describe('active.projects-negative', () => {
  ruleCases('active.projects-negative', {
    valid: ['2019'],
    invalid: [{
      name: '上一年 5 and 本年增/减 −7',
      format: '2019',
      mutate: (d) => {
        setCell(d, 'active', '6.penalty', 'previous', 5);
        setCell(d, 'active', '6.penalty', 'change', '-7');
      },
      findings: ['active.projects-negative active 6.penalty change -5 -7'],
    }],
  });
});

describe('active.cumulative-below-new', () => {
  ruleCases('active.cumulative-below-new', {
    valid: ['2019'],
    invalid: [{
      name: '对外公开总数量 3 below 本年新公开数量 8',
      format: '2019',
      mutate: (d) => {
        setCell(d, 'active', '1.normative', 'published', 8);
        setCell(d, 'active', '1.normative', 'cumulative', 3);
      },
      findings: ['active.cumulative-below-new active 1.normative cumulative 8 3'],
    }],
  });
});

describe('active.in-force', () => {
  ruleCases('active.in-force', {
    valid: ['2021'],
    invalid: [{
      name: '现行有效 1 below 制发 5 − 废止 0',
      format: '2021',
      mutate: (d) => {
        setCell(d, 'active', '1.normative', 'issued', 5);
        setCell(d, 'active', '1.normative', 'repealed', 0);
        setCell(d, 'active', '1.normative', 'in_force', 1);
      },
      findings: ['active.in-force active 1.normative in_force 5 1'],
    }],
  });
});

describe('active.procurement', () => {
  ruleCases('active.procurement', {
    valid: ['2019'],
    invalid: [{
      name: 'three projects and no money',
      format: '2019',
      mutate: (d) => {
        setCell(d, 'active', '9.procurement', 'projects', 3);
        setCell(d, 'active', '9.procurement', 'amount', 0);
      },
      findings: ['active.procurement active 9.procurement amount - 0'],
    }],
  });
});

describe('active.money', () => {
  ruleCases('active.money', {
    valid: ['2019', '2021'],
    invalid: [
      {
        name: 'a unit written in the cell is read, not flagged (“251000元”)',
        format: '2019',
        mutate: (d) => {
          setCell(d, 'active', '9.procurement', 'projects', 2);
          setCell(d, 'active', '9.procurement', 'amount', '251000元');
        },
        findings: [],
      },
      {
        name: 'text and negative amounts are flagged',
        format: '2021',
        mutate: (d) => void setCell(d, 'active', '8.fees', 'amount', '详见附件'),
        findings: ['active.money active 8.fees amount - -'],
      },
      {
        name: 'a negative amount',
        format: '2021',
        mutate: (d) => void setCell(d, 'active', '8.fees', 'amount', '-12.5'),
        findings: ['active.money active 8.fees amount - -12.5'],
      },
    ],
  });
});
