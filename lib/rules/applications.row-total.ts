import { relationRule } from './relations';

/** 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他, in every row (relation in formats/shared.ts). */
export default relationRule({ id: 'applications.row-total', severity: 'error', formats: ['2019', '2021'] });
