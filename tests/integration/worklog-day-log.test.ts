import { useFunctionCloud } from './function-cloud';
import { newRequestId } from '../support/org-builders';
import { aBuilding as aSavedBuilding, patrolAs, photoBy } from '../support/patrol-builders';
import { aVisit, chinaMs, CHIEF_A, GRID_A1, OFFICER_A1, OFFICER_A2, RESIDENT, worklogAs } from '../support/worklog-builders';

/** Issue 14 item 4 and item 8: the daily log drafted from the day's records, 日清 and 周结, missing days. */
describe('worklog: the daily log', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  // Frozen: a slow machine must not turn a 70-minute patrol into 69 minutes.
  const pin = (date: string, hhmm = '10:00') => {
    t.cloud.clock.set(chinaMs(date, hhmm));
    t.cloud.clock.freeze();
  };

  /** A day's work through the real functions: a 70-minute patrol with a case filed and one handled on the spot, and a visit. */
  async function workTheDay(date: string) {
    pin(date, '08:00');
    const building = await aSavedBuilding(base(), GRID_A1, '3栋');
    const [before, after] = [await photoBy(base(), OFFICER_A1, 3), await photoBy(base(), OFFICER_A1, 4)];
    pin(date, '09:00');
    const patrol = await patrolAs(base(), OFFICER_A1);
    const started = await patrol('start', { requestId: newRequestId('patrol'), gridId: GRID_A1 });
    const patrolId = started.data.patrol.patrolId;
    expect((await patrol('fileCase', { patrolId, requestId: newRequestId('find'), categoryId: 'fire_lane', description: '消防车道被堵' })).ok).toBe(true);
    expect((await patrol('handleOnSpot', { patrolId, requestId: newRequestId('spot'), categoryId: 'fire_lane', description: '杂物已清走', beforePhotos: [before], afterPhotos: [after] })).ok).toBe(true);
    pin(date, '10:10');
    expect((await patrol('end', { patrolId })).data.patrol.minutes).toBe(70);
    const worklog = await worklogAs(base(), OFFICER_A1);
    expect((await worklog('recordVisit', aVisit(building))).ok).toBe(true);
    return worklog;
  }

  it('drafts the day from its patrol, visit, case and 当场处置, and takes the worker’s notes (日清)', async () => {
    const worklog = await workTheDay('2026-12-01');
    pin('2026-12-01', '17:00');
    const { data } = await worklog('dayLog');
    expect(data).toMatchObject({ date: '2026-12-01', log: null, canSubmit: true });
    expect(data.draft.summary).toEqual({ patrols: 1, patrolMinutes: 70, checkIns: 0, visits: 1, casesFiled: 1, casesHandled: 0, onSpot: 1 });
    expect(data.draft.lines).toEqual(expect.arrayContaining([expect.stringContaining('09:00 巡查'), '10:10 日常走访：3栋502', '上报事件 1 件', '当场处置 1 件']));

    expect(await worklog('submitDayLog', { date: '2026-12-01', notes: '协调物业清理消防通道' })).toEqual({ ok: true, data: { logId: expect.any(String), version: 1, late: false } });
    expect((await worklog('submitDayLog', { date: '2026-12-01', notes: '再交一次' })).error).toMatchObject({ code: 'CONFLICT', fields: { date: '这一天的日志已提交' } });
    expect((await worklog('submitDayLog', { date: '2026-12-01', notes: '补充：已回访', expectedVersion: 1 })).data).toMatchObject({ version: 2, late: false });
    expect((await worklog('dayLog', { date: '2026-12-01' })).data.log).toMatchObject({ notes: '补充：已回访', version: 2, summary: { visits: 1, patrolMinutes: 70 } });
  });

  it('lists the working days without a log for the worker and for the chief (周结)', async () => {
    const worklog = await workTheDay('2026-12-01');
    await worklog('submitDayLog', { date: '2026-12-01', notes: '' });
    pin('2026-12-03', '09:00');
    const own = (await worklog('weekLog')).data;
    expect(own.missing).toEqual(['2026-11-30', '2026-12-02']);
    expect(own.days.map((d: any) => d.status)).toEqual(['missing', 'submitted', 'missing', 'today', 'upcoming', 'upcoming', 'upcoming']);
    expect(own.totals).toMatchObject({ patrolMinutes: 70, visits: 1, onSpot: 1 });
    const chief = await worklogAs(base(), CHIEF_A);
    expect((await chief('weekLog', { workerId: OFFICER_A1 })).data).toMatchObject({ workerName: '张丽', missing: ['2026-11-30', '2026-12-02'] });
    // 补交 within the street's backfill days is accepted and marked late.
    expect((await worklog('submitDayLog', { date: '2026-12-02', notes: '补交' })).data).toMatchObject({ late: true });
  });

  it('refuses another worker’s log, a future day and a day too far back, and writes nothing', async () => {
    pin('2026-12-10');
    const worklog = await worklogAs(base(), OFFICER_A1);
    for (const who of [OFFICER_A2, RESIDENT]) {
      expect((await (await worklogAs(base(), who))('weekLog', { workerId: OFFICER_A1 })).error.code).toBe('FORBIDDEN');
      expect((await (await worklogAs(base(), who))('dayLog', { workerId: OFFICER_A1 })).error.code).toBe('FORBIDDEN');
    }
    expect((await worklog('submitDayLog', { date: '2026-12-11' })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { date: '不能提交未来日期的日志' } });
    expect((await worklog('submitDayLog', { date: '2026-12-02' })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { date: '只能补交7天内的日志' } });
    expect((await worklog('submitDayLog', { date: '2026-12-32' })).error.code).toBe('INVALID_INPUT');
    expect((await t.db.collection('grid_logs').get()).data).toEqual([]);
  });
});
