import * as z from 'zod';
import { ROLES } from '../user';

/**
 * An assessment rule set is DATA (issue 16 item 4): the seeds' tables (000 L39–45, 002 L22–56, L118–136)
 * are instances of this schema, and a street copies one and adjusts it with a reason per change. The
 * scoring function (score.ts) is the only interpreter.
 */

/**
 * Figures the run fills from the data. Each names what is counted and the kind of fact it yields; the
 * cloud function owns how (cases collection, patrol days, meetings).
 */
export const AUTOMATIC_METRICS = {
  'cases.late': { label: '超期案件数', fact: 'count' },
  'cases.supervised': { label: '被督办案件数', fact: 'count' },
  'cases.onTimeRate': { label: '按期结案率', fact: 'rate' },
  'cases.satisfaction': { label: '满意率(满意票/评价票)', fact: 'rate' },
  'cases.closeRate': { label: '结案率(处置率)', fact: 'rate' },
  'patrol.coverageRate': { label: '巡查排查率(已巡查工作日/应巡查工作日)', fact: 'rate' },
  'cases.resolvedAcknowledged': { label: '解决并经居民认可的问题数', fact: 'count' },
  'info.validItems': { label: '有效信息条数', fact: 'count' },
  'patrol.missedDays': { label: '漏巡天数', fact: 'count' },
  'meetings.attended': { label: '参加调度会次数', fact: 'count' },
  'meetings.absent': { label: '缺席调度会次数', fact: 'count' },
} as const satisfies Record<string, { label: string; fact: 'count' | 'rate' }>;
export type AutomaticMetric = keyof typeof AUTOMATIC_METRICS;
const METRIC_IDS = Object.keys(AUTOMATIC_METRICS) as [AutomaticMetric, ...AutomaticMetric[]];

/** Points (or 元 for money tables) with at most two decimals, so 0.5-point steps add up exactly. */
const points = z
  .number({ error: '分值应为数字' })
  .finite()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-9, '分值最多两位小数');
const positivePoints = points.refine((n) => n > 0, '分值应大于0');
const roles = z.array(z.enum(ROLES)).min(1, '请写明谁可以打分');

/** Where a counted figure comes from: the data (automatic) or an assessor's entry (who may enter it). */
export const factSourceSchema = z.union([
  z.object({ metric: z.enum(METRIC_IDS) }).strict(),
  z.object({ enteredBy: roles }).strict(),
]);
export type FactSource = z.infer<typeof factSourceSchema>;

const base = {
  id: z.string().regex(/^[a-z0-9_.]+$/, '条目编号只能用小写字母、数字、下划线和点').max(40),
  title: z.string().min(1, '请填写条目名称').max(120),
  /** The seed line or the street's reason this item exists as it is. */
  source: z.string().min(1, '请写明依据').max(200),
};

/** "共10分,每少一次扣0.5分,扣完为止" (002 L32): full points less a fixed amount per miss, floored at 0. */
const perMissSchema = z.object({
  ...base,
  kind: z.literal('perMiss'),
  max: positivePoints,
  deductPerMiss: positivePoints,
  from: factSourceSchema,
});

/** "得10分,…扣5分/例,不封顶" (002 L38): may go below 0 and pull the total down with it. */
const uncappedSchema = z.object({
  ...base,
  kind: z.literal('uncapped'),
  max: positivePoints,
  deductPerCase: positivePoints,
  from: factSourceSchema,
});

/** "95%以上的得10分,每少5%扣0.5分,扣完为止" (002 L37, L39). Percentages are whole numbers. */
const rateStepsSchema = z.object({
  ...base,
  kind: z.literal('rateSteps'),
  max: positivePoints,
  targetPercent: z.number().int().min(1).max(100),
  stepPercent: z.number().int().min(1).max(100),
  deductPerStep: positivePoints,
  /**
   * "每少5%": a step counts once it is complete (93 % against 95 % loses nothing) — the reading that
   * does not punish a shortfall the seed does not name; `started` counts every begun step instead.
   */
  stepCounting: z.enum(['complete', 'started']).default('complete'),
  /** No cases (or no ballots) in the period: nothing was failed, so full points unless a street says otherwise. */
  whenNoData: z.enum(['full', 'zero']).default('full'),
  from: z.object({ metric: z.enum(METRIC_IDS) }).strict(),
});

/** "排查率考核35分" (002 L120): no steps named, so the points are the rate's share of the maximum. */
const proportionalSchema = z.object({
  ...base,
  kind: z.literal('proportional'),
  max: positivePoints,
  whenNoData: z.enum(['full', 'zero']).default('full'),
  from: z.object({ metric: z.enum(METRIC_IDS) }).strict(),
});

/** "奖10元/例", "罚50元/次" (002 L25, L28): a signed amount per counted unit, optionally capped. */
const perCountSchema = z.object({
  ...base,
  kind: z.literal('perCount'),
  perUnit: points.refine((n) => n !== 0, '每次分值不能为0'),
  /** Largest absolute total of this item, if the table sets one. */
  cap: positivePoints.optional(),
  from: factSourceSchema,
});

/** "每月累计提供有效信息20条以上的奖50元/月" (002 L24): a fixed amount once a count reaches a bound. */
const thresholdSchema = z.object({
  ...base,
  kind: z.literal('threshold'),
  atLeast: z.number().int().nonnegative(),
  award: positivePoints,
  from: factSourceSchema,
});

/** Judgement items (002 L42 领导综合评价 20 分): an assessor of an allowed role enters 0…max with a reason. */
const manualSchema = z.object({
  ...base,
  kind: z.literal('manual'),
  max: positivePoints,
  scoredBy: roles,
});

/** Honours (002 L43–47) and inspection findings (002 L48, 000 L44): assessors pick listed options. */
const listedSchema = z.object({
  ...base,
  kind: z.literal('listed'),
  direction: z.enum(['bonus', 'penalty']),
  options: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9_]+$/).max(30), label: z.string().min(1).max(60), points: positivePoints }))
    .min(1, '请至少列出一项'),
  /** Largest total of this item ("加分上限为20分", 002 L125); absent = 不封顶. */
  cap: positivePoints.optional(),
  scoredBy: roles,
});

/** 一票否决 (001 L123): one confirmed finding grades the whole sheet at the veto grade with no payout. */
const vetoSchema = z.object({
  ...base,
  kind: z.literal('veto'),
  scoredBy: roles,
});

export const assessmentItemSchema = z.discriminatedUnion('kind', [
  perMissSchema,
  uncappedSchema,
  rateStepsSchema,
  proportionalSchema,
  perCountSchema,
  thresholdSchema,
  manualSchema,
  listedSchema,
  vetoSchema,
]);
export type AssessmentItem = z.infer<typeof assessmentItemSchema>;
export type AssessmentItemInput = z.input<typeof assessmentItemSchema>;
export type ItemKind = AssessmentItem['kind'];

export const gradeBandSchema = z.object({ label: z.string().min(1).max(10), atLeast: points });
/** Share of the base amount paid at or above a score, in whole percent (000 L42: 90 %, 80 %, 70 %). */
export const payoutBandSchema = z.object({ atLeast: points, percent: z.number().int().min(0).max(100) });
/** "连续三次考核均在85分以下,给予停职处理" (000 L42): `times` results in a row below `below`. */
export const consecutiveFlagSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  label: z.string().min(1).max(30),
  below: points,
  times: z.number().int().min(2).max(12),
  source: z.string().min(1),
});

export const ruleSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_.-]+$/, '规则集编号只能用小写字母、数字、下划线、点和短横线').max(60),
    name: z.string().min(1, '请填写规则集名称').max(60),
    /** 分 for scored tables; 元 for the grid head's money rules (002 L22–29). */
    unit: z.enum(['分', '元']),
    /** Who is assessed by it: a worker (per person) or an organisation (community, department). */
    subject: z.enum(['worker', 'community', 'department']),
    source: z.string().min(1),
    items: z.array(assessmentItemSchema).min(1, '请至少设一个考核条目'),
    /** Highest first; a score takes the first band it reaches; the last band should start at a very low bound. */
    grades: z.array(gradeBandSchema).default([]),
    /** The grade a 一票否决 forces (001 L123 "当年考核为不合格"). */
    vetoGrade: z.string().max(10).optional(),
    payout: z
      .object({
        /** 000 L39 "每月…考核…每季度兑现": monthly amounts summed per quarter; 002 L50 pays per quarter. */
        per: z.enum(['month', 'quarter']),
        baseYuan: z.number().int().positive(),
        bands: z.array(payoutBandSchema).min(1),
        source: z.string().min(1),
      })
      .optional(),
    flags: z.array(consecutiveFlagSchema).default([]),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `条目编号 ${item.id} 重复`, path: ['items', i, 'id'] });
      seen.add(item.id);
    });
    const descending = (xs: { atLeast: number }[]) => xs.every((b, i) => i === 0 || b.atLeast < xs[i - 1].atLeast);
    if (!descending(set.grades)) ctx.addIssue({ code: 'custom', message: '等级应从高到低排列,下限逐级降低', path: ['grades'] });
    if (set.payout && !descending(set.payout.bands)) ctx.addIssue({ code: 'custom', message: '奖励档次应从高到低排列', path: ['payout', 'bands'] });
    if (set.payout && !set.payout.bands.every((b, i, xs) => i === 0 || b.percent <= xs[i - 1].percent))
      ctx.addIssue({ code: 'custom', message: '分数越低,奖励比例不能越高', path: ['payout', 'bands'] });
    const hasVeto = set.items.some((i) => i.kind === 'veto');
    if (hasVeto && !set.vetoGrade) ctx.addIssue({ code: 'custom', message: '设有一票否决时请写明否决后的等级', path: ['vetoGrade'] });
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;
export type RuleSetInput = z.input<typeof ruleSetSchema>;

/** Items whose points count towards the table's maximum (not bonuses, penalties or vetoes). */
export function itemMax(item: AssessmentItem): number {
  switch (item.kind) {
    case 'perMiss':
    case 'uncapped':
    case 'rateSteps':
    case 'proportional':
    case 'manual':
      return item.max;
    case 'threshold':
      return item.award;
    case 'perCount':
      return item.perUnit > 0 ? (item.cap ?? 0) : 0;
    case 'listed':
    case 'veto':
      return 0;
  }
}

/** The table's nominal maximum: 100 for 002 L31, 120 for 000 L42. */
export function ruleSetMax(set: RuleSet): number {
  return round2(set.items.reduce((sum, item) => sum + itemMax(item), 0));
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
