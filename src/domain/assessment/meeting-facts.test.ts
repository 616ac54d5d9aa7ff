import { meetingFacts, type MeetingInvitation } from './meeting-facts';
import type { RunSubject } from './records';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const worker: RunSubject = { id: 'u-a1', kind: 'worker', name: '张丽', communityId: 'ca', gridIds: ['g1'] };
const community: RunSubject = { id: 'ca', kind: 'community', name: '肥东路社区', communityId: 'ca', gridIds: ['g1'] };
const invite = (id: string, userId: string, day: string, over: Partial<MeetingInvitation> = {}): MeetingInvitation => ({
  id,
  meetingId: `m-${day}`,
  userId,
  attendeeName: userId === 'u-a1' ? '张丽' : '李强',
  attendeeCommunityId: 'ca',
  kind: 'community_dispatch',
  title: '社区网格调度会',
  startAt: at(day, '09:00'),
  endAt: at(day, '10:00'),
  cancelled: false,
  ...over,
});
const now = at('2026-11-30', '12:00');

describe('meeting facts of an assessment run (002 L27 参加调度会 20元/次)', () => {
  const invitations = [
    invite('i1', 'u-a1', '2026-11-06', { signedInAt: at('2026-11-06', '08:50') }),
    invite('i2', 'u-a1', '2026-11-13'),
    invite('i3', 'u-a1', '2026-11-20', { leave: { reason: '培训', requestedAt: at('2026-11-19', '10:00'), decision: 'approved' } }),
    invite('i4', 'u-a2', '2026-11-13'),
  ];
  it('a worker\'s own: attended with each meeting as evidence, an absence named with its date', () => {
    const f = meetingFacts(worker, invitations, { approvedLeaveExcused: true }, now);
    expect(f.attended).toEqual({ kind: 'count', count: 1, evidence: [{ kind: 'meeting', id: 'i1', label: '11-06 社区网格调度会（已签到）' }] });
    expect(f.absent).toEqual({ kind: 'count', count: 1, evidence: [{ kind: 'meeting', id: 'i2', label: '11-13 社区网格调度会（缺席）' }] });
  });
  it('approved leave is an absence when the street does not excuse it', () => {
    expect(meetingFacts(worker, invitations, { approvedLeaveExcused: false }, now).absent.count).toBe(2);
  });
  it('a community\'s: its people\'s absences, each named', () => {
    const f = meetingFacts(community, invitations, { approvedLeaveExcused: true }, now);
    expect(f.absent.evidence.map((e) => e.label)).toEqual(['张丽 11-13 社区网格调度会（缺席）', '李强 11-13 社区网格调度会（缺席）']);
  });
});
