import { useFunctionCloud } from './function-cloud';
import { aMeeting, chinaIso, meetingAs } from '../support/meeting-builders';
import { chinaMs, CHIEF_A, OFFICER_A1, OFFICER_A2, STAFF_A, worklogAs } from '../support/worklog-builders';
import { found } from '../support/contract-call';

/** Issue 14 item 5 through the gateway and the real SDK: scheduling, sign-in by code, leave, absences, scope. */
describe('meetings with sign-in', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const pin = (date: string, hhmm: string) => {
    t.cloud.clock.set(chinaMs(date, hhmm));
    t.cloud.clock.freeze();
  };
  const count = async (collection: string) => (await t.db.collection(collection).count()).total;
  const stored = async (meetingId: string) => (await t.db.collection('meetings').doc(meetingId).get()).data[0] as { checkInCode: string };

  async function friday() {
    pin('2026-12-03', '16:00');
    const staff = await meetingAs(base(), STAFF_A);
    const answer = await staff('schedule', aMeeting('2026-12-04'));
    expect(answer.ok).toBe(true);
    return { staff, meeting: answer.data.meeting, code: (await stored(answer.data.meeting.meetingId)).checkInCode };
  }

  it('community staff schedule a meeting: a 6-digit code, everyone invited expected; the same request again makes no second one', async () => {
    pin('2026-12-03', '16:00');
    const staff = await meetingAs(base(), STAFF_A);
    const payload = aMeeting('2026-12-04');
    const first = await staff('schedule', payload);
    expect(first.data).toMatchObject({ created: true, meeting: { kind: 'community_dispatch', title: '社区网格调度会', counts: { invited: 2, expected: 2 } } });
    expect(first.data.meeting.checkInCode).toMatch(/^\d{6}$/);
    expect(first.data.meeting.attendees.map((a: any) => [a.name, a.statusLabel])).toEqual([['李强', '未签到'], ['张丽', '未签到']]);
    const again = await staff('schedule', payload);
    expect(again.data).toMatchObject({ created: false, meeting: { meetingId: first.data.meeting.meetingId, checkInCode: first.data.meeting.checkInCode } });
    expect([await count('meetings'), await count('meeting_attendance')]).toEqual([1, 2]);
  });

  it('offers community A\'s grid workers to invite and the coming Friday as the date (002 L27), by the server\'s clock', async () => {
    pin('2026-12-03', '16:00');
    const { data } = await (await meetingAs(base(), STAFF_A))('invitees', { kind: 'community_dispatch' });
    expect(data.suggested).toEqual({ date: '2026-12-04', start: '09:00', end: '10:00' });
    const ids = data.people.map((p: any) => p.userId);
    expect(ids).toEqual(expect.arrayContaining([OFFICER_A1, OFFICER_A2, CHIEF_A, STAFF_A]));
    expect(ids).not.toContain('user-officer-b1');
    expect(ids).not.toContain('user-resident-1');
    expect(ids).not.toContain('user-volunteer-1');
  });

  it('refuses an attendee from another community and a start in the past, naming the field, writing nothing', async () => {
    pin('2026-12-03', '16:00');
    const staff = await meetingAs(base(), STAFF_A);
    const outside = await staff('schedule', aMeeting('2026-12-04', { attendeeIds: ['user-officer-a1', 'user-officer-b1'] }));
    expect(outside.error).toMatchObject({ code: 'INVALID_INPUT', fields: { attendeeIds: expect.stringContaining('本辖区') } });
    const past = await staff('schedule', aMeeting('2026-12-02'));
    expect(past.error).toMatchObject({ code: 'INVALID_INPUT', fields: { startAt: '会议开始时间已过' } });
    const backwards = await staff('schedule', aMeeting('2026-12-04', { endAt: chinaIso('2026-12-04', '08:00') }));
    expect(backwards.error).toMatchObject({ code: 'INVALID_INPUT', fields: { endAt: '结束时间须晚于开始时间' } });
    expect(await count('meetings')).toBe(0);
    expect(await count('meeting_attendance')).toBe(0);
  });

  it('an attendee signs in by typing the code (spaces allowed); signing in again answers the first time', async () => {
    const { staff, meeting, code } = await friday();
    pin('2026-12-04', '08:45');
    const officer = await meetingAs(base(), OFFICER_A1);
    const signed = await officer('signIn', { meetingId: meeting.meetingId, code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(signed.data).toEqual({ signedInAt: chinaIso('2026-12-04', '08:45') });
    pin('2026-12-04', '08:50');
    expect((await officer('signIn', { meetingId: meeting.meetingId, code })).data).toEqual(signed.data);
    const view = found((await staff('meeting', { meetingId: meeting.meetingId })).data.organised, 'the organiser\'s view');
    expect(view.attendees.find((a: any) => a.userId === OFFICER_A1)).toMatchObject({ status: 'present', statusLabel: '已签到' });
    expect(view.counts).toMatchObject({ present: 1, expected: 1 });
  });

  it('a wrong code gets a clear Chinese error on the code field; five wrong ones lock the code for that person', async () => {
    const { meeting, code } = await friday();
    pin('2026-12-04', '09:05');
    const officer = await meetingAs(base(), OFFICER_A1);
    const wrong = code === '000000' ? '111111' : '000000';
    const answer = await officer('signIn', { meetingId: meeting.meetingId, code: wrong });
    expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('签到码不正确'), fields: { code: '签到码不正确' } });
    for (let i = 0; i < 4; i++) await officer('signIn', { meetingId: meeting.meetingId, code: wrong });
    expect((await officer('signIn', { meetingId: meeting.meetingId, code })).error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('组织人') });
    // 李强's own tries are his own.
    expect((await (await meetingAs(base(), OFFICER_A2))('signIn', { meetingId: meeting.meetingId, code })).ok).toBe(true);
  });

  it('sign-in opens half an hour before the start and closes at the end', async () => {
    const { meeting, code } = await friday();
    const officer = await meetingAs(base(), OFFICER_A1);
    pin('2026-12-04', '08:29');
    expect((await officer('signIn', { meetingId: meeting.meetingId, code })).error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('签到尚未开始') });
    pin('2026-12-04', '10:00');
    expect((await officer('signIn', { meetingId: meeting.meetingId, code })).error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('签到已结束') });
    expect((await t.db.collection('meeting_attendance').where({ signedInAt: t.db.command.exists(true) }).count()).total).toBe(0);
  });

  it('an attendee asks leave, the organiser approves it; after the meeting the one who never came is absent', async () => {
    const { staff, meeting } = await friday();
    const a2 = await meetingAs(base(), OFFICER_A2);
    const asked = await a2('requestLeave', { meetingId: meeting.meetingId, reason: '陪同居民办理低保复核' });
    expect(asked.data.mine).toMatchObject({ status: 'leave_pending', leave: { reason: '陪同居民办理低保复核' } });
    // The attendee cannot decide their own leave; only the organising staff can.
    expect((await a2('decideLeave', { meetingId: meeting.meetingId, attendeeId: OFFICER_A2, decision: 'approved' })).error.code).toBe('FORBIDDEN');
    const approved = await staff('decideLeave', { meetingId: meeting.meetingId, attendeeId: OFFICER_A2, decision: 'approved', note: '同意' });
    expect(approved.data.attendee).toMatchObject({ status: 'on_leave', statusLabel: '已准假', leave: { decision: 'approved', note: '同意' } });
    expect((await staff('decideLeave', { meetingId: meeting.meetingId, attendeeId: OFFICER_A2, decision: 'rejected' })).error).toMatchObject({ code: 'CONFLICT', message: '该请假已处理' });

    pin('2026-12-04', '09:30');
    expect((await (await meetingAs(base(), OFFICER_A1))('requestLeave', { meetingId: meeting.meetingId, reason: '临时有事' })).ok).toBe(true);
    pin('2026-12-04', '10:01');
    const after = found((await staff('meeting', { meetingId: meeting.meetingId })).data.organised, 'the organiser\'s view');
    expect(after.attendees.map((a: any) => [a.name, a.status])).toEqual([['李强', 'on_leave'], ['张丽', 'leave_pending']]);
    // 张丽's request was never decided: the meeting is over and her week counts it as missed (see compliance below).
    const mine = (await (await meetingAs(base(), OFFICER_A1))('mine', {})).data.meetings;
    expect(mine).toEqual([expect.objectContaining({ meetingId: meeting.meetingId, mine: expect.objectContaining({ status: 'leave_pending' }) })]);
  });

  it('a meeting nobody came to: everyone invited is absent once it has ended', async () => {
    const { staff, meeting } = await friday();
    pin('2026-12-04', '10:00');
    expect(found((await staff('meeting', { meetingId: meeting.meetingId })).data.organised, 'the organiser\'s view').counts).toMatchObject({ invited: 2, absent: 2, present: 0 });
  });

  it('only the invited see a meeting, never its code; nobody signs in for someone else', async () => {
    const { meeting, code } = await friday();
    pin('2026-12-04', '09:00');
    const attendee = (await (await meetingAs(base(), OFFICER_A1))('meeting', { meetingId: meeting.meetingId })).data;
    expect(attendee.organised).toBeUndefined();
    expect(JSON.stringify(attendee)).not.toContain(code);
    for (const outsider of ['user-officer-a3', 'user-officer-b1', 'user-community-b', 'user-resident-1']) {
      const m = await meetingAs(base(), outsider);
      expect([outsider, (await m('meeting', { meetingId: meeting.meetingId })).error?.code]).toEqual([outsider, 'FORBIDDEN']);
      expect([outsider, (await m('signIn', { meetingId: meeting.meetingId, code })).error?.code]).toEqual([outsider, 'FORBIDDEN']);
    }
    // There is no "for whom" field: an extra one is refused and 李强 stays not signed in.
    const forOther = await (await meetingAs(base(), OFFICER_A1))('signIn', { meetingId: meeting.meetingId, code, userId: OFFICER_A2 });
    expect(forOther.error.code).toBe('INVALID_INPUT');
    expect((await t.db.collection('meeting_attendance').where({ userId: OFFICER_A2, signedInAt: t.db.command.exists(true) }).count()).total).toBe(0);
    // Another community's staff can neither list nor decide A's meetings.
    const staffB = await meetingAs(base(), 'user-community-b');
    expect((await staffB('organised', {})).data.meetings).toEqual([]);
    expect((await staffB('decideLeave', { meetingId: meeting.meetingId, attendeeId: OFFICER_A2, decision: 'approved' })).error.code).toBe('FORBIDDEN');
    expect((await (await meetingAs(base(), OFFICER_A1))('schedule', aMeeting('2026-12-05'))).error.code).toBe('FORBIDDEN');
  });

  it('a cancelled meeting takes nobody\'s attendance: sign-in refused, nothing counted', async () => {
    const { staff, meeting, code } = await friday();
    expect((await staff('cancel', { meetingId: meeting.meetingId, reason: '与区里会议冲突' })).data).toEqual({ cancelled: true });
    pin('2026-12-04', '09:00');
    expect((await (await meetingAs(base(), OFFICER_A1))('signIn', { meetingId: meeting.meetingId, code })).error).toMatchObject({ code: 'CONFLICT', message: '会议已取消' });
    expect((await t.db.collection('meeting_attendance').where({ meetingId: meeting.meetingId, cancelled: true }).count()).total).toBe(2);
  });

  describe('attendance in the week\'s compliance (issue 14 item 6)', () => {
    const cell = (data: any, workerId: string) => data.rows.find((r: any) => r.workerId === workerId).weeks.at(-1).cells.find((c: any) => c.metric === 'meetings');

    async function week() {
      pin('2026-11-30', '16:00');
      const staff = await meetingAs(base(), STAFF_A);
      // Weekly 民情分析会 (004 L406) on Wednesday and the Friday meeting (002 L27).
      const wednesday = (await staff('schedule', aMeeting('2026-12-02', { kind: 'opinion_analysis', startAt: chinaIso('2026-12-02', '15:00'), endAt: chinaIso('2026-12-02', '16:00') }))).data.meeting.meetingId;
      const friday = (await staff('schedule', aMeeting('2026-12-04'))).data.meeting.meetingId;
      const a1 = await meetingAs(base(), OFFICER_A1);
      const a2 = await meetingAs(base(), OFFICER_A2);
      await a2('requestLeave', { meetingId: friday, reason: '参加区里培训' });
      await staff('decideLeave', { meetingId: friday, attendeeId: OFFICER_A2, decision: 'approved' });
      pin('2026-12-02', '14:50');
      expect((await a2('signIn', { meetingId: wednesday, code: (await stored(wednesday)).checkInCode })).ok).toBe(true);
      pin('2026-12-04', '08:55');
      expect((await a1('signIn', { meetingId: friday, code: (await stored(friday)).checkInCode })).ok).toBe(true);
      pin('2026-12-07', '09:00');
    }

    it('counts attended over required meetings; approved leave is excused; the missed one is listed', async () => {
      await week();
      const { data } = await (await worklogAs(base(), CHIEF_A))('compliance', { week: '2026-11-30' });
      expect(cell(data, OFFICER_A1)).toMatchObject({ value: 1, target: 2, status: 'missed', short: ['12-02 民情分析会（缺席）'] });
      expect(cell(data, OFFICER_A2)).toMatchObject({ value: 1, target: 1, status: 'met', short: [] });
      expect(data.rules.find((r) => r.metric === 'meetings')?.reason).toContain('批准的请假不计缺席');
    });

    it('counts approved leave as not attended when the street\'s rule says so, with its reason', async () => {
      await week();
      const now = new Date(chinaMs('2026-12-07', '09:00'));
      const reason = '街道规定：调度会不准请假，请假也计为未出席';
      await t.db.collection('configs').add({ _id: 'worklog-rules-street-demo', streetId: 'street-demo', overrides: [{ key: 'meetings_leave_excused', amount: 0, reason }], version: 1, updatedAt: now });
      const { data } = await (await worklogAs(base(), CHIEF_A))('compliance', { week: '2026-11-30' });
      expect(cell(data, OFFICER_A2)).toMatchObject({ value: 1, target: 2, status: 'missed', short: ['12-04 社区网格调度会（已准假）'] });
      expect(data.rules.find((r) => r.metric === 'meetings')?.reason).toContain(reason);
    });
  });

  it('feeds the month\'s assessment: each meeting attended pays (002 L27), with the meeting as evidence; one not attended does not', async () => {
    pin('2026-11-05', '16:00');
    const staff = await meetingAs(base(), STAFF_A);
    const first = (await staff('schedule', aMeeting('2026-11-06'))).data.meeting.meetingId;
    expect((await staff('schedule', aMeeting('2026-11-13'))).ok).toBe(true); // nobody signs in to this one
    pin('2026-11-06', '09:00');
    expect((await (await meetingAs(base(), OFFICER_A1))('signIn', { meetingId: first, code: (await stored(first)).checkInCode })).ok).toBe(true);
    pin('2026-12-01', '10:00');
    const street = await (await import('../support/assess-builders')).assessCaller(base(), 'user-street');
    const opened = await street('openRun', { ruleSetId: 'seed-002-grid-head-yuan', month: '2026-11', communityId: 'community-a' });
    expect(opened.ok).toBe(true);
    const run = (await t.db.collection('assessment_runs').doc(opened.data.runId).get()).data[0] as { facts: Array<{ subjectId: string; itemId: string; fact: any }> };
    const meetings = run.facts.find((f) => f.subjectId === OFFICER_A1 && f.itemId === 'meetings')!.fact;
    expect(meetings).toMatchObject({ kind: 'count', count: 1, evidence: [{ kind: 'meeting', label: '11-06 社区网格调度会（已签到）' }] });
    expect(run.facts.find((f) => f.subjectId === OFFICER_A2 && f.itemId === 'meetings')!.fact).toMatchObject({ count: 0 });
  });
});
