import { relationRule } from './relations';

/** 现行有效件数 is expected to be at least 本年制发件数 − 本年废止件数 (documents can lapse, so a warning; relation in formats/2021.ts). */
export default relationRule({ id: 'active.in-force', severity: 'warning', formats: ['2021'] });
