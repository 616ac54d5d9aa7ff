import { checkInCodeMatches, MAX_WRONG_CHECK_IN_CODES } from '../../src/domain/check-in/code';
import { DomainError } from '../../src/domain/errors';
import { attendanceIdFor, canDecideLeave, canRequestLeave, canSignIn, MEETING_CHECK_IN_WINDOW, type LeaveDecision } from '../../src/domain/meeting';
import { assertAllowed } from '../../src/domain/volunteer/verdict';
import { requireCaller, type Invocation } from '../_lib';
import { attendanceOf, requireManagedMeeting, requireOwnAttendance } from './store';
import { attendeeView } from './views';

/**
 * The attendee's own acts (issue 14 item 5): sign in with the meeting's code, ask for leave; and the
 * organiser's answer to a leave request. The attendee is always the caller — there is no "for" field.
 * Each act changes the caller's one invitation document with a versioned update; repeating an act
 * answers what the first did (a retried or double-tapped request changes nothing more).
 */

export async function signIn(input: { meetingId: string; code: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const { meeting, attendance } = await requireOwnAttendance(call, caller, input.meetingId);
  if (attendance.signedInAt) return { signedInAt: attendance.signedInAt.toISOString() };
  assertAllowed(canSignIn(meeting, attendance, call.now, MEETING_CHECK_IN_WINDOW));
  if (attendance.wrongCodes >= MAX_WRONG_CHECK_IN_CODES) throw new DomainError('RATE_LIMITED', '签到码输错次数过多，请找会议组织人核对');
  if (!checkInCodeMatches(input.code, meeting.checkInCode)) {
    await attendanceOf(call).updateWhere({ _id: attendance._id }, { wrongCodes: call.db.command.inc(1) });
    throw new DomainError('INVALID_INPUT', '签到码不正确，请核对会场公布的6位签到码或扫描会场二维码', { code: '签到码不正确' });
  }
  await attendanceOf(call).update(attendance, { signedInAt: call.now, updatedAt: call.now });
  return { signedInAt: call.now.toISOString() };
}

export async function requestLeave(input: { meetingId: string; reason: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const { meeting, attendance } = await requireOwnAttendance(call, caller, input.meetingId);
  // The same request again (a retry) answers the stored one.
  if (attendance.leave && !attendance.leave.decision && attendance.leave.reason === input.reason) return { mine: attendeeView(meeting, attendance, call.now) };
  assertAllowed(canRequestLeave(meeting, attendance, call.now));
  const leave = { reason: input.reason, requestedAt: call.now };
  const version = await attendanceOf(call).update(attendance, { leave: call.db.command.set(leave), updatedAt: call.now });
  return { mine: attendeeView(meeting, { ...attendance, leave, version }, call.now) };
}

export async function decideLeave(input: { meetingId: string; attendeeId: string; decision: LeaveDecision; note?: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const meeting = await requireManagedMeeting(call, caller, input.meetingId);
  const attendance = await attendanceOf(call).load(attendanceIdFor(meeting._id, input.attendeeId));
  if (!attendance) throw new DomainError('NOT_FOUND', '该人员不在参会名单中', { attendeeId: '该人员不在参会名单中' });
  assertAllowed(canDecideLeave(attendance, input.decision));
  if (attendance.leave!.decision === input.decision) return { attendee: attendeeView(meeting, attendance, call.now) };
  const leave = { ...attendance.leave!, decision: input.decision, decidedAt: call.now, decidedBy: caller.userId, ...(input.note ? { note: input.note } : {}) };
  await attendanceOf(call).update(attendance, { leave: call.db.command.set(leave), updatedAt: call.now });
  return { attendee: attendeeView(meeting, { ...attendance, leave }, call.now) };
}
