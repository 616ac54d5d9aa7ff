import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '../../src/domain/errors';
import { activeRule, activitySchema, activityVerdict, allowedActivityActions, assertAllowed, checkInOpening, type Activity, type ActivityAction } from '../../src/domain/volunteer';
import type { activityInputSchema } from '../../src/domain/volunteer/api';
import { pageOptionsOf } from '../../src/domain/paging';
import { parseInput } from '../../src/domain/validation';
import { authorize, requireCaller, type Caller, type Invocation } from '../_lib';
import { newCheckInCode } from '../_lib/check-in-code';
import { loadRules } from './ledger-store';
import { activityToDoc, communitiesOf, loadActivityRecord, storedActivityOf, volunteerCollection, type StoredActivity, type VolunteerRecord } from './records';
import { activityActor, communityNames, findVolunteer, isOrganiser, isStreetStaff, staffCommunityIds, streetOf } from './scope';

/**
 * Six digits: elderly volunteers type it when their phone cannot scan. Guessing is bounded by the
 * wrong-code limit on each sign-up (signups.ts), not by the code's length. Shared with meetings.
 */
export { newCheckInCode } from '../_lib/check-in-code';

type ActivityInput = z.infer<typeof activityInputSchema>;
const conflict = () => new DomainError('CONFLICT', '数据已被其他操作修改，请刷新后重试');

export const loadActivity = loadActivityRecord;

/** Organisers act only in their own community: the stored activity's, never the payload's. */
export async function loadOwnActivity(call: Invocation, caller: Caller, activityId: string): Promise<StoredActivity> {
  const stored = await loadActivity(call, activityId);
  authorize(isOrganiser(caller.roles, stored.activity.streetId, stored.activity.communityId));
  return stored;
}

/** The activity rule table decides (FORBIDDEN, then CONFLICT): the same table the pages read their buttons from. */
export async function checkActivityAction(call: Invocation, caller: Caller, stored: StoredActivity, action: ActivityAction, extra: { participantId?: string; volunteer?: VolunteerRecord } = {}) {
  const actor = await activityActor(call, caller, stored.activity.id, extra.volunteer);
  const rules = action === 'publish' ? await loadRules(call, stored.activity.streetId) : undefined;
  assertAllowed(activityVerdict(action, { activity: stored.activity, completedBy: stored.record.completedBy }, actor, { now: call.now, rules, ...extra }));
  return actor;
}

/** Writes on condition of the version read; every state change goes through here. */
async function updateActivity(call: Invocation, stored: StoredActivity, patch: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<number> {
  return volunteerCollection(call, 'activities').update({ _id: stored.activity.id, version: stored.version }, { ...patch, updatedAt: call.now }, extra);
}

function expectVersion(stored: StoredActivity, expected: number): void {
  if (stored.version !== expected) throw conflict();
}

export async function saveActivity(input: ActivityInput, call: Invocation) {
  const caller = await requireCaller(call);
  const community = await communitiesOf(call).load(input.communityId);
  if (!community) throw new DomainError('NOT_FOUND', '社区不存在');
  const streetId = community.streetId;
  authorize(isOrganiser(caller.roles, streetId, input.communityId));
  const rule = activeRule(await loadRules(call, streetId), input.ruleId);
  if (rule.requiresConfirmedCase) throw new DomainError('CONFLICT', '线索按事件确认属实后计分,不作为活动发布');
  const fields = { title: input.title, content: input.content, ruleId: input.ruleId, expectedPoints: input.expectedPoints, headcount: input.headcount, startAt: input.startAt, endAt: input.endAt, place: input.place };
  if (!input.activityId) {
    if (!input.requestId) throw new DomainError('INVALID_INPUT', '输入有误：新建时需要请求编号', { requestId: '新建时需要请求编号' });
    const _id = `act-${createHash('sha256').update(`${streetId}:${input.requestId}`).digest('hex').slice(0, 20)}`;
    const activity: Activity = parseInput(activitySchema, { id: _id, ...fields, communityId: input.communityId, streetId, state: 'draft' });
    const { id: _sameAsId, ...stored } = activity;
    const doc = { _id, ...stored, taken: 0, checkInCode: newCheckInCode(), createdBy: caller.userId, version: 1, createdAt: call.now, updatedAt: call.now };
    // The retry finds its own activity; someone else's requestId reveals nothing.
    const { doc: found, created } = await volunteerCollection(call, 'activities').insertOnce(doc);
    if (!created && found.communityId !== input.communityId) throw new DomainError('CONFLICT', '请求编号已被使用，请刷新后重试');
    return { id: _id, version: found.version };
  }
  const stored = await loadOwnActivity(call, caller, input.activityId);
  if (input.expectedVersion === undefined) throw new DomainError('INVALID_INPUT', '输入有误：修改时需要版本号', { expectedVersion: '修改时需要版本号' });
  expectVersion(stored, input.expectedVersion);
  await checkActivityAction(call, caller, stored, 'edit');
  if (input.communityId !== stored.activity.communityId) throw new DomainError('CONFLICT', '活动不能移到其他社区');
  const next = parseInput(activitySchema, { ...stored.activity, ...fields });
  // A changed rule or points needs the street's approval again.
  const approvalKept = next.ruleId === stored.activity.ruleId && next.expectedPoints === stored.activity.expectedPoints;
  const patch = { ...activityToDoc({ ...next, streetApproval: approvalKept ? next.streetApproval : undefined }) };
  if (!approvalKept) patch.streetApproval = call.db.command.remove();
  return { id: stored.activity.id, version: await updateActivity(call, stored, patch) };
}

/** 001 L877: the street's leading group agrees the points of a 其他 activity. */
export async function approvePoints(input: { activityId: string; expectedVersion: number; points: number }, call: Invocation) {
  const caller = await requireCaller(call);
  const stored = await loadActivity(call, input.activityId);
  await checkActivityAction(call, caller, stored, 'approvePoints');
  expectVersion(stored, input.expectedVersion);
  const rule = activeRule(await loadRules(call, stored.activity.streetId), stored.activity.ruleId);
  if (rule.points !== null) throw new DomainError('CONFLICT', '该规则分值固定,无需街道审批');
  const patch = { expectedPoints: input.points, streetApproval: { points: input.points, by: caller.userId, at: call.now } };
  return { id: stored.activity.id, version: await updateActivity(call, stored, patch) };
}

export async function publishActivity(input: { activityId: string; expectedVersion: number }, call: Invocation) {
  const caller = await requireCaller(call);
  const stored = await loadOwnActivity(call, caller, input.activityId);
  expectVersion(stored, input.expectedVersion);
  await checkActivityAction(call, caller, stored, 'publish');
  return { id: stored.activity.id, version: await updateActivity(call, stored, { state: 'published', publishedAt: call.now }) };
}

export async function cancelActivity(input: { activityId: string; expectedVersion: number; reason: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const stored = await loadOwnActivity(call, caller, input.activityId);
  expectVersion(stored, input.expectedVersion);
  await checkActivityAction(call, caller, stored, 'cancel');
  return { id: stored.activity.id, version: await updateActivity(call, stored, { state: 'cancelled', cancelReason: input.reason }) };
}

// ---------- reads ----------

type Mine = 'none' | 'signed_up' | 'checked_in';
type MineRow = { mine: Mine; signedAt: Date };

function summary(s: StoredActivity, ruleLabel: string, communityName: string, mine: Mine, actions: ActivityAction[]) {
  const a = s.activity;
  return {
    activityId: a.id, title: a.title, ruleId: a.ruleId, ruleLabel, expectedPoints: a.expectedPoints, headcount: a.headcount, taken: s.taken,
    startAt: a.startAt.toISOString(), endAt: a.endAt.toISOString(), place: a.place, communityId: a.communityId, communityName, state: a.state, mine, version: s.version, actions,
  };
}

async function mineOf(call: Invocation, volunteerId: string, activityIds: string[]): Promise<Map<string, MineRow>> {
  if (!activityIds.length) return new Map();
  const _ = call.db.command;
  const docs = await volunteerCollection(call, 'signups').all({ volunteerId, activityId: _.in(activityIds) });
  return new Map(docs.map((d) => [d.activityId, { mine: d.checkedInAt ? 'checked_in' : 'signed_up', signedAt: d.signedAt }]));
}

/** What the caller may do with each activity, from the rule table (the pages never compare states). */
function actionsFor(s: StoredActivity, caller: Caller, volunteerCommunityId: string | undefined, mine: MineRow | undefined, now: Date, rules: Awaited<ReturnType<typeof loadRules>>): ActivityAction[] {
  const actor = { userId: caller.userId, roles: caller.roles, volunteerCommunityId, signup: mine ? { signedAt: mine.signedAt, checkedIn: mine.mine === 'checked_in' } : undefined };
  return allowedActivityActions({ activity: s.activity, completedBy: s.record.completedBy }, actor, { now, rules });
}

type ActivitiesInput = { communityId?: string; state?: Activity['state']; order?: 'soonest' | 'latest'; signedUp?: boolean; after?: string; limit?: number };

/**
 * Volunteers: their community's published and completed activities; organisers: their communities', any
 * state; street staff: the street's. One cursor page by start time then id, with the total (one count).
 */
export async function activities(input: ActivitiesInput, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  const _ = call.db.command;
  const where: Record<string, unknown> = { streetId };
  if (isStreetStaff(caller.roles, streetId)) {
    if (input.communityId) where.communityId = input.communityId;
  } else {
    const staffOf = staffCommunityIds(caller.roles, streetId);
    const own = (await findVolunteer(call, caller.userId))?.communityId;
    const visible = [...new Set([...staffOf, ...(own ? [own] : [])])].filter((c) => !input.communityId || c === input.communityId);
    where.communityId = _.in(visible);
    // Drafts and cancelled ones only to their organisers.
    if (!staffOf.length) where.state = _.in(input.state && !['published', 'completed'].includes(input.state) ? [] : ['published', 'completed']);
  }
  if (input.state && !(where.state && input.state !== 'published' && input.state !== 'completed')) where.state = input.state;
  // The caller's own sign-ups (a volunteer holds tens, not thousands): the pages then hold only those activities.
  if (input.signedUp) where._id = _.in((await volunteerCollection(call, 'signups').all({ volunteerId: caller.userId }, { max: 5_000 })).map((s) => s.activityId));
  const store = volunteerCollection(call, 'activities');
  const [page, total] = await Promise.all([store.page(where, { orderBy: ['startAt', input.order === 'soonest' ? 'asc' : 'desc'], ...pageOptionsOf(input) }), store.count(where)]);
  const stored = page.items.map(storedActivityOf);
  const [rules, names, mine, own] = await Promise.all([loadRules(call, streetId), communityNames(call, streetId), mineOf(call, caller.userId, stored.map((s) => s.activity.id)), findVolunteer(call, caller.userId)]);
  const label = (ruleId: string) => rules.find((r) => r.id === ruleId)?.activity ?? ruleId;
  return {
    activities: stored.map((s) => {
      const row = mine.get(s.activity.id);
      return summary(s, label(s.activity.ruleId), names.get(s.activity.communityId) ?? '', row?.mine ?? 'none', actionsFor(s, caller, own?.communityId, row, call.now, rules));
    }),
    next: page.next,
    total,
  };
}

export async function activity(input: { activityId: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const stored = await loadActivity(call, input.activityId);
  const a = stored.activity;
  const canManage = isOrganiser(caller.roles, a.streetId, a.communityId);
  const oversee = canManage || isStreetStaff(caller.roles, a.streetId);
  const own = await findVolunteer(call, caller.userId);
  if (!oversee) authorize(own?.communityId === a.communityId && (a.state === 'published' || a.state === 'completed'));
  const [rules, names, mine] = await Promise.all([loadRules(call, a.streetId), communityNames(call, a.streetId), mineOf(call, caller.userId, [a.id])]);
  const row = mine.get(a.id);
  const base = summary(stored, rules.find((r) => r.id === a.ruleId)?.activity ?? a.ruleId, names.get(a.communityId) ?? '', row?.mine ?? 'none', actionsFor(stored, caller, own?.communityId, row, call.now, rules));
  const { opensAt, closesAt } = checkInOpening(a);
  const detail = { ...base, content: a.content, canManage, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), streetApprovalPoints: a.streetApproval?.points };
  // 报名名单 is its own paged action (`signups`, roster.ts).
  return canManage ? { ...detail, checkInCode: stored.checkInCode } : detail;
}
