import { attendanceStatus, canDecideLeave, canRequestLeave, canSignIn, meetingAttendanceOf, type AttendanceFact } from './attendance';
import { MEETING_CHECK_IN_WINDOW } from './kinds';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
// 002 L27: the community's Friday-morning meeting.
const friday = { startAt: at('2026-12-04', '09:00'), endAt: at('2026-12-04', '10:00'), cancelled: false };
const leave = (decision?: 'approved' | 'rejected') => ({ reason: '带居民就医', requestedAt: at('2026-12-03', '18:00'), ...(decision ? { decision } : {}) });
const invitation = (over: Partial<AttendanceFact> = {}): AttendanceFact => ({ meetingId: 'm1', userId: 'u1', kind: 'community_dispatch', title: '社区网格调度会', ...friday, ...over });

describe('a meeting attendee\'s standing', () => {
  it('is expected until the meeting ends, then absent unless they signed in', () => {
    expect(attendanceStatus(friday, {}, at('2026-12-04', '09:59'))).toBe('expected');
    expect(attendanceStatus(friday, {}, at('2026-12-04', '10:00'))).toBe('absent');
    expect(attendanceStatus(friday, { signedInAt: at('2026-12-04', '08:50') }, at('2026-12-05', '10:00'))).toBe('present');
  });
  it('is on leave once the organiser approves, and an ordinary invitation again when refused', () => {
    expect(attendanceStatus(friday, { leave: leave() }, at('2026-12-04', '08:00'))).toBe('leave_pending');
    expect(attendanceStatus(friday, { leave: leave('approved') }, at('2026-12-04', '11:00'))).toBe('on_leave');
    expect(attendanceStatus(friday, { leave: leave('rejected') }, at('2026-12-04', '11:00'))).toBe('absent');
  });
});

describe('signing in with the code (the volunteer check-in window: 30 minutes before start to the end)', () => {
  const sign = (hhmm: string, over = {}) => canSignIn({ ...friday, ...over }, {}, at('2026-12-04', hhmm), MEETING_CHECK_IN_WINDOW);
  it('opens half an hour before the start and closes at the end', () => {
    expect(sign('08:29')).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('签到尚未开始') });
    expect(sign('08:30')).toEqual({ ok: true });
    expect(sign('09:59')).toEqual({ ok: true });
    expect(sign('10:00')).toMatchObject({ ok: false, message: expect.stringContaining('签到已结束') });
  });
  it('is refused for a cancelled meeting', () => expect(sign('09:10', { cancelled: true })).toMatchObject({ ok: false, message: '会议已取消' }));
});

describe('leave', () => {
  it('can be asked until the meeting ends, once, and not after signing in', () => {
    expect(canRequestLeave(friday, {}, at('2026-12-04', '09:30'))).toEqual({ ok: true });
    expect(canRequestLeave(friday, {}, at('2026-12-04', '10:00'))).toMatchObject({ ok: false, message: '会议已结束，不能再请假' });
    expect(canRequestLeave(friday, { leave: leave() }, at('2026-12-04', '08:00'))).toMatchObject({ ok: false, message: expect.stringContaining('等待组织人审批') });
    expect(canRequestLeave(friday, { leave: leave('rejected') }, at('2026-12-04', '08:00'))).toEqual({ ok: true });
    expect(canRequestLeave(friday, { signedInAt: at('2026-12-04', '08:50') }, at('2026-12-04', '09:00'))).toMatchObject({ ok: false, message: '您已签到，无需请假' });
  });
  it('is decided once: the same decision again is answered, the other one refused', () => {
    expect(canDecideLeave({}, 'approved')).toMatchObject({ ok: false, message: '该参会人没有请假' });
    expect(canDecideLeave({ leave: leave() }, 'approved')).toEqual({ ok: true });
    expect(canDecideLeave({ leave: leave('approved') }, 'approved')).toEqual({ ok: true });
    expect(canDecideLeave({ leave: leave('approved') }, 'rejected')).toMatchObject({ ok: false, message: '该请假已处理' });
  });
});

describe('the meetings a worker is held to in a week (issue 14 item 6)', () => {
  const after = at('2026-12-07', '09:00');
  const excused = { approvedLeaveExcused: true };
  it('counts settled invitations: attended, missed with a drill-down label, approved leave excused', () => {
    const facts = [
      invitation({ meetingId: 'a', signedInAt: at('2026-12-04', '08:55') }),
      invitation({ meetingId: 'b', title: '民情分析会', startAt: at('2026-12-02', '15:00'), endAt: at('2026-12-02', '16:00') }),
      invitation({ meetingId: 'c', leave: leave('approved') }),
    ];
    expect(meetingAttendanceOf(facts, excused, after)).toEqual({ required: 2, attended: 1, excused: 1, missed: ['12-02 民情分析会（缺席）'] });
  });
  it('counts approved leave as not attended when the street\'s rule says so', () => {
    expect(meetingAttendanceOf([invitation({ leave: leave('approved') })], { approvedLeaveExcused: false }, after)).toEqual({ required: 1, attended: 0, excused: 0, missed: ['12-04 社区网格调度会（已准假）'] });
  });
  it('leaves out meetings still to come and cancelled ones; a request still pending at the end is no excuse', () => {
    const facts = [
      invitation({ startAt: at('2026-12-08', '09:00'), endAt: at('2026-12-08', '10:00') }),
      invitation({ cancelled: true }),
      invitation({ meetingId: 'p', leave: leave() }),
    ];
    expect(meetingAttendanceOf(facts, excused, after)).toEqual({ required: 1, attended: 0, excused: 0, missed: ['12-04 社区网格调度会（请假待批）'] });
  });
  it('counts a meeting under way once the worker signed in', () => {
    expect(meetingAttendanceOf([invitation({ signedInAt: at('2026-12-04', '09:05') })], excused, at('2026-12-04', '09:10'))).toMatchObject({ required: 1, attended: 1 });
  });
});
