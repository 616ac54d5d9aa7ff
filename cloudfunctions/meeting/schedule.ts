import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { chinaDayIndex, chinaIsoDate } from '../../src/domain/calendar/china-time';
import { DomainError } from '../../src/domain/errors';
import {
  attendanceIdFor,
  INVITABLE_ROLES,
  isInvitable,
  meetingIdFor,
  meetingTitleOf,
  organiserScope,
  suggestedDate,
  SUGGESTED_HOURS,
  type AttendanceRecord,
  type MeetingKind,
  type MeetingRecord,
  type MeetingScope,
} from '../../src/domain/meeting';
import type { scheduleMeetingInputSchema } from '../../src/domain/meeting/api';
import { attendanceRecordSchema, meetingRecordSchema } from '../../src/domain/meeting/records';
import { ROLE_LABELS, type RoleGrant, type UserRecord } from '../../src/domain/user';
import { authorize, inTransaction, requireCaller, usersOf, type Caller, type Invocation } from '../_lib';
import { newCheckInCode } from '../_lib/check-in-code';
import { attendanceOf, meetingsOf, requireManagedMeeting } from './store';
import { organisedView } from './views';

type ScheduleInput = z.infer<typeof scheduleMeetingInputSchema>;

/** Most people a street holds who may be invited; more means the list would be cut, which is refused instead. */
const INVITEES_MAX = 2000;

function requireOrganiser(caller: Caller, kind: MeetingKind): MeetingScope {
  const scope = organiserScope(caller.roles, kind);
  authorize(scope !== null, '只有社区工作人员（社区会议）或街道工作人员（街道会议）可以安排会议');
  return scope!;
}

async function inviteesOf(call: Invocation, scope: MeetingScope): Promise<UserRecord[]> {
  const _ = call.db.command;
  const grant = { streetId: scope.streetId, role: _.in([...INVITABLE_ROLES]), ...(scope.communityId ? { communityId: scope.communityId } : {}) };
  return usersOf(call.db).all({ roles: _.elemMatch(grant) }, { max: INVITEES_MAX });
}

const rolesText = (grants: readonly RoleGrant[]) => [...new Set(grants.filter((g) => INVITABLE_ROLES.includes(g.role)).map((g) => ROLE_LABELS[g.role]))].join('、');
const communityOf = (grants: readonly RoleGrant[], scope: MeetingScope) => grants.find((g) => INVITABLE_ROLES.includes(g.role) && g.communityId && (!scope.communityId || g.communityId === scope.communityId))?.communityId;

export async function invitees(input: { kind: MeetingKind }, call: Invocation) {
  const scope = requireOrganiser(await requireCaller(call), input.kind);
  const people = (await inviteesOf(call, scope)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const suggested = { date: suggestedDate(input.kind, chinaIsoDate(chinaDayIndex(call.now.getTime()))), ...SUGGESTED_HOURS };
  return { suggested, people: people.map((u) => ({ userId: u._id, name: u.name, roles: rolesText(u.roles), ...(communityOf(u.roles, scope) ? { communityId: communityOf(u.roles, scope) } : {}) })) };
}

/**
 * Schedules a meeting and invites its attendees in ONE transaction (the meeting and every invitation, or
 * nothing). The `_id` comes from the organiser and the request id: a retry finds the meeting and answers it.
 */
export async function schedule(input: ScheduleInput, call: Invocation) {
  const caller = await requireCaller(call);
  const scope = requireOrganiser(caller, input.kind);
  const meetingId = meetingIdFor(createHash('sha256').update(`${caller.userId}:${input.requestId}`).digest('hex'));
  // A retry (even one arriving after the start) answers the meeting its first try made.
  const existing = await meetingsOf(call).load(meetingId);
  if (existing) return { meeting: organisedView(existing, await attendanceOf(call).all({ meetingId }, { max: 1000 }), call.now), created: false };
  if (input.startAt.getTime() < call.now.getTime()) throw new DomainError('INVALID_INPUT', '会议开始时间已过，请重新选择', { startAt: '会议开始时间已过' });
  const people = await usersOf(call.db).loadMany(input.attendeeIds);
  const outside = input.attendeeIds.filter((id) => !people.some((p) => p._id === id && isInvitable(p.roles, scope)));
  if (outside.length) throw new DomainError('INVALID_INPUT', `有 ${outside.length} 位参会人不在本${scope.communityId ? '社区' : '街道'}的网格工作人员中`, { attendeeIds: '参会人只能是本辖区的网格工作人员' });

  const meeting: MeetingRecord = {
    _id: meetingId,
    streetId: scope.streetId,
    ...(scope.communityId ? { communityId: scope.communityId } : {}),
    kind: input.kind,
    title: meetingTitleOf(input.kind, input.title),
    place: input.place,
    note: input.note,
    startAt: input.startAt,
    endAt: input.endAt,
    organiserId: caller.userId,
    organiserName: caller.name,
    checkInCode: newCheckInCode(),
    attendeeCount: people.length,
    cancelled: false,
    requestId: input.requestId,
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  };
  const attendance: AttendanceRecord[] = people.map((p) => ({
    _id: attendanceIdFor(meetingId, p._id),
    meetingId,
    streetId: scope.streetId,
    ...(scope.communityId ? { communityId: scope.communityId } : {}),
    ...(communityOf(p.roles, scope) ? { attendeeCommunityId: communityOf(p.roles, scope) } : {}),
    userId: p._id,
    name: p.name,
    kind: meeting.kind,
    title: meeting.title,
    startAt: meeting.startAt,
    endAt: meeting.endAt,
    cancelled: false,
    wrongCodes: 0,
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  }));
  const created = await inTransaction(call.db, async (tx) => {
    const meetings = tx.collectionOf('meetings', meetingRecordSchema);
    if (await meetings.load(meetingId)) return false;
    await meetings.insert(meeting);
    const invitations = tx.collectionOf('meeting_attendance', attendanceRecordSchema);
    for (const a of attendance) await invitations.insert(a);
    return true;
  });
  if (!created) return { meeting: organisedView(await requireManagedMeeting(call, caller, meetingId), await attendanceOf(call).all({ meetingId }, { max: 1000 }), call.now), created };
  return { meeting: organisedView(meeting, attendance, call.now), created };
}

/** Calls a meeting off before it ends: the meeting and every invitation say so, in one transaction. */
export async function cancel(input: { meetingId: string; reason: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const m = await requireManagedMeeting(call, caller, input.meetingId);
  if (m.cancelled) return { cancelled: true };
  if (call.now.getTime() >= m.endAt.getTime()) throw new DomainError('CONFLICT', '会议已经结束，不能取消');
  const ids = (await attendanceOf(call).all({ meetingId: m._id }, { max: 1000 })).map((a) => a._id);
  await inTransaction(call.db, async (tx) => {
    const meetings = tx.collectionOf('meetings', meetingRecordSchema);
    const fresh = await meetings.require(m._id, '会议');
    if (fresh.cancelled) return;
    await meetings.update(fresh, { cancelled: true, cancelReason: input.reason, updatedAt: call.now });
    const invitations = tx.collectionOf('meeting_attendance', attendanceRecordSchema);
    for (const id of ids) {
      const a = await invitations.load(id);
      if (a) await invitations.update(a, { cancelled: true, updatedAt: call.now });
    }
  });
  return { cancelled: true };
}
