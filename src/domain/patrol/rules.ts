import * as z from 'zod';

/**
 * The street's patrol rules (issue 14 items 1, 7): each number with the reason it is what it is, so a
 * street can argue with it. Streets override single rules in `configs/patrol-<street>` with their own
 * reason; code reads the resolved numbers only through `resolvePatrolRules` (no numbers in code paths).
 */
export const PATROL_RULE_KEYS = [
  'minPointIntervalSeconds',
  'maxPointsPerPatrol',
  'maxPointsPerBatch',
  'clockSkewSeconds',
  'maxPatrolMinutes',
  'trackRetentionDays',
  'dailyMinimumMinutes',
  'maxFindingsPerPatrol',
  'maxCheckInsPerPatrol',
  'onSpotSamplePercent',
] as const;
export type PatrolRuleKey = (typeof PATROL_RULE_KEYS)[number];

export interface PatrolRule {
  value: number;
  /** What the number means, in the admin's words. */
  label: string;
  min: number;
  max: number;
  reason: string;
}

export const DEFAULT_PATROL_RULES: Record<PatrolRuleKey, PatrolRule> = {
  minPointIntervalSeconds: {
    value: 30,
    label: '轨迹点最短间隔（秒）',
    min: 30,
    max: 60,
    reason: '步行巡查 30 秒约走 40 米，足以看出走过哪些楼栋；更密的点只增加存储和流量（issue 14：每 30–60 秒一个点）',
  },
  maxPointsPerPatrol: {
    value: 2000,
    label: '每次巡查最多轨迹点',
    min: 100,
    max: 10000,
    reason: '一次巡查的轨迹存在一条记录里，云开发单条记录上限 16 MB；2000 点按 30 秒一点约 16 小时，约 150 KB，远在上限之内',
  },
  maxPointsPerBatch: {
    value: 200,
    label: '一次同步最多轨迹点',
    min: 10,
    max: 1000,
    reason: '断网后手机攒下的点分批上传；200 点约 100 分钟，一次请求约 15 KB，弱网下也能传完',
  },
  clockSkewSeconds: {
    value: 300,
    label: '允许手机时间超前（秒）',
    min: 0,
    max: 3600,
    reason: '手机时间可能比服务器快几分钟；超出 5 分钟的未来时间点视为错误时间，不计入轨迹',
  },
  maxPatrolMinutes: {
    value: 480,
    label: '一次巡查最长计时（分钟）',
    min: 60,
    max: 1440,
    reason: '忘记结束的巡查不能一直计时；一次巡查最多按一个工作日（8 小时）计',
  },
  trackRetentionDays: {
    value: 120,
    label: '轨迹保留天数',
    min: 7,
    max: 400,
    reason: '考核按季度兑现奖惩（002 L15），轨迹保留一个季度再加一个月供复核；位置属个人信息，到期只删轨迹点，保留时长和打卡记录',
  },
  dailyMinimumMinutes: {
    value: 60,
    label: '每天最少巡查（分钟）',
    min: 0,
    max: 480,
    reason: '“每天到责任网格进行巡查不少于1小时”（002 L23）',
  },
  maxFindingsPerPatrol: {
    value: 50,
    label: '每次巡查最多上报/当场处置',
    min: 5,
    max: 200,
    reason: '问题记录存在巡查记录里；一次巡查 50 件已远超实际，防止误操作把记录撑大',
  },
  maxCheckInsPerPatrol: {
    value: 200,
    label: '每次巡查最多楼栋打卡',
    min: 10,
    max: 1000,
    reason: '一个网格通常几十栋楼；200 次足够一次巡查逐栋打卡',
  },
  onSpotSamplePercent: {
    value: 30,
    label: '当场处置抽查比例（%）',
    min: 0,
    max: 100,
    reason: '网格长“抽查辖区内网格，实地核查”上报的信息（004 L41）；三成的抽查量网格长每周走得完',
  },
};

/** One street override: a number within the rule's range, with the reason for leaving the default. */
export const patrolRuleOverrideSchema = z
  .object({
    value: z.number().int().describe('数值'),
    reason: z.string().trim().min(1, '请写明调整理由').max(100, '理由不能超过 100 字').describe('理由'),
  })
  .strict();

export const patrolRuleOverridesSchema = z
  .object(Object.fromEntries(PATROL_RULE_KEYS.map((k) => [k, patrolRuleOverrideSchema.optional()])) as Record<PatrolRuleKey, z.ZodOptional<typeof patrolRuleOverrideSchema>>)
  .strict()
  .superRefine((overrides, ctx) => {
    for (const key of PATROL_RULE_KEYS) {
      const o = overrides[key];
      const rule = DEFAULT_PATROL_RULES[key];
      if (o && (o.value < rule.min || o.value > rule.max)) {
        ctx.addIssue({ code: 'custom', path: [key, 'value'], message: `${rule.label}应在 ${rule.min}–${rule.max} 之间` });
      }
    }
  });
export type PatrolRuleOverrides = z.infer<typeof patrolRuleOverridesSchema>;

export type PatrolRules = Record<PatrolRuleKey, number>;

/** The numbers in force for a street: its overrides over the defaults. */
export function resolvePatrolRules(overrides: PatrolRuleOverrides | undefined): PatrolRules {
  const out = {} as PatrolRules;
  for (const key of PATROL_RULE_KEYS) out[key] = overrides?.[key]?.value ?? DEFAULT_PATROL_RULES[key].value;
  return out;
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;

