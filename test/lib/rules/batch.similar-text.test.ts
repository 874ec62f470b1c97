import { describe } from 'vitest';
import { ruleCases } from '../../support/rule-cases';

describe('batch.similar-text', () => {
  ruleCases('batch.similar-text', {
    valid: ['2019', '2021'],
    invalid: [{
      name: 'TODO: one fact changed in a real-shaped report',
      format: '2021',
      mutate: () => undefined,
      // The exact findings, flattened: 'batch.similar-text table row column expected actual'.
      findings: [],
    }],
  });
});
