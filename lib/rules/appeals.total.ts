import { relationRule } from './relations';

/** In each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (relation in formats/shared.ts). */
export default relationRule({ id: 'appeals.total', severity: 'error', formats: ['2019', '2021'] });
