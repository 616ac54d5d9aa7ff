import { type AssessmentItemInput, type RuleSetInput } from './rule-set';

/**
 * 000 L39–45: the monthly grid assessment paid quarterly. The seed fixes the scales (120 points for
 * 书记/主任, 100 for everyone else), the payouts and the consecutive-result flags, and names what is
 * checked first (L39 "重点检查人口计生、市容文明创建、维稳工作信息"), but gives no item breakdown; the
 * split below is our documented default, which a street copies and adjusts with reasons.
 */

const SCORERS = ['community_staff', 'street_staff'] as const;

const checkedItems: AssessmentItemInput[] = [
  { id: 'household_info', kind: 'manual', title: '户况信息管理(人口计生信息)', max: 25, scoredBy: [...SCORERS], source: '000 L39 重点检查人口计生信息;分值为默认设定' },
  { id: 'civility', kind: 'manual', title: '市容文明创建', max: 20, scoredBy: [...SCORERS], source: '000 L39 重点检查市容文明创建;分值为默认设定' },
  { id: 'stability', kind: 'manual', title: '维稳工作信息', max: 20, scoredBy: [...SCORERS], source: '000 L39 重点检查维稳工作信息;分值为默认设定' },
  {
    id: 'on_time',
    kind: 'rateSteps',
    title: '案件按期结案率',
    max: 15,
    targetPercent: 95,
    stepPercent: 5,
    deductPerStep: 1.5,
    from: { metric: 'cases.onTimeRate' },
    source: '000 L39 日常工作作为考核依据;目标95%沿用 002 L37,每档1.5分为默认设定',
  },
  { id: 'patrol', kind: 'perMiss', title: '每日巡查', max: 10, deductPerMiss: 1, from: { metric: 'patrol.missedDays' }, source: '000 L39 日常考核;每漏巡一天扣1分为默认设定' },
  {
    id: 'satisfaction',
    kind: 'rateSteps',
    title: '居民满意率',
    max: 10,
    targetPercent: 90,
    stepPercent: 5,
    deductPerStep: 0.5,
    from: { metric: 'cases.satisfaction' },
    source: '沿用 002 L39–41 满意率90%以上得满分,每少5%扣0.5分',
  },
  {
    id: 'inspections',
    kind: 'listed',
    title: '上级检查发现问题',
    direction: 'penalty',
    options: [
      { id: 'province', label: '省级检查发现问题', points: 30 },
      { id: 'city', label: '地市级检查发现问题', points: 20 },
      { id: 'county', label: '县市级检查发现问题', points: 10 },
    ],
    scoredBy: ['street_staff'],
    source: '000 L44 上级检查中所抽查网格出现问题,直接作为考核依据;分值沿用 002 L48',
  },
  {
    id: 'veto',
    kind: 'veto',
    title: '一票否决(计划生育、安全生产、信访维稳)',
    scoredBy: ['street_staff'],
    source: '001 L123 出现"一票否决"情形的,考核为不合格',
  },
];

/** 000 L43: 一般人员百分制. */
export const RULE_SET_000_WORKER: RuleSetInput = {
  id: 'seed-000-worker-100',
  name: '网格考核(一般人员,百分制)',
  unit: '分',
  subject: 'worker',
  source: '000 L39–45',
  items: checkedItems,
  vetoGrade: '不合格',
  payout: {
    per: 'month',
    baseYuan: 400,
    bands: [
      { atLeast: 90, percent: 100 },
      { atLeast: 85, percent: 90 },
      { atLeast: 80, percent: 80 },
      // "80分以下得70%": every lower total, even one pulled below zero by inspection findings.
      { atLeast: -1000, percent: 70 },
    ],
    source: '000 L41–43 月激励400元:90分以上全额,85–89分90%,80–84分80%,80分以下70%;每季度兑现(L39)',
  },
  flags: [
    { id: 'probation', label: '留岗查看', below: 80, times: 3, source: '000 L43 连续三次考核均在80分以下,给予留岗查看处理' },
    {
      id: 'suspension_or_dismissal',
      label: '待岗或辞退(视情况)',
      below: 80,
      times: 4,
      source: '000 L43 留岗查看一个月期间考核仍低于80分,视情况给予待岗、辞退处理',
    },
  ],
};

/** 000 L42: 书记、主任 120 分制; the extra 20 points are for leading the community's grid work. */
export const RULE_SET_000_LEADER: RuleSetInput = {
  id: 'seed-000-leader-120',
  name: '网格考核(社居委书记、主任,120分制)',
  unit: '分',
  subject: 'worker',
  source: '000 L39–45',
  items: [
    ...checkedItems,
    { id: 'leadership', kind: 'manual', title: '社区网格工作组织与督导', max: 20, scoredBy: ['street_staff'], source: '000 L42 120分制;多出的20分为默认设定' },
  ],
  vetoGrade: '不合格',
  payout: {
    per: 'month',
    baseYuan: 500,
    bands: [
      { atLeast: 100, percent: 100 },
      { atLeast: 90, percent: 90 },
      { atLeast: 85, percent: 80 },
      { atLeast: -1000, percent: 70 },
    ],
    source: '000 L41–42 月激励500元:100分以上全额,90–99分90%,85–89分80%,85分以下70%;每季度兑现(L39)',
  },
  flags: [{ id: 'suspension', label: '停职', below: 85, times: 3, source: '000 L42 连续三次考核均在85分以下,给予停职处理' }],
};
