import { relationRule } from './relations';

/** 对外公开总数量 counts every year, so it cannot be below this year's 本年新公开数量 (relation in formats/2019.ts). */
export default relationRule({ id: 'active.cumulative-below-new', severity: 'warning', formats: ['2019'] });
