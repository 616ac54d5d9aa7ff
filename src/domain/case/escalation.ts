import { isOpen, type CaseWorkflow } from './case-state';
import { nextDeadline, type Deadline, type SlaContext } from './sla';
import { ESCALATION_LEVELS, higherLevel, type EscalationLevel } from './sla-config';

export { higherLevel };

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

export const LEVEL_ORDER: readonly EscalationLevel[] = ESCALATION_LEVELS;

function fieldsOf(d: Deadline | null): DeadlineFields | null {
  if (!d) return null;
  return { dueAt: d.dueAt, nearDueAt: d.nearDueAt, escalatesTo: d.escalatesTo, deadlineKey: d.key, deadlineKind: d.kind, deadlineReason: d.reason };
}

/**
 * The deadline fields after a human transition: recomputed from the new state (null: no deadline runs).
 * `overdueLevel` (stored beside the workflow) keeps a case the sweep already escalated from being
 * escalated to the same level again after someone acts on it.
 */
export function deadlineFieldsOf(c: CaseWorkflow, ctx: SlaContext, now: Date, overdueLevel?: EscalationLevel): DeadlineFields | null {
  return fieldsOf(nextDeadline(c, ctx, now, overdueLevel));
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
 * and the next deadline counts from now with the case held at its new level (`nextDeadline`): a level
 * that holds the case (escalated or 督办) is never the target again; the held level's follow-up runs —
 * at the community → to the street in half a working day (000 L23); at the street → answer in 5 working
 * days, then the leader in charge ("直至分管领导", 000 L23); an unsigned emergency → signed for within
 * the half hour, else the leader in charge. At street_leader the ladder ends.
 */
export function escalationOf(c: CaseWorkflow & { escalatesTo: EscalationLevel; overdueLevel?: EscalationLevel }, ctx: SlaContext, now: Date): Escalation | null {
  if (!isOpen(c)) return null;
  const level = c.escalatesTo;
  const overdueLevel = higherLevel(c.overdueLevel, level);
  const next = fieldsOf(nextDeadline({ ...c, stageStartedAt: now }, ctx, now, overdueLevel));
  return { level, overdueLevel, next };
}

/** "the people at both levels" (PRODUCT.md §5): the level it left and the level it reached. */
export const LEVELS_TO_NOTIFY: Record<EscalationLevel, readonly ('grid' | 'community' | 'street')[]> = {
  community: ['grid', 'community'],
  street: ['community', 'street'],
  street_leader: ['street'],
};
