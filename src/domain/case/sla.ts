import { addWorkingTime, halfWorkingDay, workingDay, workingTimeBetween } from '../calendar/working-time';
import type { WorkingCalendarConfig } from '../calendar/config';
import { isOpen, type CaseWorkflow } from './case-state';
import { ESCALATES_TO, type DeadlineKind, type DeadlineRule, type EscalationLevel, type SlaConfig } from './sla-config';

export type SlaCase = Pick<
  CaseWorkflow,
  'state' | 'caseClass' | 'categoryId' | 'streetId' | 'stageStartedAt' | 'dispatchDueAt' | 'supervision'
>;

export interface Deadline {
  /** Which rule: a §5 deadline kind, the 交办函's own deadline, or a 挂牌督办 deadline. */
  kind: DeadlineKind | 'dispatch' | 'supervision';
  startedAt: Date;
  dueAt: Date;
  /** When `nearDueRatio` (80 %) of the allowed time is used: the owner's warning. */
  nearDueAt: Date;
  escalatesTo: EscalationLevel;
  /** The rule's source or the override's reason, for the 督办 list. */
  reason: string;
  /** Stable per deadline: the sweeper stores it so it never escalates a case twice for the same deadline. */
  key: string;
  overdue: boolean;
  nearDue: boolean;
}

export interface SlaContext {
  sla: SlaConfig;
  calendar: WorkingCalendarConfig;
}

const HOUR = 3_600_000;

/** The rule for a deadline kind: the most specific matching override (ties: the later one), else the default. */
export function deadlineRuleFor(kind: DeadlineKind, c: Pick<SlaCase, 'streetId' | 'categoryId' | 'caseClass'>, sla: SlaConfig): DeadlineRule {
  let best: { rule: DeadlineRule; specificity: number } | undefined;
  for (const o of sla.overrides) {
    if (o.kind !== kind) continue;
    const fields = [o.streetId === undefined || o.streetId === c.streetId, o.categoryId === undefined || o.categoryId === c.categoryId, o.caseClass === undefined || o.caseClass === c.caseClass];
    if (!fields.every(Boolean)) continue;
    const specificity = [o.streetId, o.categoryId, o.caseClass].filter((v) => v !== undefined).length;
    if (!best || specificity >= best.specificity) best = { rule: o, specificity };
  }
  return best?.rule ?? sla.defaults[kind];
}

/** Which §5 deadline runs in each open state (PRODUCT.md §4 routes by class). */
function stageDeadlineKind(c: SlaCase): DeadlineKind | 'dispatch' | undefined {
  switch (c.state) {
    case 'reported':
      return c.caseClass === 'emergency' ? 'emergency_notify' : 'sign_for';
    case 'accepted':
    case 'in_progress':
      // 一般性 is the officer's to fix; anything else is "important … cannot solve": to the community head in 2 h.
      return c.caseClass === 'routine' ? 'answer' : 'to_community_head';
    case 'escalated_to_community':
      return 'to_street';
    case 'dispatched':
      return c.dispatchDueAt ? 'dispatch' : 'answer';
    case 'escalated_to_street':
      return 'answer';
    default:
      return undefined;
  }
}

function addRule(start: Date, rule: DeadlineRule, fraction: number, calendar: WorkingCalendarConfig): Date {
  const t = start.getTime();
  switch (rule.unit) {
    case 'immediate':
      return start;
    case 'hours':
      return new Date(t + Math.round(rule.amount * HOUR * fraction));
    case 'working_hours':
      return new Date(addWorkingTime(t, Math.round(rule.amount * HOUR * fraction), calendar));
    case 'half_working_days':
      return new Date(addWorkingTime(t, Math.round(rule.amount * halfWorkingDay(calendar) * fraction), calendar));
    case 'working_days':
      return new Date(addWorkingTime(t, Math.round(rule.amount * workingDay(calendar) * fraction), calendar));
  }
}

function build(kind: Deadline['kind'], startedAt: Date, dueAt: Date, nearDueAt: Date, escalatesTo: EscalationLevel, reason: string, now: Date): Deadline {
  return {
    kind,
    startedAt,
    dueAt,
    nearDueAt,
    escalatesTo,
    reason,
    key: `${kind}@${startedAt.getTime()}`,
    overdue: now.getTime() >= dueAt.getTime(),
    nearDue: now.getTime() >= nearDueAt.getTime(),
  };
}

/** A deadline fixed by a person (交办函, 督办): near-due is 80 % of the working time between start and due. */
function explicitDeadline(kind: 'dispatch' | 'supervision', startedAt: Date, dueAt: Date, ctx: SlaContext, now: Date): Deadline {
  const allowed = Math.max(0, workingTimeBetween(startedAt, dueAt, ctx.calendar));
  const near = allowed === 0 ? dueAt : new Date(Math.min(dueAt.getTime(), addWorkingTime(startedAt, Math.round(allowed * ctx.sla.nearDueRatio), ctx.calendar)));
  // Both are set above the grid: a late 交办函 or a missed 督办 goes to the leader in charge (000 L23 "直至分管领导").
  return build(kind, startedAt, dueAt, near, 'street_leader', kind === 'dispatch' ? '交办函期限' : '挂牌督办期限', now);
}

function stageDeadline(c: SlaCase, ctx: SlaContext, now: Date): Deadline | undefined {
  const kind = stageDeadlineKind(c);
  if (kind === undefined) return undefined;
  if (kind === 'dispatch') return explicitDeadline('dispatch', c.stageStartedAt, c.dispatchDueAt!, ctx, now);
  const rule = deadlineRuleFor(kind, c, ctx.sla);
  const dueAt = addRule(c.stageStartedAt, rule, 1, ctx.calendar);
  const nearDueAt = addRule(c.stageStartedAt, rule, ctx.sla.nearDueRatio, ctx.calendar);
  const escalatesTo = c.state === 'escalated_to_street' ? 'street_leader' : ESCALATES_TO[kind];
  return build(kind, c.stageStartedAt, dueAt, nearDueAt, escalatesTo, rule.reason, now);
}

/**
 * The next deadline a case must meet, or null when none runs (resolved, closed, returned, transferred).
 * When a 挂牌督办 deadline is earlier than the stage's own, that one is next.
 */
export function nextDeadline(c: SlaCase, ctx: SlaContext, now: Date): Deadline | null {
  if (!isOpen(c)) return null;
  const stage = stageDeadline(c, ctx, now);
  const supervised = c.supervision ? explicitDeadline('supervision', c.stageStartedAt, c.supervision.dueAt, ctx, now) : undefined;
  const candidates = [stage, supervised].filter((d): d is Deadline => d !== undefined);
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.dueAt.getTime() < a.dueAt.getTime() ? b : a));
}
