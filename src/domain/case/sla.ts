import { addWorkingTime, halfWorkingDay, workingDay, workingTimeBetween } from '../calendar/working-time';
import type { WorkingCalendarConfig } from '../calendar/config';
import { isOpen, type CaseWorkflow, type SupervisionLevel } from './case-state';
import { ESCALATES_TO, ESCALATION_LEVELS as LEVEL_ORDER, higherLevel, type DeadlineKind, type DeadlineRule, type EscalationLevel, type SlaConfig } from './sla-config';

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
  const emergency = c.caseClass === 'emergency';
  switch (c.state) {
    case 'reported':
      return emergency ? 'emergency_notify' : 'sign_for';
    case 'accepted':
    case 'in_progress':
      // 一般性 is the officer's to fix; anything else is "important … cannot solve": to the community head in 2 h.
      return emergency ? 'emergency_hand_up' : c.caseClass === 'routine' ? 'answer' : 'to_community_head';
    case 'escalated_to_community':
      return emergency ? 'emergency_hand_up' : 'to_street';
    case 'dispatched':
      return c.dispatchDueAt ? 'dispatch' : 'answer';
    case 'escalated_to_street':
      return emergency ? 'emergency_hand_up' : 'answer';
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

/**
 * A deadline fixed by a person (交办函, 督办): near-due is 80 % of the working time between start and due.
 * A late 交办函 goes to the leader in charge (000 L23 "直至分管领导"); a missed 督办 goes one level above
 * whoever placed it (a flag without a recorded level: the leader in charge, as before levels were kept).
 */
function explicitDeadline(kind: 'dispatch' | 'supervision', startedAt: Date, dueAt: Date, escalatesTo: EscalationLevel, ctx: SlaContext, now: Date): Deadline {
  const allowed = Math.max(0, workingTimeBetween(startedAt, dueAt, ctx.calendar));
  const near = allowed === 0 ? dueAt : new Date(Math.min(dueAt.getTime(), addWorkingTime(startedAt, Math.round(allowed * ctx.sla.nearDueRatio), ctx.calendar)));
  return build(kind, startedAt, dueAt, near, escalatesTo, kind === 'dispatch' ? '交办函期限' : '挂牌督办期限', now);
}

/** The escalation level a supervisor's level holds (a grid chief's 督办 holds none of the ladder). */
const HELD_BY_SUPERVISION: Record<SupervisionLevel, EscalationLevel | undefined> = { grid: undefined, community: 'community', street: 'street' };
/** A missed 督办 goes one level above whoever placed it. */
const SUPERVISION_ESCALATES_TO: Record<SupervisionLevel, EscalationLevel> = { grid: 'community', community: 'street', street: 'street_leader' };
const atOrBelow = (a: EscalationLevel, b: EscalationLevel | undefined) => b !== undefined && LEVEL_ORDER.indexOf(a) <= LEVEL_ORDER.indexOf(b);

function stageDeadline(c: SlaCase, ctx: SlaContext, now: Date): Deadline | undefined {
  const kind = stageDeadlineKind(c);
  if (kind === undefined) return undefined;
  if (kind === 'dispatch') return explicitDeadline('dispatch', c.stageStartedAt, c.dispatchDueAt!, 'street_leader', ctx, now);
  const rule = deadlineRuleFor(kind, c, ctx.sla);
  const dueAt = addRule(c.stageStartedAt, rule, 1, ctx.calendar);
  const nearDueAt = addRule(c.stageStartedAt, rule, ctx.sla.nearDueRatio, ctx.calendar);
  const escalatesTo = c.state === 'escalated_to_street' ? 'street_leader' : ESCALATES_TO[kind];
  return build(kind, c.stageStartedAt, dueAt, nearDueAt, escalatesTo, rule.reason, now);
}

/**
 * The follow-up deadline of a case held at `held` (PRODUCT.md §5): read from the §5 rule of a case handed
 * up to that level — at the community, to the street in half a working day (000 L23); at the street, an
 * answer within 5 working days, then the leader in charge. An emergency nobody has signed for yet must be
 * signed for within the hour instead. At street_leader the ladder ends (null).
 */
function followUpDeadline(c: SlaCase, held: EscalationLevel, ctx: SlaContext, now: Date): Deadline | undefined {
  if (c.caseClass === 'emergency' && c.state === 'reported') {
    if (held === 'street_leader') return undefined;
    const rule = deadlineRuleFor('emergency_sign_for', c, ctx.sla);
    const dueAt = addRule(c.stageStartedAt, rule, 1, ctx.calendar);
    const nearDueAt = addRule(c.stageStartedAt, rule, ctx.sla.nearDueRatio, ctx.calendar);
    return build('emergency_sign_for', c.stageStartedAt, dueAt, nearDueAt, ESCALATES_TO.emergency_sign_for, rule.reason, now);
  }
  if (held === 'street_leader') return undefined;
  return stageDeadline({ ...c, state: held === 'community' ? 'escalated_to_community' : 'escalated_to_street', dispatchDueAt: undefined }, ctx, now);
}

/**
 * The next deadline a case must meet, or null when none runs (resolved, closed, returned, transferred).
 *
 * `overdueLevel` is the level the sweep already escalated the case to; a 挂牌督办 holds the case at its
 * supervisor's level. A deadline never escalates a case to a level that already holds it (the review saw a
 * 督办 case sent back to 社区督办 by the next sweep): such a deadline is dropped, and while a 督办 deadline
 * is still ahead, the stage's deadlines up to the level the 督办 escalates to wait for it. When nothing is
 * left, the follow-up deadline of the held level runs. Of the rest, the earliest is next.
 */
export function nextDeadline(c: SlaCase, ctx: SlaContext, now: Date, overdueLevel?: EscalationLevel): Deadline | null {
  if (!isOpen(c)) return null;
  const sup = c.supervision;
  const supervised = sup ? explicitDeadline('supervision', c.stageStartedAt, sup.dueAt, sup.level ? SUPERVISION_ESCALATES_TO[sup.level] : 'street_leader', ctx, now) : undefined;
  const held = [overdueLevel, sup?.level ? HELD_BY_SUPERVISION[sup.level] : undefined].reduce<EscalationLevel | undefined>(
    (a, b) => (b === undefined ? a : higherLevel(a, b)),
    undefined,
  );
  let candidates = [stageDeadline(c, ctx, now), supervised].filter((d): d is Deadline => d !== undefined && !atOrBelow(d.escalatesTo, held));
  if (supervised && !supervised.overdue && candidates.includes(supervised)) {
    candidates = candidates.filter((d) => d === supervised || !atOrBelow(d.escalatesTo, supervised.escalatesTo));
  }
  if (candidates.length === 0 && held) {
    const follow = followUpDeadline(c, held, ctx, now);
    if (follow) candidates = [follow];
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.dueAt.getTime() < a.dueAt.getTime() ? b : a));
}
