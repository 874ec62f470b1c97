import { relationRule } from './relations';

/** 上一年项目数量 + 本年增/减 cannot fall below zero (relation in formats/2019.ts). */
export default relationRule({
  id: 'active.projects-negative',
  severity: 'error',
  formats: ['2019'],
  data: ({ values }) => ({ previous: values.previous!, sum: values.previous! + values.change! }),
});
