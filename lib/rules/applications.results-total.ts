import { relationRule } from './relations';

/** （七）总计 = the sum of every result row (3.1 … 3.6), in every column (relation in formats/shared.ts). */
export default relationRule({ id: 'applications.results-total', severity: 'error', formats: ['2019', '2021'] });
