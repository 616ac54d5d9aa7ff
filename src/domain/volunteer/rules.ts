import * as z from 'zod';
import { DomainError } from '../errors';
import { leadCategoriesOverrideSchema } from './lead-rule';

/** The four categories of 001 L845–877. */
export const POINTS_CATEGORIES = ['resident', 'culture', 'governance', 'other'] as const;
export type PointsCategory = (typeof POINTS_CATEGORIES)[number];

export const POINTS_CATEGORY_LABELS: Record<PointsCategory, string> = {
  resident: '居民服务',
  culture: '宣传文化',
  governance: '社区治理',
  other: '其他',
};

const ruleIdSchema = z.string().regex(/^[a-z]+\.[a-z_]+$/, '规则编号格式应为 类别.名称');

/**
 * One line of the points table. `points: null` means "set per activity by the community and approved by
 * the street" (001 L877); every other rule has a fixed per-time value.
 */
export const pointsRuleSchema = z
  .object({
    id: ruleIdSchema,
    category: z.enum(POINTS_CATEGORIES),
    activity: z.string().min(1).max(200),
    points: z.number().int().positive().nullable(),
    requiresConfirmedCase: z.boolean().default(false),
    requiresStreetApproval: z.boolean().default(false),
    active: z.boolean().default(true),
    /** Where the number comes from: a source line, or the administrator's reason. */
    source: z.string().min(1, '请写明依据'),
  })
  .refine((r) => (r.points === null) === r.requiresStreetApproval, {
    message: '分值待定的规则必须经街道同意,固定分值的规则不需要',
    path: ['points'],
  });
export type PointsRule = z.infer<typeof pointsRuleSchema>;
export type PointsRuleInput = z.input<typeof pointsRuleSchema>;

const seeded: PointsRuleInput[] = [
  { id: 'resident.everyday_help', category: 'resident', activity: '日常维修、管道疏通、代办代领等便民服务', points: 2, source: '001 L847 "计2分次"' },
  { id: 'resident.mediation', category: 'resident', activity: '矛盾调解', points: 3, source: '001 L849 "计3分次"' },
  { id: 'resident.vulnerable_care', category: 'resident', activity: '关爱空巢老人、失独家庭、留守儿童、残疾人等弱势群体', points: 3, source: '001 L851 "计3分次"' },
  { id: 'resident.youth', category: 'resident', activity: '青少年心理疏导、课程讲解、书籍赠送', points: 2, source: '001 L853 "计2分次"' },
  { id: 'resident.charity', category: 'resident', activity: '助学、助困等慈善活动', points: 3, source: '001 L855 "计3分次"' },
  { id: 'culture.civility', category: 'culture', activity: '文明劝导', points: 2, source: '001 L859 "计2分次"' },
  { id: 'culture.policy', category: 'culture', activity: '政策宣传', points: 2, source: '001 L861 "计2分次"' },
  { id: 'culture.public_benefit', category: 'culture', activity: '无偿献血、文艺汇演等社区公益性活动', points: 2, source: '001 L863 "计2分次"' },
  { id: 'governance.sanitation', category: 'governance', activity: '环境清理、卫生保洁', points: 2, source: '001 L867 "计2分次"' },
  { id: 'governance.hazard_check', category: 'governance', activity: '安全隐患排查', points: 2, source: '001 L869 "计2分次"' },
  { id: 'governance.patrol', category: 'governance', activity: '日常治安巡逻', points: 2, source: '001 L871 "计2分次"' },
  {
    id: 'governance.lead_report',
    category: 'governance',
    activity: '上报涉黑涉恶、治安刑事案件、电信诈骗、违法建筑等线索',
    points: 5,
    requiresConfirmedCase: true,
    source: '001 L873 "经确认属实后,计5分次"',
  },
  {
    id: 'other.adhoc',
    category: 'other',
    activity: '街道临时安排或社区临时组织的志愿服务',
    points: null,
    requiresStreetApproval: true,
    source: '001 L877 "具体分值由社区报街道领导小组同意后确定"',
  },
];

/** The documented default every street starts from. */
export const DEFAULT_POINTS_RULES: readonly PointsRule[] = Object.freeze(seeded.map((r) => pointsRuleSchema.parse(r)));

/** An administrator's change to one rule; the reason is required (STYLE: default + overrides, each with a reason). */
export const pointsRuleOverrideSchema = z.object({
  ruleId: ruleIdSchema,
  points: z.number().int().positive().optional(),
  active: z.boolean().optional(),
  activity: z.string().min(1).max(200).optional(),
  reason: z.string().min(1, '请写明调整理由'),
});
export type PointsRuleOverride = z.infer<typeof pointsRuleOverrideSchema>;

/** A street's stored rule set: overrides of the defaults, plus rules the street adds. */
export const streetPointsRulesSchema = z
  .object({
    streetId: z.string().min(1),
    overrides: z.array(pointsRuleOverrideSchema).default([]),
    added: z.array(pointsRuleSchema).default([]),
    /** Which case categories are leads (001 L873); absent = DEFAULT_LEAD_CATEGORY_IDS. */
    leadCategories: leadCategoriesOverrideSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const defaultIds = new Set(DEFAULT_POINTS_RULES.map((r) => r.id));
    const addedIds = new Set<string>();
    config.added.forEach((rule, i) => {
      if (defaultIds.has(rule.id) || addedIds.has(rule.id)) ctx.addIssue({ code: 'custom', message: `规则编号 ${rule.id} 已存在`, path: ['added', i, 'id'] });
      addedIds.add(rule.id);
    });
    const all = [...DEFAULT_POINTS_RULES, ...config.added];
    const overridden = new Set<string>();
    config.overrides.forEach((o, i) => {
      const rule = all.find((r) => r.id === o.ruleId);
      if (!rule) ctx.addIssue({ code: 'custom', message: `没有规则 ${o.ruleId}`, path: ['overrides', i, 'ruleId'] });
      else if (o.points !== undefined && rule.points === null)
        ctx.addIssue({ code: 'custom', message: '该规则的分值逐次报街道同意,不能设固定分值', path: ['overrides', i, 'points'] });
      if (overridden.has(o.ruleId)) ctx.addIssue({ code: 'custom', message: `规则 ${o.ruleId} 重复调整`, path: ['overrides', i, 'ruleId'] });
      overridden.add(o.ruleId);
    });
  });
export type StreetPointsRules = z.infer<typeof streetPointsRulesSchema>;
export type StreetPointsRulesInput = z.input<typeof streetPointsRulesSchema>;

/** The effective table of a street: defaults, then added rules, each with its override applied. */
export function resolvePointsRules(config: StreetPointsRules): PointsRule[] {
  return [...DEFAULT_POINTS_RULES, ...config.added].map((rule) => {
    const o = config.overrides.find((x) => x.ruleId === rule.id);
    if (!o) return rule;
    return {
      ...rule,
      points: o.points ?? rule.points,
      active: o.active ?? rule.active,
      activity: o.activity ?? rule.activity,
      source: `${rule.source}; 调整: ${o.reason}`,
    };
  });
}

/** The active rule with this id; an unknown id is NOT_FOUND, a switched-off one CONFLICT. */
export function activeRule(rules: readonly PointsRule[], ruleId: string): PointsRule {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) throw new DomainError('NOT_FOUND', '积分规则不存在', { ruleId: '积分规则不存在' });
  if (!rule.active) throw new DomainError('CONFLICT', '该积分规则已停用', { ruleId: '该积分规则已停用' });
  return rule;
}

/** What an award under this rule is worth, given the evidence the caller has checked. */
export interface AwardEvidence {
  /** The lead's case has been confirmed true (001 L873 "经确认属实后"). */
  caseConfirmed?: boolean;
  /** Points the street approved for this activity (001 L877). */
  streetApprovedPoints?: number;
}

export function pointsForAward(rule: PointsRule, evidence: AwardEvidence = {}): number {
  if (!rule.active) throw new DomainError('CONFLICT', '该积分规则已停用');
  // 001 L873: 经确认属实后 — a lead earns nothing until the case is confirmed.
  if (rule.requiresConfirmedCase && evidence.caseConfirmed !== true) throw new DomainError('CONFLICT', '线索经确认属实后方可计分');
  if (rule.points !== null) return rule.points;
  const approved = evidence.streetApprovedPoints;
  if (approved === undefined || !Number.isInteger(approved) || approved <= 0)
    throw new DomainError('CONFLICT', '该活动分值须经街道同意后确定');
  return approved;
}
