import { useFunctionCloud } from './function-cloud';
import { aBuilding, aVisit, chinaMs, CHIEF_A, GRID_A2, OFFICER_A1, OFFICER_A2, RESIDENT, worklogAs } from '../support/worklog-builders';

/** Issue 14 item 6 and item 8: the week's compliance per worker against the street's rules, scoped to who supervises whom. */
describe('worklog: compliance at a glance', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const pin = (date: string, hhmm = '10:00') => {
    t.cloud.clock.set(chinaMs(date, hhmm));
    t.cloud.clock.freeze();
  };
  const cell = (row: any, metric: string) => row.weeks.at(-1).cells.find((c: any) => c.metric === metric);

  it('shows the chief each worker’s finished week: one visit red, two green, missing log days listed', async () => {
    pin('2026-11-20');
    const b1 = await aBuilding(t.db, 'grid-a1', '3栋', new Date(chinaMs('2026-06-01')));
    const b2 = await aBuilding(t.db, GRID_A2, '7栋', new Date(chinaMs('2026-06-01')));
    const a1 = await worklogAs(base(), OFFICER_A1);
    const a2 = await worklogAs(base(), OFFICER_A2);
    pin('2026-12-02');
    await a1('recordVisit', aVisit(b1));
    await a2('recordVisit', aVisit(b2, { gridId: GRID_A2 }));
    await a1('submitDayLog', { date: '2026-12-02', notes: '' });
    pin('2026-12-05', '09:00'); // a Saturday
    await a2('recordVisit', aVisit(b2, { gridId: GRID_A2, door: '101' }));
    pin('2026-12-07', '09:00');

    const { data } = await (await worklogAs(base(), CHIEF_A))('compliance', { week: '2026-11-30' });
    expect(data.weeks).toEqual([{ key: '2026-11-30', label: '11月30日–12月6日' }]);
    const byName = Object.fromEntries(data.rows.map((r: any) => [r.workerId, r]));
    expect(Object.keys(byName).sort()).toEqual(['user-chief-a', 'user-officer-a1', 'user-officer-a2', 'user-officer-a3']);
    expect(cell(byName[OFFICER_A1], 'visits')).toMatchObject({ value: 1, target: 2, status: 'missed' });
    expect(cell(byName[OFFICER_A2], 'visits')).toMatchObject({ value: 2, target: 2, status: 'met' });
    expect(cell(byName[OFFICER_A2], 'saturday_visits')).toMatchObject({ value: 1, status: 'met' });
    expect(cell(byName[OFFICER_A1], 'saturday_visits')).toMatchObject({ value: 0, status: 'missed' });
    expect(cell(byName[OFFICER_A1], 'log_days')).toMatchObject({ value: 1, target: 5, status: 'missed', short: ['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04'] });
    expect(cell(byName[OFFICER_A1], 'patrol_days')).toMatchObject({ value: 0, status: 'missed', short: expect.arrayContaining(['2026-11-30']) });
    expect(data.rules.find((r: any) => r.metric === 'visits')).toMatchObject({ rule: '每周入户走访次数：2', reason: expect.stringContaining('000 L33') });
  });

  it('shows a worker only their own row and refuses a resident', async () => {
    pin('2026-12-07');
    const own = (await (await worklogAs(base(), OFFICER_A1))('compliance', { weeks: 4 })).data;
    expect(own.rows.map((r: any) => r.workerId)).toEqual([OFFICER_A1]);
    expect(own.weeks.map((w: any) => w.key)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07']);
    expect((await (await worklogAs(base(), RESIDENT))('compliance', {})).error.code).toBe('FORBIDDEN');
    const chiefB = (await (await worklogAs(base(), 'user-chief-b'))('compliance', {})).data;
    expect(chiefB.rows.map((r: any) => r.workerId)).not.toContain(OFFICER_A1);
  });

  it('costs 2 database round trips whatever the weeks hold: the caller, then one aggregation (issue 14 item 8: at most 3)', async () => {
    pin('2026-12-02');
    const b1 = await aBuilding(t.db, 'grid-a1', '3栋', new Date(chinaMs('2026-06-01')));
    await (await worklogAs(base(), OFFICER_A1))('recordVisit', aVisit(b1));
    pin('2026-12-07');
    const chief = await worklogAs(base(), CHIEF_A);
    await chief('compliance', { weeks: 4 }); // a warm function instance
    t.database.stats.reset();
    const { data } = await chief('compliance', { weeks: 4 });
    expect(t.database.stats.byAction).toEqual({ 'database.getDocument': 1, 'database.aggregateDocuments': 1 });
    expect(t.database.stats.roundTrips).toBe(2);
    expect(data.rows.find((r) => r.workerId === OFFICER_A1)?.weeks.at(-2)?.cells.find((c) => c.metric === 'visits')).toMatchObject({ value: 1 });
  });
});
