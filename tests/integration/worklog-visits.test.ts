import { useFunctionCloud } from './function-cloud';
import { aBuilding, allVisits, aVisit, chinaMs, CHIEF_A, GRID_A2, OFFICER_A1, OFFICER_A2, RESIDENT, STAFF_A, worklogAs, GRID_A1 } from '../support/worklog-builders';

/** Issue 14 item 3 and item 8: visits and the due list through the real SDK, on a pinned clock. */
describe('worklog: visits and the due list', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const pin = (date: string, hhmm = '10:00') => t.cloud.clock.set(chinaMs(date, hhmm));
  let building: string;

  beforeEach(async () => {
    pin('2026-11-02');
    building = await aBuilding(t.db, GRID_A1, '3栋', new Date(chinaMs('2026-06-01')));
  });

  const weekly = (tasks: any[], key: string) => tasks.find((x) => x.rule === 'weekly' && x.window.key === key);

  it('flags a week with one visit as overdue the Monday after, and shows this week open', async () => {
    const officer = await worklogAs(base(), OFFICER_A1);
    pin('2026-12-02');
    expect(await officer('recordVisit', aVisit(building))).toMatchObject({ ok: true, data: { created: true } });
    pin('2026-12-07', '09:00');
    const { data } = await officer('myDueVisits');
    expect(weekly(data.tasks, '2026-11-30')).toMatchObject({ status: 'overdue', done: 1, required: 2, reason: expect.stringContaining('000 L33') });
    expect(weekly(data.tasks, '2026-12-07')).toMatchObject({ status: 'open', done: 0 });
    expect(data.overdue).toBeGreaterThan(0);
  });

  it('counts a Saturday visit for the Saturday rule and the week', async () => {
    const officer = await worklogAs(base(), OFFICER_A1);
    pin('2026-12-01');
    await officer('recordVisit', aVisit(building));
    pin('2026-12-05', '09:30');
    await officer('recordVisit', aVisit(building, { door: '601' }));
    const { data } = await officer('myDueVisits');
    expect(weekly(data.tasks, '2026-11-30')).toMatchObject({ status: 'done', done: 2 });
    expect(data.tasks.find((x: any) => x.rule === 'saturday' && x.window.key === '2026-11-30')).toMatchObject({ status: 'done', done: 1 });
  });

  it('asks for each building of the grid this quarter while the register holds no households', async () => {
    const other = await aBuilding(t.db, GRID_A1, '4栋', new Date(chinaMs('2026-06-01')));
    const officer = await worklogAs(base(), OFFICER_A1);
    pin('2026-12-31', '23:40');
    await officer('recordVisit', aVisit(building));
    const { data } = await officer('myDueVisits');
    const quarter = data.tasks.filter((x: any) => x.rule === 'quarterly' && x.window.key === '2026-Q4');
    expect(quarter.map((x: any) => [x.target.buildingId, x.status]).sort()).toEqual([
      [building, 'done'],
      [other, 'open'],
    ]);
    pin('2027-01-01', '00:10');
    const after = (await officer('myDueVisits')).data.tasks;
    expect(after.find((x: any) => x.rule === 'quarterly' && x.target.buildingId === other && x.window.key === '2026-Q4')).toMatchObject({ status: 'overdue' });
  });

  it('keeps a rented home on the monthly list once it was visited as 出租房屋', async () => {
    const officer = await worklogAs(base(), OFFICER_A1);
    pin('2026-11-10');
    await officer('recordVisit', aVisit(building, { kind: 'rental', door: '302' }));
    pin('2027-01-04');
    const rental = (await officer('myDueVisits')).data.tasks.filter((x: any) => x.rule === 'rental');
    expect(rental.map((x: any) => [x.target.label, x.window.key, x.status])).toEqual([
      ['3栋302', '2026-12', 'overdue'],
      ['3栋302', '2027-01', 'open'],
    ]);
  });

  it('records a retried visit once', async () => {
    const officer = await worklogAs(base(), OFFICER_A1);
    const visit = aVisit(building, { kind: 'six_must', group: 'lone_elderly', partner: { kind: 'ab', name: '李强' } });
    const first = await officer('recordVisit', visit);
    const again = await officer('recordVisit', visit);
    expect(again).toEqual({ ok: true, data: { visitId: first.data.visitId, created: false } });
    expect(await allVisits(t.db)).toHaveLength(1);
    const mine = (await officer('myVisits')).data.visits;
    expect(mine).toEqual([expect.objectContaining({ kind: 'six_must', group: 'lone_elderly', targetLabel: '3栋502', partner: { kind: 'ab', name: '李强' } })]);
  });

  it('lets a worker record only in their own grids, and nobody else record at all', async () => {
    const before = await allVisits(t.db);
    const otherGridBuilding = await aBuilding(t.db, GRID_A2, '9栋', new Date(chinaMs('2026-06-01')));
    const officer = await worklogAs(base(), OFFICER_A1);
    expect((await officer('recordVisit', aVisit(otherGridBuilding, { gridId: GRID_A2 }))).error.code).toBe('FORBIDDEN');
    // A building of another grid under one's own grid id is not found there.
    expect((await officer('recordVisit', aVisit(otherGridBuilding))).error).toMatchObject({ code: 'NOT_FOUND', fields: { buildingId: '楼栋不在这个网格中' } });
    for (const who of [RESIDENT, STAFF_A]) {
      expect((await (await worklogAs(base(), who))('recordVisit', aVisit(building))).error.code).toBe('FORBIDDEN');
      expect((await (await worklogAs(base(), who))('myDueVisits')).error.code).toBe('FORBIDDEN');
    }
    expect(await allVisits(t.db)).toEqual(before);
    // The chief of community A holds every grid of it.
    expect((await (await worklogAs(base(), CHIEF_A))('recordVisit', aVisit(otherGridBuilding, { gridId: GRID_A2 }))).ok).toBe(true);
  });

  it('shows each worker only their own visits', async () => {
    await (await worklogAs(base(), OFFICER_A1))('recordVisit', aVisit(building));
    const a2 = await worklogAs(base(), OFFICER_A2);
    expect((await a2('myVisits')).data.visits).toEqual([]);
  });

  it('refuses bad input with Chinese messages naming the field, and writes nothing', async () => {
    const officer = await worklogAs(base(), OFFICER_A1);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ notes: '' }, 'notes', '请填写走访情况'],
      [{ kind: 'six_must' }, 'group', '六必访请选择对象类别'],
      [{ buildingId: undefined }, 'buildingId', '请选择走访的住户或楼栋'],
      [{ partner: { kind: 'chief' } }, 'partner.name', '请填写同行人姓名'],
      [{ visitedAt: '2026-11-03T10:00:00+08:00' }, 'visitedAt', '走访时间不能晚于现在'],
      [{ visitedAt: '2026-10-20T10:00:00+08:00' }, 'visitedAt', '只能补记7天内的走访'],
    ];
    for (const [over, field, message] of cases) {
      const answer = await officer('recordVisit', aVisit(building, over));
      expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', fields: { [field]: expect.stringContaining(message) } });
    }
    expect(await allVisits(t.db)).toEqual([]);
  });

  it('offers the buildings of the caller’s grids as visit targets', async () => {
    const { data } = await (await worklogAs(base(), OFFICER_A1))('visitTargets');
    expect(data.grids).toEqual([{ gridId: GRID_A1, gridName: expect.any(String), buildings: [{ buildingId: building, name: '3栋' }], households: [] }]);
  });
});
