import { useFunctionCloud } from './function-cloud';
import { storedCase, storedPatrol } from '../support/assess-builders';
import { statsCaller } from '../support/stats-builders';

/**
 * Issue 16 item 1 at the worker level: beside the case KPIs, each worker's valid information items and
 * meeting attendance (src/domain/stats/work-figures.ts), counted from the facts compliance reads.
 */
describe('stats.workers: info items and meetings per worker', () => {
  const t = useFunctionCloud();
  const A1 = 'user-officer-a1';
  const A2 = 'user-officer-a2';
  const at = (iso: string) => new Date(`${iso}+08:00`);

  function attendance(userId: string, meetingId: string, day: string, extra: Record<string, unknown> = {}) {
    const startAt = at(`${day}T09:00:00`);
    return {
      _id: `attend-${meetingId}-${userId}`,
      meetingId,
      streetId: 'street-demo',
      communityId: 'community-a',
      attendeeCommunityId: 'community-a',
      userId,
      name: userId,
      kind: 'community_dispatch',
      title: '社区网格调度会',
      startAt,
      endAt: new Date(startAt.getTime() + 3600_000),
      cancelled: false,
      wrongCodes: 0,
      version: 1,
      createdAt: startAt,
      updatedAt: startAt,
      ...extra,
    };
  }

  beforeEach(async () => {
    t.cloud.clock.set(Date.parse('2026-11-30T18:00:00+08:00'));
    t.cloud.clock.freeze();
    // 张丽 reported two cases in November and one in October; 李强 none.
    await t.db.collection('cases').add([
      { ...storedCase({ id: 'c-nov-1', ownerId: A1, day: '2026-11-05' }), reporterId: A1 },
      { ...storedCase({ id: 'c-nov-2', ownerId: A1, day: '2026-11-20' }), reporterId: A1 },
      { ...storedCase({ id: 'c-oct', ownerId: A1, day: '2026-10-20' }), reporterId: A1 },
      storedCase({ id: 'c-resident', ownerId: A1, day: '2026-11-21' }),
    ]);
    await t.db.collection('meeting_attendance').add([
      // 张丽: signed in on the 6th, absent on the 13th, on approved leave on the 20th (the default rule excuses it).
      attendance(A1, 'm1', '2026-11-06', { signedInAt: at('2026-11-06T09:01:00') }),
      attendance(A1, 'm2', '2026-11-13'),
      attendance(A1, 'm3', '2026-11-20', { leave: { reason: '就医', requestedAt: at('2026-11-19T10:00:00'), decision: 'approved', decidedAt: at('2026-11-19T11:00:00'), decidedBy: 'user-community-a' } }),
      attendance(A1, 'm0', '2026-10-30'), // October: not this period
      attendance(A2, 'm1', '2026-11-06', { signedInAt: at('2026-11-06T09:02:00') }),
    ]);
    // 张丽's patrols: an hour on the 2nd; 40 + 25 minutes on the 3rd (65 ≥ the default 60); 30 minutes on the 4th
    // (short); an hour on 31 October (not this period) → 2 days. 李强: none.
    const patrol = (day: string, minutes: number, n = 0) => ({ ...storedPatrol(A1, 'grid-a1', day), _id: `patrol-${day}-${n}`, minutes });
    await t.db.collection('patrols').add([patrol('2026-11-02', 60), patrol('2026-11-03', 40), patrol('2026-11-03', 25, 1), patrol('2026-11-04', 30), patrol('2026-10-31', 60)]);
    // Visits: 张丽 two in November and one in October; 李强 one in November.
    const visit = (id: string, workerId: string, iso: string) => ({ _id: id, streetId: 'street-demo', communityId: 'community-a', gridId: 'grid-a1', workerId, kind: 'routine', door: '101', targetLabel: '1栋101', visitedAt: at(iso) });
    await t.db.collection('visits').add([visit('v1', A1, '2026-11-09T10:00:00'), visit('v2', A1, '2026-11-16T10:00:00'), visit('v0', A1, '2026-10-28T10:00:00'), visit('v3', A2, '2026-11-10T10:00:00')]);
    // Logs: 张丽 three November days and one in October; 李强 none.
    const log = (id: string, workerId: string, date: string) => ({ _id: id, streetId: 'street-demo', workerId, date });
    await t.db.collection('grid_logs').add([log('l1', A1, '2026-11-02'), log('l2', A1, '2026-11-03'), log('l3', A1, '2026-11-04'), log('l0', A1, '2026-10-30')]);
  });

  it('counts them per worker of the scope, with the rate and the definitions\' zero cases', async () => {
    const street = await statsCaller(t.cloud.baseUrl, 'user-street');
    const answer = await street('workers', { scope: { level: 'community', id: 'community-a' }, period: { from: '2026-11-01', to: '2026-11-30' } });
    expect(answer.ok).toBe(true);
    const byId = Object.fromEntries(answer.data.workers.map((w: any) => [w.userId, w.work]));
    // By hand: 张丽 2 items; meetings: m1 attended, m2 missed, m3 excused → 1 of 2 = 50 %.
    // Patrol days 2 (the 2nd, and the 3rd by its two patrols together), visits 2, log days 3.
    expect(byId[A1]).toEqual({ infoItems: 2, meetingsRequired: 2, meetingsAttended: 1, meetingAttendanceRate: 50, patrolDays: 2, visits: 2, logDays: 3 });
    expect(byId[A2]).toEqual({ infoItems: 0, meetingsRequired: 1, meetingsAttended: 1, meetingAttendanceRate: 100, patrolDays: 0, visits: 1, logDays: 0 });
    expect(byId['user-officer-a3']).toEqual({ infoItems: 0, meetingsRequired: 0, meetingsAttended: 0, meetingAttendanceRate: null, patrolDays: 0, visits: 0, logDays: 0 });
    expect(Object.keys(byId)).not.toContain('user-officer-b1');
    expect(answer.data.workNote).toBeNull();
  });
});
