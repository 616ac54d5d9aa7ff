import * as z from 'zod';
import { CASE_CLASSES } from './case-state';

/** The deadlines of PRODUCT.md §5 that apply to cases. */
export const DEADLINE_KINDS = ['emergency_notify', 'emergency_sign_for', 'emergency_hand_up', 'sign_for', 'to_community_head', 'to_street', 'answer'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Who an overdue case goes to: "overdue cases escalate automatically one level up" (PRODUCT.md §5). */
export const ESCALATION_LEVELS = ['community', 'street', 'street_leader'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
/** The higher of two levels on the ladder (a case never drops back down). */
export const higherLevel = (a: EscalationLevel | undefined, b: EscalationLevel): EscalationLevel =>
  a === undefined || ESCALATION_LEVELS.indexOf(b) > ESCALATION_LEVELS.indexOf(a) ? b : a;

/**
 * `working_*` count on the street's working-time calendar; `hours` is wall-clock time, for the one rule
 * whose source says plain hours (000 L23 "两小时内"); `immediate` is 0.
 */
export const deadlineSpecSchema = z.object({
  unit: z.enum(['immediate', 'working_hours', 'half_working_days', 'working_days', 'hours']),
  amount: z.number().nonnegative(),
});
export type DeadlineSpec = z.infer<typeof deadlineSpecSchema>;

export const deadlineRuleSchema = deadlineSpecSchema.extend({ reason: z.string().min(1, '请写明依据') });
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export const DEFAULT_DEADLINES: Record<DeadlineKind, DeadlineRule> = {
  emergency_notify: { unit: 'immediate', amount: 0, reason: '000 L9; 001 L123 "立即上报"' },
  // An emergency is chased on the clock, not in office hours: nights and holidays included.
  emergency_sign_for: {
    unit: 'hours',
    amount: 0.5,
    reason: '001 L123 "立即上报街道、社区，并现场全程跟踪"、001 L227 "24小时畅通…第一时间"；无来源数字，默认30分钟内须有人签收，否则报街道分管领导',
  },
  emergency_hand_up: {
    unit: 'hours',
    amount: 2,
    reason: '000 L23 "两小时内岗位责任人要报…主要负责人"；突发性按自然时间计，2小时内未办结、移交或上报即再上报一级',
  },
  sign_for: { unit: 'working_hours', amount: 2, reason: 'PRODUCT.md §5 default, no source number' },
  to_community_head: { unit: 'hours', amount: 2, reason: '000 L23 "两小时内岗位责任人要报社区主要负责人"' },
  to_street: { unit: 'half_working_days', amount: 1, reason: '000 L23 "半个工作日上报街道相关部门,直至分管领导"' },
  answer: { unit: 'working_days', amount: 5, reason: '002 孟津 "答复的时限不超过5个工作日"' },
};

export const ESCALATES_TO: Record<DeadlineKind, EscalationLevel> = {
  emergency_notify: 'street', // community and street at once (PRODUCT.md §4 突发性)
  emergency_sign_for: 'street_leader', // community and street already know: next is the leader in charge
  emergency_hand_up: 'street',
  sign_for: 'community',
  to_community_head: 'community',
  to_street: 'street',
  answer: 'community',
};

/** An override of one deadline for a street, category and/or class; the reason is required (STYLE: default + overrides, each with a reason). */
export const deadlineOverrideSchema = deadlineRuleSchema.extend({
  kind: z.enum(DEADLINE_KINDS),
  streetId: z.string().min(1).optional(),
  categoryId: z.string().min(1).optional(),
  caseClass: z.enum(CASE_CLASSES).optional(),
});
export type DeadlineOverride = z.infer<typeof deadlineOverrideSchema>;

export const slaConfigSchema = z.object({
  // Partial, filled from the defaults: a street document saved before a deadline kind existed still loads.
  defaults: z
    .partialRecord(z.enum(DEADLINE_KINDS), deadlineRuleSchema)
    .default(DEFAULT_DEADLINES)
    .transform((d): Record<DeadlineKind, DeadlineRule> => ({ ...DEFAULT_DEADLINES, ...d })),
  overrides: z.array(deadlineOverrideSchema).default([]),
  /** PRODUCT.md §5: near-due warning "e.g. 80 % of the time used". */
  nearDueRatio: z.number().gt(0).lt(1).default(0.8),
});
export type SlaConfig = z.infer<typeof slaConfigSchema>;
export const DEFAULT_SLA: SlaConfig = slaConfigSchema.parse({});
