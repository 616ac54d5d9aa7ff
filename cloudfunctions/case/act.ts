import type { z } from 'zod';
import type { caseApi } from '../../src/domain/case/api';
import type { CaseCommand } from '../../src/domain/case/case-command';
import { deadlineFieldsOf } from '../../src/domain/case/escalation';
import { transition, type CaseEvent } from '../../src/domain/case/transition';
import { DomainError } from '../../src/domain/errors';
import { authorize, requireCaller, updateVersioned, type Invocation } from '../_lib';
import { queueNotifications, staffAt, type OutgoingNotification } from '../_lib/notify';
import { casePatch, loadCase, requireOwnPhotos, workflowOf, type StoredCase } from './records';
import { loadStreetConfig } from './street-config';
import { actorOf, canSee } from './scope';

type ActInput = z.infer<(typeof caseApi)['act']['input']>;
type RateInput = z.infer<(typeof caseApi)['rate']['input']>;

/**
 * act: one state-machine action (PRODUCT.md §5). Order: the caller must be able to see the case
 * (else FORBIDDEN, nothing read back), the stored version must be the one the caller saw (CONFLICT),
 * then the pure `transition` decides (CONFLICT → FORBIDDEN → INVALID_INPUT). Then: a conditional
 * update on `version`, the event appended, notifications queued (ARCHITECTURE §4).
 */
export async function act(input: ActInput, call: Invocation) {
  const caller = await requireCaller(call);
  const stored = await loadCase(call, input.caseId);
  authorize(canSee(caller, stored), '您无权处理此事件');
  if (stored.version !== input.expectedVersion) throw new DomainError('CONFLICT', '事件已被其他人处理，请刷新后重试');
  const command = input.command as CaseCommand;
  const { case: next, event } = transition(workflowOf(stored), command, actorOf(caller), call.now);
  if (event.photos.length) requireOwnPhotos(event.photos, caller.userId);
  const config = await loadStreetConfig(call.db, stored.streetId);
  const deadline = deadlineFieldsOf(next, config.sla, call.now);
  const patch = casePatch(call.db, next, deadline, call.now);
  if (command.type === 'rate' && command.note) patch.ratingComment = command.note;
  const version = await updateVersioned(call.db, 'cases', { _id: stored._id, version: input.expectedVersion }, patch);
  const eventId = `${stored._id}-v${version}`;
  await call.db.collection('case_events').add({ _id: eventId, caseId: stored._id, ...event, ...(command.type === 'rate' ? { rating: command.rating } : {}) });
  await queueNotifications(call.db, await notificationsFor(call, stored, next.ownerId, event, eventId), call.now, config.templates);
  return { caseId: stored._id, state: next.state, version };
}

export async function rate(input: RateInput, call: Invocation) {
  const expectedVersion = input.expectedVersion ?? (await loadCase(call, input.caseId)).version;
  return act({ caseId: input.caseId, expectedVersion, command: { type: 'rate', rating: input.rating, ...(input.comment ? { note: input.comment } : {}) } }, call);
}

/** PRODUCT.md §6: the reporter at sign-for, escalation, resolution (and a return, with its reason); staff on assignment. */
async function notificationsFor(call: Invocation, c: StoredCase, ownerId: string | undefined, event: CaseEvent, cause: string): Promise<OutgoingNotification[]> {
  const toReporter = (kind: OutgoingNotification['kind'], body: string): OutgoingNotification[] =>
    c.reporterId === event.by ? [] : [{ toUserId: c.reporterId, kind, caseId: c._id, cause, body }];
  const toStaff = async (level: 'community' | 'street', body: string) =>
    (await staffAt(call.db, level, c)).map((toUserId): OutgoingNotification => ({ toUserId, kind: 'case_assigned', caseId: c._id, cause, body }));
  switch (event.type) {
    case 'accept':
      return toReporter('case_accepted', `${c.categoryLabel}已由网格员签收`);
    case 'escalate_to_community':
      return [...toReporter('case_escalated', '已上报社区'), ...(await toStaff('community', `${c.categoryLabel}：${event.note ?? c.description}`))];
    case 'escalate_to_street':
    case 'dispatch':
      return [...toReporter('case_escalated', '已上报街道'), ...(await toStaff('street', `${c.categoryLabel}：${event.note ?? c.description}`))];
    case 'resolve':
      return toReporter('case_resolved', event.note ?? '已办结');
    case 'return':
      return toReporter('case_returned', event.note ?? '已退回');
    case 'verify':
    case 'rate':
      // A failed check or a 返工 sends the work back to whoever owns it.
      return event.to !== 'verified' && event.to !== 'rated' && event.to !== 'closed' && ownerId
        ? [{ toUserId: ownerId, kind: 'case_assigned', caseId: c._id, cause, body: `返工：${event.note ?? c.categoryLabel}` }]
        : [];
    default:
      return [];
  }
}
