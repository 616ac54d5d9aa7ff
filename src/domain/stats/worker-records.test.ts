import { meetingAttendanceOf, type AttendanceFact } from '../meeting/attendance';
import { workFiguresOf } from './work-figures';
import { workerWorkOf, type OneWorkerFacts } from './worker-records';

const at = (iso: string) => new Date(`${iso}+08:00`);
const NOW = at('2026-11-30T18:00:00');
const meeting = (id: string, day: string, extra: Partial<AttendanceFact> = {}): AttendanceFact => ({
  meetingId: id, userId: 'w', kind: 'community_dispatch', title: `会${id}`, startAt: at(`${day}T09:00:00`), endAt: at(`${day}T10:00:00`), cancelled: false, ...extra,
});
const leave = (decision?: 'approved' | 'rejected') => ({ reason: '就医', requestedAt: at('2026-11-01T08:00:00'), ...(decision ? { decision, decidedAt: at('2026-11-01T09:00:00') } : {}) });

const facts: OneWorkerFacts = {
  // Two patrols on the 3rd make one day (40 + 25 ≥ 60); the 4th is short; one at 23:30 China time on the 5th stays on the 5th.
  patrols: [
    { startedAt: at('2026-11-03T09:00:00'), minutes: 40 },
    { startedAt: at('2026-11-03T15:00:00'), minutes: 25 },
    { startedAt: at('2026-11-04T09:00:00'), minutes: 30 },
    { startedAt: at('2026-11-05T23:30:00'), minutes: 90 },
    { startedAt: at('2026-11-06T09:00:00') },
  ],
  visits: [
    { kind: 'routine', targetLabel: '1栋101', visitedAt: at('2026-11-09T08:05:00') },
    { kind: 'six_must', group: 'lone_elderly', targetLabel: '3栋502', visitedAt: at('2026-11-10T16:45:00') },
  ],
  logs: [{ date: '2026-11-02' }, { date: '2026-11-02' }, { date: '2026-11-03' }],
  cases: [{ _id: 'c1', createdAt: at('2026-11-05T10:00:00') }, { _id: 'c2', createdAt: at('2026-11-20T10:00:00') }],
  attendance: [
    meeting('present', '2026-11-06', { signedInAt: at('2026-11-06T09:01:00') }),
    meeting('absent', '2026-11-13'),
    meeting('approved', '2026-11-20', { leave: leave('approved') }),
    meeting('refused', '2026-11-21', { leave: leave('rejected') }),
    meeting('pending', '2026-11-22', { leave: leave() }),
    meeting('cancelled', '2026-11-23', { cancelled: true }),
    meeting('future', '2026-12-02'),
  ],
};

describe('workerWorkOf: the records behind a worker\'s figures', () => {
  it.each([true, false])('counts what it lists, as meetingAttendanceOf and workFiguresOf count (approved leave excused: %s)', (approvedLeaveExcused) => {
    const rules = { patrolMinutesPerDay: 60, policy: { approvedLeaveExcused } };
    const { records, figures } = workerWorkOf(facts, rules, NOW);
    const meetings = meetingAttendanceOf(facts.attendance, rules.policy, NOW);
    expect(figures).toEqual(
      workFiguresOf({
        infoItems: 2,
        meetings,
        patrolMinutesByDate: new Map([['2026-11-03', 65], ['2026-11-04', 30], ['2026-11-05', 90], ['2026-11-06', 0]]),
        patrolMinutesPerDay: 60,
        visits: 2,
        logDates: new Set(['2026-11-02', '2026-11-03']),
      }),
    );
    expect(records.patrols.filter((d) => d.met)).toHaveLength(figures.patrolDays!);
    expect(records.meetings.filter((m) => m.counted)).toHaveLength(meetings.required);
    expect(records.meetings.filter((m) => m.counted && m.outcome === '出席')).toHaveLength(meetings.attended);
  });

  it('lists days, visits, meetings and cases newest first, each in words', () => {
    const { records } = workerWorkOf(facts, { patrolMinutesPerDay: 60, policy: { approvedLeaveExcused: true } }, NOW);
    expect(records.patrols).toEqual([
      { date: '2026-11-06', minutes: 0, patrols: 1, required: 60, met: false },
      { date: '2026-11-05', minutes: 90, patrols: 1, required: 60, met: true },
      { date: '2026-11-04', minutes: 30, patrols: 1, required: 60, met: false },
      { date: '2026-11-03', minutes: 65, patrols: 2, required: 60, met: true },
    ]);
    expect(records.visits).toEqual([
      { date: '2026-11-10', time: '16:45', kindLabel: expect.stringMatching(/（独居老人）$/), target: '3栋502' },
      { date: '2026-11-09', time: '08:05', kindLabel: expect.any(String), target: '1栋101' },
    ]);
    expect(records.logs).toEqual([{ date: '2026-11-03' }, { date: '2026-11-02' }]);
    // Cancelled and future meetings are neither listed nor counted; a pending leave at a meeting now over is 请假 yet counted.
    expect(records.meetings.map((m) => [m.meetingId, m.outcome, m.counted])).toEqual([
      ['pending', '请假', true],
      ['refused', '缺席', true],
      ['approved', '请假', false],
      ['absent', '缺席', true],
      ['present', '出席', true],
    ]);
    expect(records.reports.map((r) => [r.caseId, r.date])).toEqual([['c2', '2026-11-20'], ['c1', '2026-11-05']]);
  });
});
