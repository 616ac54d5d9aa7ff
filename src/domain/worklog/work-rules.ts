import * as z from 'zod';

/**
 * What a street holds its grid workers to (issue 14; STYLE 9: configuration, not conditionals). Every
 * number is a documented default with its source line; a street overrides one with a reason. No rule
 * number appears in a code path: the due list, the daily log and the compliance view read them from here.
 * The daily patrol minimum (002 L23) is the patrol context's `dailyMinimumMinutes` (src/domain/patrol/rules.ts):
 * one rule, one place.
 */
export const WORK_RULE_KEYS = [
  'visits_per_week',
  'saturday_visits_per_week',
  'rental_visits_per_month',
  'household_visits_per_quarter',
  'six_must_visits_per_month',
  'patrol_days_share',
  'info_items_per_month',
  'log_days_share',
  'meetings_attended_share',
  'meetings_leave_excused',
  'backfill_days',
] as const;
export type WorkRuleKey = (typeof WORK_RULE_KEYS)[number];

export const workRuleSchema = z.object({
  amount: z.number().nonnegative('数值不能为负'),
  reason: z.string().trim().min(1, '请写明依据'),
});
export type WorkRule = z.infer<typeof workRuleSchema>;

export const DEFAULT_WORK_RULES: Record<WorkRuleKey, WorkRule> = {
  visits_per_week: { amount: 2, reason: '000 L33–34 "网格責任人每周不少于2次深入居民户了解情况"' },
  saturday_visits_per_week: { amount: 1, reason: '000 L13 "周六‘進居入戶’制度，各網格責任人要充分利用這一時段進行入戶信息采集"' },
  rental_visits_per_month: { amount: 1, reason: '000 L34 "每月要與網格內租房戶至少見面1次，并記錄見面時間和相關情況"' },
  household_visits_per_quarter: { amount: 1, reason: '001 L395 "每个季度至少要对所联网格常住人口家庭上门走访1次以上"' },
  six_must_visits_per_month: { amount: 1, reason: '003 L164 "六必訪：困難群眾、獨居老人、殘疾家庭、流動人口、失業人員、重點幫扶人員每月必訪"' },
  // A share of the window's working days (1 = every one): 002 L28 counts every missed day (漏巡).
  patrol_days_share: { amount: 1, reason: '002 L28 "每天必須巡查負責小區，發現漏巡罰50元/次"' },
  info_items_per_month: { amount: 20, reason: '002 L24 "每月累計提供有效信息20條以上"' },
  log_days_share: { amount: 1, reason: '000 L35 "網格責任人要建立工作日志"；001 L161 "認真填寫網格責任人工作日志，做到工作日清周結"' },
  backfill_days: {
    amount: 7,
    reason: '无来源数字：日清周结（001 L161）要求当天记录；断网时的走访草稿和漏交的日志可在7天内补记（标明补交），更早的不再补记，以免事后编造',
  },
  meetings_attended_share: { amount: 1, reason: '002 L27 "每周五上午參加社區網格調度會，每月第一個星期一上午參加街道網格工作調度會"' },
  // 1: a leave the organiser approved takes the meeting off the ones the worker is held to; 0: it counts as not attended.
  meetings_leave_excused: {
    amount: 1,
    reason: '无来源数字：002 L27 按"參加"计奖，未写请假；经组织人批准的请假不计缺席（不计入应到会议），街道可改为 0 使请假也算未出席',
  },
};

export const WORK_RULE_LABELS: Record<WorkRuleKey, string> = {
  visits_per_week: '每周入户走访次数',
  saturday_visits_per_week: '周六进居入户次数',
  rental_visits_per_month: '出租房屋每月见面次数',
  household_visits_per_quarter: '每户每季度走访次数',
  six_must_visits_per_month: '六必访对象每月走访次数',
  patrol_days_share: '巡查天数占工作日比例',
  info_items_per_month: '每月有效信息条数',
  log_days_share: '工作日志天数占工作日比例',
  meetings_attended_share: '应到会议出席比例',
  meetings_leave_excused: '批准请假不计缺席（1 是，0 否）',
  backfill_days: '可补记天数',
};

/** A street's change to one rule; the reason is required (STYLE: default plus overrides, each with a reason). */
export const workRuleOverrideSchema = workRuleSchema.extend({ key: z.enum(WORK_RULE_KEYS) });
export type WorkRuleOverride = z.infer<typeof workRuleOverrideSchema>;

const SHARE_KEYS: readonly WorkRuleKey[] = ['patrol_days_share', 'log_days_share', 'meetings_attended_share'];
/** Yes/no rules, written 1 or 0. */
const FLAG_KEYS: readonly WorkRuleKey[] = ['meetings_leave_excused'];

export const workRulesConfigSchema = z.object({
  overrides: z
    .array(workRuleOverrideSchema)
    .max(WORK_RULE_KEYS.length)
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((o, i) => {
        if (seen.has(o.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `规则“${WORK_RULE_LABELS[o.key]}”重复调整` });
        seen.add(o.key);
        if (SHARE_KEYS.includes(o.key) && o.amount > 1) ctx.addIssue({ code: 'custom', path: [i, 'amount'], message: '比例应在 0 到 1 之间' });
        if (FLAG_KEYS.includes(o.key) && o.amount !== 0 && o.amount !== 1) ctx.addIssue({ code: 'custom', path: [i, 'amount'], message: '请填 1（是）或 0（否）' });
      });
    }),
});
export type WorkRulesConfig = z.infer<typeof workRulesConfigSchema>;

export type WorkRules = Record<WorkRuleKey, WorkRule>;

/** The effective rules of a street: the defaults with its overrides applied, each override's reason kept. */
export function resolveWorkRules(config: WorkRulesConfig = { overrides: [] }): WorkRules {
  const rules = { ...DEFAULT_WORK_RULES };
  for (const o of config.overrides) rules[o.key] = { amount: o.amount, reason: `${o.reason}（默认 ${DEFAULT_WORK_RULES[o.key].amount}：${DEFAULT_WORK_RULES[o.key].reason}）` };
  return rules;
}

/** `configs` document id of a street's work rules. */
export const workRulesConfigId = (streetId: string) => `worklog-rules-${streetId}`;
