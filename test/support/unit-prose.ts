/**
 * The prose of a unit's report (parts 一 and 五), written as county departments write it: the
 * agency's own name, its numbers, and sentences built from the measures units actually report, so
 * two units' reports share words and phrases (as real ones do) without being copies. A copy is another
 * unit's prose with the name and the numbers changed, as the 雷同 reports evaluators deduct for are.
 */
import { random } from './report-data';

const FOCUS = ['优化营商环境', '乡村振兴', '民生保障', '生态环境保护', '安全生产', '教育高质量发展', '医疗卫生服务', '城市更新', '社会救助', '就业创业',
  '重大项目建设', '基层治理', '文化旅游融合', '农村人居环境整治', '食品药品安全', '住房保障', '养老服务', '交通基础设施', '数字政府建设', '防汛抗旱'];
const CHANNEL = ['门户网站', '政务新媒体', '政务服务大厅', '新闻发布会', '政府公报', '公开查阅点', '村（社区）公开栏', '微信公众号'];
const MEASURE = ['编制公开事项标准目录并动态更新', '建立政策文件起草解读同步机制', '开设政策问答专栏', '落实重大行政决策公众参与程序',
  '完善依申请公开登记受理答复流程', '开展政务公开专题培训', '建立栏目内容巡查通报制度', '推行公开内容发布前审核', '做好建议提案办理结果公开',
  '规范行政执法公示', '加强公开数据集更新维护', '组织政府开放日活动', '推进公开专区标准化建设', '开展常态化栏目自查',
  '梳理现行有效规范性文件并集中公布', '在办事窗口设置政策咨询专席', '邀请利益相关方列席党组会议', '每季度发布政策执行评估报告',
  '对涉企收费清单实行动态管理', '将公开工作纳入年度绩效考核', '聘请政务公开社会监督员', '建立公开台账实行销号管理',
  '推动村务公开与政务公开衔接', '制作方言版政策解读音频', '在乡镇便民服务中心设置查阅终端', '开通政策咨询热线专号',
  '建立舆情回应快速响应机制', '按月公开重点项目建设进度', '公开专项资金分配和使用情况', '开展“政策进万家”宣讲活动'];
const PROBLEM = ['政策解读形式较为单一', '部分栏目更新不够及时', '公开内容的针对性有待增强', '依申请公开答复文书格式不够统一',
  '基层公开人员业务能力参差不齐', '公众参与的渠道和形式还不够丰富', '数据开放的深度和广度不够', '政务新媒体互动回应不够及时',
  '专项资金使用情况公开不够细化', '政策执行效果的公开还不充分', '部分信息发布不够规范', '重点领域公开标准落实不到位'];
const REMEDY = ['丰富图表和视频解读', '建立栏目巡查制度并每月通报', '围绕群众关切精准公开', '制定答复文书范本并开展业务培训',
  '加强队伍建设和业务指导', '拓展公众参与渠道', '推进数据资源开放共享', '完善留言办理和回应机制',
  '细化资金公开的颗粒度', '开展公开质量第三方评估', '严格执行信息发布审核制度', '对照标准目录逐项整改'];
/** Each sentence in several wordings, as different authors write the same kind of sentence. */
const OPENING = [
  (a: string, y: number, f1: string, f2: string) => `${y}年，${a}坚持以人民为中心的发展思想，围绕${f1}和${f2}等中心工作`,
  (a: string, y: number, f1: string, f2: string) => `${y}年，${a}认真贯彻落实上级关于政务公开的部署要求，聚焦${f1}、${f2}`,
  (a: string, y: number, f1: string, f2: string) => `过去一年，${a}把政务公开作为转变职能的重要抓手，紧扣${f1}，兼顾${f2}`,
  (a: string, y: number, f1: string, f2: string) => `${y}年以来，${a}按照县委县政府安排，以${f1}为重点，同步推进${f2}领域信息公开`,
];
const VOLUME = [
  (c1: string, c2: string, n: number, f: string, m: number) => `全年通过${c1}、${c2}等渠道主动公开政府信息${n}条，其中围绕${f}发布专题信息${m}条`,
  (c1: string, c2: string, n: number, f: string, m: number) => `依托${c1}和${c2}，累计发布各类信息${n}条，${f}方面的专题信息${m}条`,
  (c1: string, c2: string, n: number, f: string, m: number) => `本年度在${c1}发布信息${n}条，同步推送至${c2}，涉及${f}的有${m}条`,
];
const READING = [
  (a: string, n: number, c: string) => `在政策解读方面，${a}坚持“谁起草、谁解读”，全年发布政策解读材料${n}篇，并通过${c}回应社会关切`,
  (a: string, n: number, c: string) => `解读回应工作中，${a}对出台的重要文件做到应解尽解，共制作解读材料${n}件，利用${c}释疑解惑`,
  (a: string, n: number, c: string) => `${a}注重政策发布后的跟踪解读，全年开展解读${n}次，借助${c}及时澄清不实信息`,
];

function pick<T>(next: () => number, list: readonly T[], n: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return out;
}

export interface UnitProse {
  /** Part 一 (总体情况). */
  overview: string;
  /** Part 五 (存在的主要问题及改进情况). */
  problems: string;
}

/** A unit's own prose for a year: its name and numbers throughout, measures and problems of its own choosing. */
export function unitProse(agency: string, year: number, seed: number): UnitProse {
  const next = random(seed * 7919 + year);
  const n = (max: number) => 3 + Math.floor(next() * max);
  const [focus1, focus2, focus3] = pick(next, FOCUS, 3);
  const channels = pick(next, CHANNEL, 3);
  const measures = pick(next, MEASURE, 5);
  const problems = pick(next, PROBLEM, 2);
  const remedies = pick(next, REMEDY, 3);
  const docs = pick(next, FOCUS, 2).map((f) => `《${agency}关于推进${f}的实施意见》`);
  const overview = [
    `${OPENING[Math.floor(next() * OPENING.length)]!(agency, year, focus1!, focus2!)}，${measures[0]}，${measures[1]}。`,
    `${VOLUME[Math.floor(next() * VOLUME.length)]!(channels[0]!, channels[1]!, n(400), focus3!, n(60))}，重点公开了${docs.join('和')}等文件。`,
    `${READING[Math.floor(next() * READING.length)]!(agency, n(30), channels[2]!)}。`,
    `${measures[2]}，${measures[3]}，全年受理申请${n(50)}件。`,
    `此外，${measures[4]}，对${n(20)}个栏目开展了自查整改。`,
  ].join('');
  const problemText = [
    `${year}年，${agency}政务公开工作取得一定成效，但仍存在一些不足：一是${problems[0]}；二是${problems[1]}。`,
    `下一步，${agency}将${remedies[0]}，${remedies[1]}，同时${remedies[2]}，持续提升政务公开工作水平。`,
  ].join('');
  return { overview, problems: problemText };
}

/** Another unit's prose taken over: its name replaced by the copier's, every number changed, one clause reworded. */
export function copiedProse(original: UnitProse, from: string, to: string, seed: number): UnitProse {
  const next = random(seed);
  const renumber = (text: string) => text.split(from).join(to).replace(/\d+(?=(条|篇|次|件|个))/g, () => String(2 + Math.floor(next() * 90)));
  // Each copier rewords one clause its own way.
  const reworded = seed % 2 ? '个栏目进行了全面自查和整改' : '个栏目逐一开展了自查并整改到位';
  const overview = renumber(original.overview).replace('此外，', '另外，').replace(/个栏目开展了自查整改/, reworded);
  return { overview, problems: renumber(original.problems) };
}

/** The two paragraphs the test renderer writes (test/support/render.ts), which a unit's prose replaces. */
export const RENDERED = {
  overview: '本报告依据《中华人民共和国政府信息公开条例》编制。全年主动公开政府信息若干条，依申请公开工作依法办理。',
  problems: '一是公开内容还需进一步丰富；二是工作机制还需进一步完善。下一步将加强培训，提升公开质量。',
} as const;

/** A rendered page with its paragraphs replaced by a unit's prose. */
export function withProse(html: string, prose: UnitProse): string {
  if (!html.includes(RENDERED.overview) || !html.includes(RENDERED.problems)) throw new Error('the page has none of the rendered paragraphs to replace');
  return html.replace(RENDERED.overview, `本报告依据《中华人民共和国政府信息公开条例》编制。${prose.overview}`).replace(RENDERED.problems, prose.problems);
}
