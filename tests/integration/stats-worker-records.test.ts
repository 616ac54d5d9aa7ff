import { useFunctionCloud } from './function-cloud';
import { storedCase, storedPatrol } from '../support/assess-builders';
import { statsCaller } from '../support/stats-builders';

/**
 * Issue 16 item 1, the worker level's drill-down: `stats.workerRecords` lists the records behind each
 * work figure of `stats.workers` — for the same scope and period, a list of exactly the figure's length —
 * and only to the worker and to who supervises their grid.
 */
describe('stats.workerRecords: the records behind one worker\'s figures', () => {
  const t = useFunctionCloud();
  const A1 = 'user-officer-a1';
  const A2 = 'user-officer-a2';
  const NOV = { from: '2026-11-01', to: '2026-11-30' };
  const COMMUNITY_A = { level: 'community', id: 'community-a' } as const;
  const at = (iso: string) => new Date(`${iso}+08:00`);

  const attendance = (userId: string, meetingId: string, day: string, extra: Record<string, unknown> = {}) => {
    const startAt = at(`${day}T09:00:00`);
    return {
      _id: `attend-${meetingId}-${userId}`, meetingId, streetId: 'street-demo', communityId: 'community-a', attendeeCommunityId: 'community-a', userId, name: userId,
      kind: 'community_dispatch', title: `调度会${meetingId}`, startAt, endAt: new Date(startAt.getTime() + 3600_000), cancelled: false, wrongCodes: 0, version: 1, createdAt: startAt, updatedAt: startAt, ...extra,
    };
  };

  beforeEach(async () => {
    t.cloud.clock.set(Date.parse('2026-11-30T18:00:00+08:00'));
    t.cloud.clock.freeze();
    // 张丽 (A1): 2 reported cases in November (one in October, not counted); 李强 (A2) one.
    await t.db.collection('cases').add([
      { ...storedCase({ id: 'c-nov-1', ownerId: A1, day: '2026-11-05' }), reporterId: A1, description: '三栋楼道堆放杂物' },
      { ...storedCase({ id: 'c-nov-2', ownerId: A1, day: '2026-11-20' }), reporterId: A1 },
      { ...storedCase({ id: 'c-oct', ownerId: A1, day: '2026-10-20' }), reporterId: A1 },
      { ...storedCase({ id: 'c-a2', ownerId: A2, day: '2026-11-21' }), reporterId: A2 },
    ]);
    // Meetings: attended on the 6th, absent on the 13th; a cancelled one is neither.
    await t.db.collection('meeting_attendance').add([
      attendance(A1, 'm1', '2026-11-06', { signedInAt: at('2026-11-06T09:01:00') }),
      attendance(A1, 'm2', '2026-11-13'),
      attendance(A1, 'm3', '2026-11-18', { cancelled: true }),
      attendance(A2, 'm1', '2026-11-06', { signedInAt: at('2026-11-06T09:02:00') }),
    ]);
    // Patrols: 70 minutes on the 2nd (达标 at the default 60), 30 on the 4th (short); A2 an hour on the 3rd.
    const patrol = (workerId: string, grid: string, day: string, minutes: number) => ({ ...storedPatrol(workerId, grid, day), _id: `patrol-${workerId}-${day}`, minutes });
    await t.db.collection('patrols').add([patrol(A1, 'grid-a1', '2026-11-02', 70), patrol(A1, 'grid-a1', '2026-11-04', 30), patrol(A2, 'grid-a2', '2026-11-03', 60)]);
    const visit = (id: string, workerId: string, iso: string) => ({ _id: id, streetId: 'street-demo', communityId: 'community-a', gridId: 'grid-a1', workerId, kind: 'six_must', group: 'lone_elderly', householdId: 'hh-1', door: '502', targetLabel: '3栋502', visitedAt: at(iso) });
    await t.db.collection('visits').add([visit('v1', A1, '2026-11-09T10:30:00'), visit('v2', A2, '2026-11-10T10:00:00')]);
    await t.db.collection('grid_logs').add([{ _id: 'l1', streetId: 'street-demo', workerId: A1, date: '2026-11-02' }, { _id: 'l2', streetId: 'street-demo', workerId: A2, date: '2026-11-03' }]);
  });

  const list = async (userId: string, caller: string, kind: string, scope: object = COMMUNITY_A, extra: object = {}) =>
    (await statsCaller(t.cloud.baseUrl, caller))('workerRecords', { scope, period: NOV, userId, kind, ...extra } as never);

  it('lists for each kind exactly what the worker card counts, for the same scope and period', async () => {
    const street = await statsCaller(t.cloud.baseUrl, 'user-street');
    const card = await street('workers', { scope: COMMUNITY_A, period: NOV });
    const work: any = card.data!.workers.find((w) => w.userId === A1)!.work;
    // By hand: 2 cases, 1 of 2 meetings, 1 patrol day of 2, 1 visit, 1 log day.
    expect(work).toMatchObject({ infoItems: 2, meetingsRequired: 2, meetingsAttended: 1, patrolDays: 1, visits: 1, logDays: 1 });

    const patrols = await list(A1, 'user-community-a', 'patrols');
    expect(patrols.ok).toBe(true);
    expect(patrols.data.figures).toEqual(work);
    expect(patrols.data.items).toEqual([
      { kind: 'patrols', date: '2026-11-04', minutes: 30, patrols: 1, required: 60, met: false },
      { kind: 'patrols', date: '2026-11-02', minutes: 70, patrols: 1, required: 60, met: true },
    ]);
    expect(patrols.data.items.filter((d: any) => d.met)).toHaveLength(work.patrolDays);

    const visits = await list(A1, 'user-community-a', 'visits');
    expect(visits.data.items).toEqual([{ kind: 'visits', date: '2026-11-09', time: '10:30', kindLabel: expect.stringContaining('独居'), target: '3栋502' }]);
    expect(visits.data.items).toHaveLength(work.visits);
    expect(JSON.stringify(visits.data)).not.toContain('hh-1');

    const logs = await list(A1, 'user-community-a', 'logs');
    expect(logs.data.items).toEqual([{ kind: 'logs', date: '2026-11-02' }]);
    expect(logs.data.items).toHaveLength(work.logDays);

    const meetings = await list(A1, 'user-community-a', 'meetings');
    expect(meetings.data.items.map((m: any) => [m.date, m.title, m.outcome, m.counted])).toEqual([
      ['2026-11-13', '调度会m2', '缺席', true],
      ['2026-11-06', '调度会m1', '出席', true],
    ]);
    expect(meetings.data.items.filter((m: any) => m.counted)).toHaveLength(work.meetingsRequired);
    expect(meetings.data.items.filter((m: any) => m.outcome === '出席')).toHaveLength(work.meetingsAttended);

    const reports = await list(A1, 'user-community-a', 'reports');
    expect(reports.data.items.map((r: any) => r.caseId)).toEqual(['c-nov-2', 'c-nov-1']);
    expect(reports.data.items).toHaveLength(work.infoItems);
    expect(reports.data.items[1]).toMatchObject({ date: '2026-11-05', summary: '三栋楼道堆放杂物' });
    expect((reports.data.items[1] as any).stateLabel).not.toBe('');
    expect(reports.data.total).toBe(2);
  });

  it('pages a long list with next, and the pages together are the whole list', async () => {
    const first = await list(A1, 'user-street', 'reports', COMMUNITY_A, { limit: 1 });
    expect(first.data.items.map((r: any) => r.caseId)).toEqual(['c-nov-2']);
    expect(first.data.next).toBe('1');
    const second = await list(A1, 'user-street', 'reports', COMMUNITY_A, { limit: 1, after: first.data.next });
    expect(second.data.items.map((r: any) => r.caseId)).toEqual(['c-nov-1']);
    expect(second.data.next).toBeNull();
  });

  it('marks on the worker cards whose records the caller may open, by the same rule', async () => {
    const open = async (caller: string, scope: object) =>
      Object.fromEntries((await (await statsCaller(t.cloud.baseUrl, caller))('workers', { scope, period: NOV } as never)).data!.workers.map((w) => [w.userId, w.recordsOpen]));
    expect(await open('user-community-a', COMMUNITY_A)).toMatchObject({ [A1]: true, [A2]: true });
    // An officer of grid A1 sees the grid's cards: their own records open; a colleague's would not.
    const own = await open(A1, { level: 'grid', id: 'grid-a1' });
    expect(own[A1]).toBe(true);
    expect(own['user-chief-a']).toBe(false);
    expect(Object.values(own).filter((v) => v === true)).toHaveLength(1);
  });

  it('lets the worker read their own, and their grid chief', async () => {
    const own = await list(A1, A1, 'visits', { level: 'grid', id: 'grid-a1' });
    expect(own.ok).toBe(true);
    expect(own.data.items).toHaveLength(1);
    expect((await list(A1, 'user-chief-a', 'logs', { level: 'grid', id: 'grid-a1' })).ok).toBe(true);
  });

  it('refuses another community\'s staff, another worker and a resident, and names a bad field', async () => {
    // Community B staff: neither community A's scope nor, through their own, a worker of A.
    expect((await list(A1, 'user-community-b', 'patrols')).error.code).toBe('FORBIDDEN');
    expect((await list(A1, 'user-community-b', 'patrols', { level: 'community', id: 'community-b' })).error.code).toBe('FORBIDDEN');
    // Another worker: not through grid A1 (not theirs), nor through their own grid A2 (A1 is not in it).
    expect((await list(A1, A2, 'patrols', { level: 'grid', id: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    expect((await list(A1, A2, 'patrols', { level: 'grid', id: 'grid-a2' })).error.code).toBe('FORBIDDEN');
    expect((await list(A1, 'user-resident-1', 'patrols')).error.code).toBe('FORBIDDEN');
    // Street staff asking for a worker of community A through a scope without them: refused, not an empty list.
    expect((await list(A1, 'user-street', 'patrols', { level: 'grid', id: 'grid-a2' })).error.code).toBe('FORBIDDEN');
    const bad = await list(A1, 'user-street', 'trips');
    expect(bad.error.code).toBe('INVALID_INPUT');
    expect(bad.error.message).toContain('请选择要查看的记录');
  });
});
