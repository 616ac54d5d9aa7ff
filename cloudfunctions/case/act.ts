import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { CASE_STATES } from '../../src/domain/case/case-state';
import { caseEventId } from '../../src/domain/case/records';
import type { caseApi } from '../../src/domain/case/api';
import type { CaseCommand } from '../../src/domain/case/case-command';
import { deadlineFieldsOf } from '../../src/domain/case/escalation';
import { transition, type CaseEvent } from '../../src/domain/case/transition';
import { DomainError } from '../../src/domain/errors';
import { authorize, requireOwnUploads, type Caller, type Invocation } from '../_lib';
import { notificationsForAction, resolveRecipients, type NotificationKind } from '../../src/domain/notification';
import { loadStreetConfig } from '../_lib/cases/street-config';
import { casePatch, casesOf, effectsPatch, flushOutbox, outboxOfStep, workflowOf, type StepEffects } from '../_lib/cases/store';
import { callerAndStaff, notificationDocs, type OutgoingNotification, type StaffLevel } from '../_lib/notify';
import { loadCase, type StoredCase } from './records';
import { actorOf, canSee } from './scope';

type ActInput = z.infer<(typeof caseApi)['act']['input']>;
type RateInput = z.infer<(typeof caseApi)['rate']['input']>;

/** The staff levels an action may notify (any outcome), fetched with the caller in one query. */
const staffLevelsOf = (action: CaseCommand['type']): StaffLevel[] => {
  const audiences = CASE_STATES.flatMap((to) => notificationsForAction(action, to).map((p) => p.audience));
  return [...new Set(audiences.filter((a): a is StaffLevel => a === 'grid' || a === 'community' || a === 'street'))];
};

/**
 * act: one state-machine action (PRODUCT.md §5). Order: the caller must be able to see the case
 * (else FORBIDDEN, nothing read back), the stored version must be the one the caller saw (CONFLICT),
 * then the pure `transition` decides (CONFLICT → FORBIDDEN → INVALID_INPUT).
 *
 * Atomic by a single-document write (issue 9 item 3, docs/decisions.md): ONE update conditional on
 * `version` carries the new state, the event (onto the timeline) and the outbox rows; then the rows go
 * to `notifications`. A retry of the same request (same caller, expected version and command) after the
 * write is answered as done and completes the outbox. Round trips: case, caller + notified staff (one
 * query), street config, write, outbox.
 */
export async function act(input: ActInput, call: Invocation) {
  const cases = casesOf(call.db);
  const stored = await cases.require(input.caseId, '事件');
  const command = input.command as CaseCommand;
  const found = await callerAndStaff(call.db, call.openid, staffLevelsOf(command.type), stored);
  if (!found.caller) throw new DomainError('FORBIDDEN', '您没有权限进行此操作');
  const caller: Caller = { userId: found.caller._id, name: found.caller.name, roles: found.caller.roles };
  authorize(canSee(caller, stored), '您无权处理此事件');
  const requestKey = requestKeyOf(caller.userId, input.expectedVersion, command);
  const done = stored.timeline.find((e) => e._id === caseEventId(stored._id, input.expectedVersion + 1));
  if (done?.requestKey === requestKey) {
    await flushOutbox(call.db, outboxOfStep(stored, done._id));
    return { caseId: stored._id, state: stored.state, version: stored.version };
  }
  if (stored.version !== input.expectedVersion) throw new DomainError('CONFLICT', '事件已被其他人处理，请刷新后重试');
  const { case: next, event } = transition(workflowOf(stored), command, actorOf(caller), call.now);
  if (event.photos.length) await requireOwnUploads(call.db, event.photos, caller.userId);
  const config = await loadStreetConfig(call.db, stored.streetId);
  const deadline = deadlineFieldsOf(next, config.sla, call.now, stored.overdueLevel);
  const patch = casePatch(call.db, next, deadline, call.now);
  if (command.type === 'rate' && command.note) patch.ratingComment = command.note;
  const eventId = caseEventId(stored._id, stored.version + 1);
  const effects: StepEffects = {
    event: { _id: eventId, caseId: stored._id, ...event, requestKey, ...(command.type === 'rate' ? { rating: command.rating } : {}) },
    notifications: notificationDocs(notificationsFor(stored, next.ownerId, event, eventId, found.staff), call.now, {
      categoryLabel: stored.categoryLabel,
      templates: config.templates,
    }),
  };
  const version = await cases.update(stored, { ...patch, ...effectsPatch(call.db, effects, call.now) });
  await flushOutbox(call.db, effects.notifications);
  return { caseId: stored._id, state: next.state, version };
}

/** Same caller, same version seen, same command: the same request (a retry), recognised after a crash. */
function requestKeyOf(userId: string, expectedVersion: number, command: CaseCommand): string {
  return createHash('sha256').update(JSON.stringify([userId, expectedVersion, command])).digest('hex').slice(0, 24);
}

export async function rate(input: RateInput, call: Invocation) {
  const expectedVersion = input.expectedVersion ?? (await loadCase(call, input.caseId)).version;
  return act({ caseId: input.caseId, expectedVersion, command: { type: 'rate', rating: input.rating, ...(input.comment ? { note: input.comment } : {}) } }, call);
}

/**
 * Who hears of the action is the pure rule in src/domain/notification (PRODUCT.md §6); here only the
 * staff levels it names are looked up, and each kind gets its line for the in-app list.
 */
function notificationsFor(c: StoredCase, ownerId: string | undefined, event: CaseEvent, cause: string, staff: Record<StaffLevel, string[]>): OutgoingNotification[] {
  const plan = notificationsForAction(event.type, event.to);
  const recipients = resolveRecipients(plan, { reporterId: c.reporterId, ownerId, actorId: event.by, staff });
  return recipients.map(({ toUserId, kind }) => ({ toUserId, kind, caseId: c._id, cause, body: bodyFor(kind, c, event) }));
}

function bodyFor(kind: NotificationKind, c: StoredCase, event: CaseEvent): string {
  switch (kind) {
    case 'case_accepted':
      return `${c.categoryLabel}已由网格员签收`;
    case 'case_escalated':
      return event.type === 'escalate_to_community' ? '已上报社区' : '已上报街道';
    case 'case_resolved':
      return event.note ?? '已办结';
    case 'case_returned':
      return event.note ?? '已退回';
    case 'case_assigned':
      return event.type === 'verify' || event.type === 'rate' ? `返工：${event.note ?? c.categoryLabel}` : `${c.categoryLabel}：${event.note ?? c.description}`;
    default:
      return c.description;
  }
}
