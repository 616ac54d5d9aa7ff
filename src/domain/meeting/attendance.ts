import { checkInOpeningOf, type CheckInWindowRule } from '../check-in/code';
import { chinaDayIndex, chinaIsoDate } from '../calendar/china-time';
import { ALLOWED, refuse, type Verdict } from '../volunteer/verdict';
import { MEETING_KIND_INFO, type MeetingKind } from './kinds';

/**
 * One attendee's standing at one meeting (issue 14 item 5), derived from what was recorded — a sign-in, a
 * leave request and its decision — and the clock: nobody has to "close" a meeting for its absences to count.
 * Pure: the time is passed in.
 */
export const ATTENDANCE_STATUSES = ['expected', 'present', 'leave_pending', 'on_leave', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  expected: '未签到',
  present: '已签到',
  leave_pending: '请假待批',
  on_leave: '已准假',
  absent: '缺席',
};

export const LEAVE_DECISIONS = ['approved', 'rejected'] as const;
export type LeaveDecision = (typeof LEAVE_DECISIONS)[number];

export interface Leave {
  reason: string;
  requestedAt: Date;
  decision?: LeaveDecision;
  decidedAt?: Date;
  decidedBy?: string;
  note?: string;
}

export interface MeetingTimes {
  startAt: Date;
  endAt: Date;
  cancelled: boolean;
}

export interface AttendanceFacts {
  signedInAt?: Date;
  leave?: Leave;
}

const isOver = (m: MeetingTimes, now: Date) => now.getTime() >= m.endAt.getTime();

export function attendanceStatus(m: MeetingTimes, a: AttendanceFacts, now: Date): AttendanceStatus {
  if (a.signedInAt) return 'present';
  if (a.leave?.decision === 'approved') return 'on_leave';
  if (a.leave && !a.leave.decision) return 'leave_pending';
  // A refused leave is an ordinary invitation again: present if they come, absent if not.
  return isOver(m, now) ? 'absent' : 'expected';
}

/** Typing or scanning the code: only an invited attendee, only inside the window (closing instant excluded). */
export function canSignIn(m: MeetingTimes, a: AttendanceFacts, now: Date, window: CheckInWindowRule): Verdict {
  if (m.cancelled) return refuse('CONFLICT', '会议已取消');
  if (a.signedInAt) return ALLOWED; // signing in twice answers the first sign-in
  const { opensAt, closesAt } = checkInOpeningOf(m, window);
  if (now.getTime() < opensAt.getTime()) return refuse('CONFLICT', `签到尚未开始（会前${window.opensMinutesBeforeStart}分钟开放）`);
  if (now.getTime() >= closesAt.getTime()) return refuse('CONFLICT', '签到已结束，会议已经结束');
  return ALLOWED;
}

/** Asking for leave: before the meeting ends, not after signing in, once (a pending or decided request stands). */
export function canRequestLeave(m: MeetingTimes, a: AttendanceFacts, now: Date): Verdict {
  if (m.cancelled) return refuse('CONFLICT', '会议已取消');
  if (a.signedInAt) return refuse('CONFLICT', '您已签到，无需请假');
  if (isOver(m, now)) return refuse('CONFLICT', '会议已结束，不能再请假');
  if (a.leave && a.leave.decision !== 'rejected') return refuse('CONFLICT', a.leave.decision ? '请假已批准' : '已提交请假，等待组织人审批');
  return ALLOWED;
}

/** The organiser decides a pending request; the same decision again (a retry) is answered as before. */
export function canDecideLeave(a: AttendanceFacts, decision: LeaveDecision): Verdict {
  if (!a.leave) return refuse('CONFLICT', '该参会人没有请假');
  if (a.leave.decision && a.leave.decision !== decision) return refuse('CONFLICT', '该请假已处理');
  return ALLOWED;
}

/** One invitation as the rules read it (compliance, assessment). */
export interface AttendanceFact extends MeetingTimes, AttendanceFacts {
  meetingId: string;
  userId: string;
  kind: MeetingKind;
  title: string;
}

/** Whether approved leave excuses a meeting (a street rule with its reason: src/domain/worklog/work-rules.ts). */
export interface LeavePolicy {
  approvedLeaveExcused: boolean;
}

const chinaDate = (at: Date) => chinaIsoDate(chinaDayIndex(at.getTime()));
export const attendanceLabel = (f: Pick<AttendanceFact, 'startAt' | 'title'>, status: AttendanceStatus) =>
  `${chinaDate(f.startAt).slice(5)} ${f.title}（${ATTENDANCE_STATUS_LABELS[status]}）`;

/** How one invitation counts: went, missed, excused by approved leave, or not settled yet (cancelled, or still to come). */
export type AttendanceOutcome = 'attended' | 'missed' | 'excused' | 'unsettled';

/**
 * Settled invitations only count — the meeting is over, or they signed in already. Approved leave takes the
 * meeting off the required ones when the street's rule says so; otherwise it counts as not attended. A
 * request still pending when the meeting ended is not (yet) an excuse.
 */
export function attendanceOutcome(f: AttendanceFact, policy: LeavePolicy, now: Date): { outcome: AttendanceOutcome; status: AttendanceStatus } {
  const status = attendanceStatus(f, f, now);
  if (f.cancelled || status === 'expected' || (status === 'leave_pending' && !isOver(f, now))) return { outcome: 'unsettled', status };
  if (status === 'present') return { outcome: 'attended', status };
  if (status === 'on_leave' && policy.approvedLeaveExcused) return { outcome: 'excused', status };
  return { outcome: 'missed', status };
}

/** The meetings a worker is held to and went to (issue 14 item 6), with what they missed as drill-down labels. */
export function meetingAttendanceOf(facts: readonly AttendanceFact[], policy: LeavePolicy, now: Date): { required: number; attended: number; missed: string[]; excused: number } {
  const out = { required: 0, attended: 0, missed: [] as string[], excused: 0 };
  for (const f of [...facts].sort((a, b) => a.startAt.getTime() - b.startAt.getTime())) {
    const { outcome, status } = attendanceOutcome(f, policy, now);
    if (outcome === 'unsettled') continue;
    if (outcome === 'excused') {
      out.excused++;
      continue;
    }
    out.required++;
    if (outcome === 'attended') out.attended++;
    else out.missed.push(attendanceLabel(f, status));
  }
  return out;
}

export const meetingTitleOf = (kind: MeetingKind, title: string | undefined) => (title && title.trim() ? title.trim() : MEETING_KIND_INFO[kind].label);
