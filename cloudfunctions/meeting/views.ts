import { ATTENDANCE_STATUS_LABELS, attendanceStatus, MEETING_CHECK_IN_WINDOW, MEETING_KIND_INFO, type AttendanceRecord, type MeetingRecord } from '../../src/domain/meeting';
import { checkInOpeningOf } from '../../src/domain/check-in/code';
import type { AttendeeView, MeetingSummary, MyMeetingView, OrganisedMeetingView } from '../../src/domain/meeting/api';

/** Stored records → the contract's views, field by field (a new stored field never leaks by accident). */

const iso = (d: Date) => d.toISOString();

function baseOf(m: MeetingRecord, now: Date) {
  const { opensAt, closesAt } = checkInOpeningOf(m, MEETING_CHECK_IN_WINDOW);
  return {
    meetingId: m._id,
    kind: m.kind,
    kindLabel: MEETING_KIND_INFO[m.kind].label,
    title: m.title,
    place: m.place,
    note: m.note,
    startAt: iso(m.startAt),
    endAt: iso(m.endAt),
    organiserName: m.organiserName,
    ...(m.communityId ? { communityId: m.communityId } : {}),
    cancelled: m.cancelled,
    signInOpensAt: iso(opensAt),
    signInClosesAt: iso(closesAt),
    ended: now.getTime() >= m.endAt.getTime(),
  };
}

export function attendeeView(m: MeetingRecord, a: AttendanceRecord, now: Date): AttendeeView {
  const status = attendanceStatus(m, a, now);
  const leave = a.leave && {
    reason: a.leave.reason,
    requestedAt: iso(a.leave.requestedAt),
    ...(a.leave.decision ? { decision: a.leave.decision } : {}),
    ...(a.leave.decidedAt ? { decidedAt: iso(a.leave.decidedAt) } : {}),
    ...(a.leave.note ? { note: a.leave.note } : {}),
  };
  return { userId: a.userId, name: a.name, status, statusLabel: ATTENDANCE_STATUS_LABELS[status], ...(a.signedInAt ? { signedInAt: iso(a.signedInAt) } : {}), ...(leave ? { leave } : {}) };
}

export function organisedView(m: MeetingRecord, attendance: readonly AttendanceRecord[], now: Date): OrganisedMeetingView {
  const attendees = [...attendance].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((a) => attendeeView(m, a, now));
  const count = (s: AttendeeView['status']) => attendees.filter((a) => a.status === s).length;
  return {
    ...baseOf(m, now),
    checkInCode: m.checkInCode,
    attendees,
    counts: { invited: attendees.length, present: count('present'), leavePending: count('leave_pending'), onLeave: count('on_leave'), absent: count('absent'), expected: count('expected') },
  };
}

export const myView = (m: MeetingRecord, a: AttendanceRecord, now: Date): MyMeetingView => ({ ...baseOf(m, now), mine: attendeeView(m, a, now) });

export const summaryView = (m: MeetingRecord, now: Date): MeetingSummary => ({ ...baseOf(m, now), attendeeCount: m.attendeeCount });
