import { relationRule } from './relations';

/** The template's own 勾稽关系: 第一项加第二项之和，等于第三项加第四项之和, in every column (relation in formats/shared.ts). */
export default relationRule({ id: 'applications.balance', severity: 'error', formats: ['2019', '2021'] });
