import { type RuleSetInput } from './rule-set';

/** The tables of 002: the grid head's money rules, the community and department tables, and 站前's. */

const STREET = ['street_staff'] as const;
const COMMUNITY_OR_STREET = ['community_staff', 'street_staff'] as const;

/** 002 L49, L56: "优秀(95分以上)、良好(85-94分)、合格(65-84分)和不合格(65分以下)". */
const GRADES_002 = [
  { label: '优秀', atLeast: 95 },
  { label: '良好', atLeast: 85 },
  { label: '合格', atLeast: 65 },
  // "65分以下": every lower total, even one pulled below zero by 不封顶 deductions.
  { label: '不合格', atLeast: -10000 },
];

/** 002 L22–29: 网格室主任 paid in 元 by the month's real work. */
export const RULE_SET_002_GRID_HEAD: RuleSetInput = {
  id: 'seed-002-grid-head-yuan',
  name: '网格室主任实绩奖惩(元)',
  unit: '元',
  subject: 'worker',
  source: '002 L22–29',
  items: [
    // The hour a day shows in the patrol track; whether the log is neat and detailed is a judgement.
    { id: 'patrol_log', kind: 'manual', title: '每天巡查不少于1小时,网格日志工整详细', max: 50, scoredBy: [...COMMUNITY_OR_STREET], source: '002 L23 奖50元/月' },
    { id: 'valid_info', kind: 'threshold', title: '每月累计提供有效信息20条以上', atLeast: 20, award: 50, from: { metric: 'info.validItems' }, source: '002 L24 奖50元/月' },
    { id: 'resolved', kind: 'perCount', title: '自主解释、解决居民意见并得到认可', perUnit: 10, from: { metric: 'cases.resolvedAcknowledged' }, source: '002 L25 奖10元/例' },
    { id: 'inspections_hosted', kind: 'perCount', title: '接受上级检查及参观学习', perUnit: 50, from: { enteredBy: [...COMMUNITY_OR_STREET] }, source: '002 L26 奖50元/次' },
    { id: 'meetings', kind: 'perCount', title: '参加社区、街道网格调度会', perUnit: 20, from: { metric: 'meetings.attended' }, source: '002 L27 奖20元/次' },
    { id: 'missed_patrol', kind: 'perCount', title: '漏巡负责小区', perUnit: -50, from: { metric: 'patrol.missedDays' }, source: '002 L28 罚50元/次' },
    { id: 'unreported', kind: 'perCount', title: '重大事项未及时上报社区', perUnit: -50, from: { enteredBy: [...COMMUNITY_OR_STREET] }, source: '002 L29 罚50元/次' },
  ],
};

/** 002 L30–50: 社区及网格挂点人员, 100 points. */
export const RULE_SET_002_COMMUNITY: RuleSetInput = {
  id: 'seed-002-community-100',
  name: '社区网格化管理考核(百分制)',
  unit: '分',
  subject: 'community',
  source: '002 L30–50',
  items: [
    { id: 'weekly_referral', kind: 'perMiss', title: '每周五以交办函上报解决不了的事件', max: 10, deductPerMiss: 0.5, from: { enteredBy: [...STREET] }, source: '002 L32 共10分,每少一次扣0.5分,扣完为止' },
    { id: 'weekly_meeting', kind: 'perMiss', title: '每周五组织网格工作通报、调度并签到', max: 10, deductPerMiss: 0.5, from: { enteredBy: [...STREET] }, source: '002 L33 共10分,每少一次扣0.5分,扣完为止' },
    { id: 'supervision', kind: 'perMiss', title: '监督检查网格室主任日常工作并通知参加街道调度会', max: 10, deductPerMiss: 0.5, from: { enteredBy: [...STREET] }, source: '002 L34 共计10分,每少一次扣0.5分,扣完为止' },
    { id: 'info_entry', kind: 'manual', title: '居民信息电子录入、更新与年底封存', max: 10, scoredBy: [...STREET], source: '002 L35 共计10分' },
    { id: 'joint_patrol', kind: 'perMiss', title: '安排挂点人员每周五下午共同巡查', max: 10, deductPerMiss: 0.5, from: { enteredBy: [...STREET] }, source: '002 L36 共计10分,每少一次扣0.5分,扣完为止' },
    { id: 'on_time', kind: 'rateSteps', title: '上报信息及时处理率及限时办结并反馈率', max: 10, targetPercent: 95, stepPercent: 5, deductPerStep: 0.5, from: { metric: 'cases.onTimeRate' }, source: '002 L37 95%以上得10分,每少5%扣0.5分,扣完为止' },
    { id: 'major_report', kind: 'uncapped', title: '重大事项及时上报街道', max: 10, deductPerCase: 5, from: { enteredBy: [...STREET] }, source: '002 L38 得10分,未及时上报扣5分/例,不封顶' },
    { id: 'satisfaction', kind: 'rateSteps', title: '网格工作满意度', max: 10, targetPercent: 90, stepPercent: 5, deductPerStep: 0.5, from: { metric: 'cases.satisfaction' }, source: '002 L39–41 满意率90%以上得10分,每少5%扣0.5分;满意率=满意票/抽样总票数' },
    { id: 'leaders', kind: 'manual', title: '领导综合评价', max: 20, scoredBy: [...STREET], source: '002 L42 共20分,《社区网格化管理领导综合评分表》' },
    {
      id: 'honours',
      kind: 'listed',
      title: '奖励加分(荣誉称号)',
      direction: 'bonus',
      options: [
        { id: 'national', label: '国家级荣誉', points: 30 },
        { id: 'ministry', label: '部委荣誉', points: 25 },
        { id: 'province', label: '省级荣誉', points: 20 },
        { id: 'province_dept', label: '省级部门荣誉', points: 15 },
        { id: 'city', label: '地市级荣誉', points: 10 },
        { id: 'county', label: '县市级荣誉', points: 10 },
        { id: 'county_dept', label: '县市级相关部门荣誉', points: 5 },
      ],
      scoredBy: [...STREET],
      source: '002 L43–47',
    },
    {
      id: 'inspections',
      kind: 'listed',
      title: '惩罚扣分(上级检查发现问题)',
      direction: 'penalty',
      options: [
        { id: 'province', label: '省级检查出现问题', points: 30 },
        { id: 'city', label: '地市级检查出现问题', points: 20 },
        { id: 'county', label: '县市级检查出现问题', points: 10 },
      ],
      scoredBy: [...STREET],
      source: '002 L48 每项扣30/20/10分,记入考核总分',
    },
  ],
  grades: GRADES_002,
  payout: { per: 'quarter', baseYuan: 1000, bands: [{ atLeast: 95, percent: 100 }], source: '002 L50 评为优秀级社区的,每季给予1000元' },
};

/** 002 L51–56: 街道各科室及网格挂点人员, 100 points. The seed names no floor; an item cannot lose more than it holds. */
export const RULE_SET_002_DEPARTMENT: RuleSetInput = {
  id: 'seed-002-department-100',
  name: '街道科室网格化考核(百分制)',
  unit: '分',
  subject: 'department',
  source: '002 L51–56',
  items: [
    { id: 'handled', kind: 'perMiss', title: '交办函在时限内妥善解决处理', max: 30, deductPerMiss: 1, from: { enteredBy: [...STREET] }, source: '002 L52 得30分,未解决并反馈又未说明原因扣1分/次' },
    { id: 'tracked', kind: 'perMiss', title: '上报上级的事件跟踪并最终回复', max: 30, deductPerMiss: 1, from: { enteredBy: [...STREET] }, source: '002 L53 得30分,没有跟踪及回复扣1分/次' },
    { id: 'patrol', kind: 'perMiss', title: '每周巡查挂点网格并如实记录', max: 20, deductPerMiss: 1, from: { enteredBy: [...STREET] }, source: '002 L54 得20分,漏巡扣1分/次' },
    { id: 'weekly_report', kind: 'perMiss', title: '每周例会如实汇报挂点网格工作', max: 20, deductPerMiss: 1, from: { enteredBy: [...STREET] }, source: '002 L55 得20分,不能流畅回答扣1分/次' },
  ],
  grades: GRADES_002,
};

/** 002 L118–128: 站前 street's table; the grade bounds are not given there, so 002 L49's are used. */
export const RULE_SET_002_ZHANQIAN: RuleSetInput = {
  id: 'seed-002-zhanqian-100',
  name: '站前街道网格考核评比(百分制)',
  unit: '分',
  subject: 'community',
  source: '002 L118–136',
  items: [
    { id: 'coverage', kind: 'proportional', title: '排查率', max: 35, from: { metric: 'patrol.coverageRate' }, source: '002 L120 排查率考核35分;按比率折算为默认设定' },
    { id: 'disposal', kind: 'proportional', title: '处置率', max: 45, from: { metric: 'cases.closeRate' }, source: '002 L121 处置率考核45分;按比率折算为默认设定' },
    { id: 'satisfaction', kind: 'proportional', title: '民意满意率', max: 10, from: { metric: 'cases.satisfaction' }, source: '002 L122–123 民意满意率10分' },
    { id: 'leaders', kind: 'manual', title: '领导评价', max: 10, scoredBy: [...STREET], source: '002 L124 领导评价得分10分' },
    {
      id: 'bonus',
      kind: 'listed',
      title: '奖励加分',
      direction: 'bonus',
      options: [
        { id: 'district', label: '区级荣誉', points: 5 },
        { id: 'city', label: '市级荣誉', points: 10 },
        { id: 'province', label: '省级及以上荣誉', points: 15 },
        { id: 'innovation', label: '创新工作经区绩效办认定', points: 5 },
      ],
      cap: 20,
      scoredBy: [...STREET],
      source: '002 L125 区级以上荣誉或创新工作认定加分,上限20分;各项分值为默认设定',
    },
    {
      id: 'penalty',
      kind: 'listed',
      title: '惩罚扣分',
      direction: 'penalty',
      options: [
        { id: 'minor', label: '工作失误造成一般不良影响', points: 2 },
        { id: 'major', label: '工作失误造成较大不良影响', points: 5 },
        { id: 'severe', label: '工作失误造成严重后果', points: 10 },
      ],
      scoredBy: [...STREET],
      source: '002 L126 视情况给予扣分;各档分值为默认设定',
    },
  ],
  grades: GRADES_002,
};
