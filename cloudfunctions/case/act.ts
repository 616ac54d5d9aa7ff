import type { z } from 'zod';
import type { caseApi } from '../../src/domain/case/api';
import type { CaseCommand } from '../../src/domain/case/case-command';
import { deadlineFieldsOf } from '../../src/domain/case/escalation';
import { transition, type CaseEvent } from '../../src/domain/case/transition';
import { DomainError } from '../../src/domain/errors';
import { authorize, requireCaller, requireOwnUploads, updateVersioned, type Invocation } from '../_lib';
import { notificationsForAction, resolveRecipients, type NotificationKind } from '../../src/domain/notification';
import { queueNotifications, staffAt, type OutgoingNotification } from '../_lib/notify';
import { casePatch, loadCase, workflowOf, type StoredCase } from './records';
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
  if (event.photos.length) await requireOwnUploads(call.db, event.photos, caller.userId);
  const config = await loadStreetConfig(call.db, stored.streetId);
  const deadline = deadlineFieldsOf(next, config.sla, call.now, stored.overdueLevel);
  const patch = casePatch(call.db, next, deadline, call.now);
  if (command.type === 'rate' && command.note) patch.ratingComment = command.note;
  const version = await updateVersioned(call.db, 'cases', { _id: stored._id, version: input.expectedVersion }, patch);
  const eventId = `${stored._id}-v${version}`;
  await call.db.collection('case_events').add({ _id: eventId, caseId: stored._id, ...event, ...(command.type === 'rate' ? { rating: command.rating } : {}) });
  await queueNotifications(call.db, await notificationsFor(call, stored, next.ownerId, event, eventId), call.now, { categoryLabel: stored.categoryLabel, templates: config.templates });
  return { caseId: stored._id, state: next.state, version };
}

export async function rate(input: RateInput, call: Invocation) {
  const expectedVersion = input.expectedVersion ?? (await loadCase(call, input.caseId)).version;
  return act({ caseId: input.caseId, expectedVersion, command: { type: 'rate', rating: input.rating, ...(input.comment ? { note: input.comment } : {}) } }, call);
}

/**
 * Who hears of the action is the pure rule in src/domain/notification (PRODUCT.md §6); here only the
 * staff levels it names are looked up, and each kind gets its line for the in-app list.
 */
async function notificationsFor(call: Invocation, c: StoredCase, ownerId: string | undefined, event: CaseEvent, cause: string): Promise<OutgoingNotification[]> {
  const plan = notificationsForAction(event.type, event.to);
  const levels = [...new Set(plan.map((p) => p.audience).filter((a): a is 'grid' | 'community' | 'street' => a === 'grid' || a === 'community' || a === 'street'))];
  const staff = Object.fromEntries(await Promise.all(levels.map(async (level) => [level, await staffAt(call.db, level, c)] as const)));
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
