import { isOpen, type CaseWorkflow } from './case-state';
import { nextDeadline, type Deadline, type SlaContext } from './sla';
import type { EscalationLevel } from './sla-config';

/**
 * What a stored case keeps of its next deadline (issue 4 item 5: "each open case stores its next deadline
 * and the level it escalates to"), and the timer's one-level escalation. Pure: the time is passed in.
 */
export interface DeadlineFields {
  dueAt: Date;
  nearDueAt: Date;
  escalatesTo: EscalationLevel;
  deadlineKey: string;
  deadlineKind: Deadline['kind'];
  deadlineReason: string;
}

export const LEVEL_ORDER: readonly EscalationLevel[] = ['community', 'street', 'street_leader'];
export const higherLevel = (a: EscalationLevel | undefined, b: EscalationLevel): EscalationLevel =>
  a === undefined || LEVEL_ORDER.indexOf(b) > LEVEL_ORDER.indexOf(a) ? b : a;

function fieldsOf(d: Deadline | null): DeadlineFields | null {
  if (!d) return null;
  return { dueAt: d.dueAt, nearDueAt: d.nearDueAt, escalatesTo: d.escalatesTo, deadlineKey: d.key, deadlineKind: d.kind, deadlineReason: d.reason };
}

/** The deadline fields after a human transition: recomputed from the new state (null: no deadline runs). */
export function deadlineFieldsOf(c: CaseWorkflow, ctx: SlaContext, now: Date): DeadlineFields | null {
  return fieldsOf(nextDeadline(c, ctx, now));
}

export interface Escalation {
  level: EscalationLevel;
  /** The level it sits at after this escalation (never lower than before). */
  overdueLevel: EscalationLevel;
  /** The follow-up deadline at the new level, or null at the top of the ladder. */
  next: DeadlineFields | null;
}

/**
 * One level up, once (PRODUCT.md §5 "overdue cases escalate automatically one level up"). The state is
 * not changed — the timer is not an actor of the state machine; the case goes on that level's 督办 list
 * and the level gets its own follow-up deadline, read from the §5 rule of a case handed up to that level:
 * at the community → to the street in half a working day (000 L23); at the street → answer in 5 working
 * days, then the leader in charge ("直至分管领导", 000 L23). At street_leader the ladder ends.
 */
export function escalationOf(c: CaseWorkflow & { escalatesTo: EscalationLevel; overdueLevel?: EscalationLevel }, ctx: SlaContext, now: Date): Escalation | null {
  if (!isOpen(c)) return null;
  const level = c.escalatesTo;
  const overdueLevel = higherLevel(c.overdueLevel, level);
  const followUpState = overdueLevel === 'community' ? 'escalated_to_community' : overdueLevel === 'street' ? 'escalated_to_street' : undefined;
  const next = followUpState ? fieldsOf(nextDeadline({ ...c, state: followUpState, stageStartedAt: now, supervision: undefined }, ctx, now)) : null;
  return { level, overdueLevel, next };
}

/** "the people at both levels" (PRODUCT.md §5): the level it left and the level it reached. */
export const LEVELS_TO_NOTIFY: Record<EscalationLevel, readonly ('grid' | 'community' | 'street')[]> = {
  community: ['grid', 'community'],
  street: ['community', 'street'],
  street_leader: ['street'],
};
