import { caseWorkflowSchema, type CaseWorkflow } from '../../../src/domain/case/case-state';
import type { DeadlineFields } from '../../../src/domain/case/escalation';
import { caseEventId, caseEventRecordSchema, caseRecordSchema, type CaseEventRecord, type CaseRecord } from '../../../src/domain/case/records';
import type { NotificationRecord } from '../../../src/domain/notification/records';
import type { Database } from '../app';
import { notificationsOf } from '../notify';
import { collectionOf, type Where } from '../records';

/**
 * The case store shared by `case`, `escalate` and `reconcile` (issue 9 items 2–3). Every change of a case
 * is ONE conditional write of the case document carrying the new state, the step's event (pushed onto
 * `timeline`) and the step's outbox rows (pushed onto `outbox`): atomic without a transaction. The rows
 * are then inserted into `notifications` with deterministic ids (`flushOutbox`), which a retry of the same
 * request or the reconciler repeats safely: idempotent completion.
 */
export const casesOf = (db: Database) => collectionOf(db, 'cases', caseRecordSchema);
/** Earlier versions kept the timeline here; the reconciler copies it into the case. */
export const legacyEventsOf = (db: Database) => collectionOf(db, 'case_events', caseEventRecordSchema);

export const workflowOf = (c: CaseRecord): CaseWorkflow => caseWorkflowSchema.parse(c);

/**
 * The patch that writes a workflow and its deadline onto the stored case. Fields the new workflow no
 * longer has (e.g. `resolvedBy` after a failed check) are removed, not left stale.
 */
export function casePatch(db: Database, wf: CaseWorkflow, deadline: DeadlineFields | null, now: Date): Where {
  const _ = db.command;
  const keys = Object.keys(caseWorkflowSchema.shape) as Array<keyof CaseWorkflow>;
  const patch: Where = { updatedAt: now };
  for (const k of keys) patch[k] = wf[k] === undefined ? _.remove() : wf[k];
  const dl: Array<keyof DeadlineFields> = ['dueAt', 'nearDueAt', 'escalatesTo', 'deadlineKey', 'deadlineKind', 'deadlineReason'];
  // No deadline (resolved, closed, returned): the case leaves the sweep's index range.
  for (const k of dl) patch[k] = deadline ? deadline[k] : _.remove();
  return patch;
}

/** What one step adds besides the state: its event (none for a near-due warning) and its outbox rows. */
export interface StepEffects {
  event?: CaseEventRecord;
  notifications: NotificationRecord[];
}

/** The part of a step's single write that records its effects with the state. */
export function effectsPatch(db: Database, effects: StepEffects, now: Date): Where {
  const _ = db.command;
  const patch: Where = {};
  if (effects.event) patch.timeline = _.push([effects.event]);
  if (effects.notifications.length) {
    patch.outbox = _.push(effects.notifications);
    patch.outboxAt = now;
  }
  return patch;
}

/** A new case document already holding its first effects (the report, and an emergency's escalation). */
export function withEffects<T extends Record<string, unknown>>(doc: T, effects: StepEffects[], now: Date): T & Pick<CaseRecord, 'timeline' | 'outbox' | 'outboxAt'> {
  const notifications = effects.flatMap((e) => e.notifications);
  return {
    ...doc,
    timeline: effects.flatMap((e) => (e.event ? [e.event] : [])),
    ...(notifications.length ? { outbox: notifications, outboxAt: now } : {}),
  };
}

/** Inserts the outbox rows into `notifications`, once each: one round trip when none exists yet. */
export const flushOutbox = (db: Database, rows: readonly NotificationRecord[]): Promise<number> => notificationsOf(db).insertAllOnce(rows);

/** The outbox rows a stored case holds for the step that wrote event `eventId` (a retry completes these). */
export const outboxOfStep = (c: CaseRecord, cause: string): NotificationRecord[] => (c.outbox ?? []).filter((n) => n.cause === cause);

export { caseEventId };
