import { chinaInstant } from '../../src/domain/calendar';
import { functionAs, householdWith, registerAs } from '../support/register-builders';
import { callFunction, post, useFunctionCloud } from './function-cloud';
import { found } from '../support/contract-call';

/**
 * Issue 15 items 1, 4 and 8: dated changes with a 交接单 for the community, deadlines on the street's
 * working calendar (000 L34–35) and the overdue lists of worker, chief and community — with the clock
 * pinned around National Day 2026, whose make-up Saturday (10 Oct, 调休) is a working day.
 */
describe('register changes and deadlines', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const overdueOf = async (userId: string) => {
    const answer = await (await registerAs(base(), userId))('overdue', {});
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data.items.map((i: any) => [i.kind, i.summary]);
  };

  async function moveOutOnTheEveOfNationalDay() {
    t.cloud.clock.set(chinaInstant('2026-09-30', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId, residentIds } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }, { name: '刘强', relation: 'tenant', idNumber: undefined, sex: 'male', birthDate: '1990-05-01', job: 'employed' }]);
    const liu = (await officer('household', { householdId })).data.people.find((p: any) => p.name === '刘强');
    const tenancy = await officer('saveTenancy', { requestId: 'tenancy-0001', householdId, landlordName: '王芳', tenantResidentIds: [residentIds[1]], moveInOn: '2026-09-10' });
    expect(tenancy.ok).toBe(true);
    const fang = found((await officer('household', { householdId })).data.people.find((p) => p.name === '王芳'), '王芳');
    const moved = await officer('movePerson', { residentId: residentIds[0], expectedVersion: fang.version, occurredOn: '2026-09-30', to: { kind: 'away' } });
    expect(moved.ok).toBe(true);
    return { officer, householdId, residentIds, liu, tenancyId: tenancy.data.id, changeId: moved.data.changeId };
  }

  it('a move-out is a dated change whose 交接单 is due after 5 working days counting the 调休 Saturday', async () => {
    const { changeId } = await moveOutOnTheEveOfNationalDay();
    const staff = await registerAs(base(), 'user-community-a');
    const pending = (await staff('changes', { handoverState: 'pending' })).data.items;
    const moveOut = found(pending.find((c) => c.changeId === changeId), 'the move-out change');
    // 30 Sep + 5 working days: 8, 9, 10 (Saturday, 调休), 12, 13 Oct — due by the end of 13 Oct, China time.
    expect(moveOut).toMatchObject({ kind: 'move_out', kindLabel: '迁出', occurredOn: '2026-09-30', summary: '王芳：迁出', state: 'recorded', late: false });
    expect(moveOut.dueAt).toBe(new Date(chinaInstant('2026-10-14')).toISOString());
    expect(moveOut.handoverDueAt).toBe(new Date(chinaInstant('2026-10-14')).toISOString());

    t.cloud.clock.set(chinaInstant('2026-10-13', '20:00'));
    expect(await overdueOf('user-community-a')).toEqual([['renter_contact', '房东王芳的出租户']]);
    t.cloud.clock.set(chinaInstant('2026-10-14', '08:00'));
    const community = await overdueOf('user-community-a');
    expect(community).toEqual(expect.arrayContaining([['handover_unacknowledged', '王芳：迁出'], ['handover_unacknowledged', '刘强：新租户']]));
    expect(await overdueOf('user-chief-a')).toEqual(community);
    expect(await overdueOf('user-officer-a1')).toEqual(community);
    expect(await overdueOf('user-officer-a2')).toEqual([]);
    expect(await overdueOf('user-community-b')).toEqual([]);
  });

  it('the community acknowledges the 交接单 (the worker cannot) and it leaves the overdue lists', async () => {
    const { officer, changeId } = await moveOutOnTheEveOfNationalDay();
    t.cloud.clock.set(chinaInstant('2026-10-14', '08:00'));
    const staff = await registerAs(base(), 'user-community-a');
    const card = found((await staff('changes', { handoverState: 'pending' })).data.items.find((c) => c.changeId === changeId), 'the pending handover');
    expect((await officer('acknowledgeHandover', { changeId, expectedVersion: card.version, reply: '已更新底册' })).error.code).toBe('FORBIDDEN');
    expect((await (await registerAs(base(), 'user-community-b'))('acknowledgeHandover', { changeId, expectedVersion: card.version })).error.code).toBe('FORBIDDEN');
    expect((await staff('acknowledgeHandover', { changeId, expectedVersion: card.version, reply: '已更新底册' })).ok).toBe(true);
    const done = found((await staff('changes', {})).data.items.find((c) => c.changeId === changeId), 'the acknowledged change');
    expect(done).toMatchObject({ handoverState: 'acknowledged', acknowledgedByName: '刘建国', reply: '已更新底册' });
    expect((await overdueOf('user-community-a')).map((i: string[]) => i[1])).not.toContain('王芳：迁出');
    expect((await staff('acknowledgeHandover', { changeId, expectedVersion: done.version })).error.code).toBe('CONFLICT');
  });

  it('meeting the renters this month clears the renter item until next month', async () => {
    const { officer, tenancyId, householdId } = await moveOutOnTheEveOfNationalDay();
    t.cloud.clock.set(chinaInstant('2026-10-13', '20:00'));
    const tenancy = (await officer('household', { householdId })).data.tenancies[0];
    expect(tenancy).toMatchObject({ tenancyId, landlordName: '王芳', tenantNames: ['刘强'], lastContactOn: '2026-09-10' });
    expect((await officer('recordRenterContact', { tenancyId, expectedVersion: tenancy.version, on: '2026-10-13', note: '上门见面，情况正常' })).ok).toBe(true);
    expect(await overdueOf('user-officer-a1')).toEqual([]);
    t.cloud.clock.set(chinaInstant('2026-11-14', '08:00'));
    expect((await overdueOf('user-officer-a1')).filter((i: string[]) => i[0] === 'renter_contact')).toEqual([['renter_contact', '房东王芳的出租户']]);
  });

  it('keeps the history of who lived where, and the board counts come from the register', async () => {
    const { officer, householdId } = await moveOutOnTheEveOfNationalDay();
    const view = (await officer('household', { householdId })).data;
    expect(view.people.map((p: any) => p.name)).toEqual(['刘强']);
    expect(view.history).toHaveLength(2);
    expect(view.history).toEqual(expect.arrayContaining([
      { residentId: expect.any(String), name: '王芳', from: '2026-09-30', to: '2026-09-30', relationLabel: '户主' },
      { residentId: expect.any(String), name: '刘强', from: '2026-09-30', relationLabel: '租户' },
    ]));
    const board = (await callFunction(base(), 'board', 'get', { gridId: 'grid-a1' })).body.data.grid;
    expect([board.households, board.population]).toEqual([1, 1]);
    // A grid with no register keeps its typed-in numbers.
    const other = (await callFunction(base(), 'board', 'get', { gridId: 'grid-a2' })).body.data.grid;
    expect([other.households, other.population]).toEqual([376, 954]);
  });

  it('moves a person to another household with history on both sides', async () => {
    t.cloud.clock.set(chinaInstant('2026-11-30', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const a = await householdWith(officer, 'grid-a1', [{ name: '王芳' }, { name: '陈晨', relation: 'child', idNumber: undefined, sex: 'female', birthDate: '2001-02-03', job: 'student' }]);
    const b = await householdWith(officer, 'grid-a1', [], { address: '肥东路14号1栋101', buildingName: '1栋', room: '101' });
    const chen = found((await officer('household', { householdId: a.householdId })).data.people.find((p) => p.name === '陈晨'), '陈晨');
    const moved = await officer('movePerson', { residentId: a.residentIds[1], expectedVersion: chen.version, occurredOn: '2026-11-30', to: { kind: 'household', householdId: b.householdId, relation: 'head' } });
    expect(moved.ok).toBe(true);
    const bView = (await officer('household', { householdId: b.householdId })).data;
    expect([bView.household.headName, bView.people.map((p: any) => p.name)]).toEqual(['陈晨', ['陈晨']]);
    const aView = (await officer('household', { householdId: a.householdId })).data;
    expect(aView.history.find((h: any) => h.name === '陈晨')).toMatchObject({ from: '2026-11-30', to: '2026-11-30' });
    const kinds = (await officer('changes', {})).data.items.filter((c: any) => c.summary.startsWith('陈晨')).map((c: any) => c.kind).sort();
    expect(kinds).toEqual(['move_in', 'move_out']);
  });

  it('deletes people who moved away once the street retention has passed, and keeps everyone else', async () => {
    const { householdId, residentIds } = await moveOutOnTheEveOfNationalDay();
    const count = async () => (await t.db.collection('residents').count()).total;
    // Default retention: 365 days from the day they left (30 Sep 2026) — through 30 Sep 2027.
    t.cloud.clock.set(chinaInstant('2027-09-30', '12:00'));
    await post(base(), '/internal/timers/reconcile/run', {});
    expect(await count()).toBe(2);
    t.cloud.clock.set(chinaInstant('2027-10-01', '08:00'));
    await post(base(), '/internal/timers/reconcile/run', {});
    expect(await count()).toBe(1);
    const staff = await registerAs(base(), 'user-community-a');
    const view = (await staff('household', { householdId })).data;
    expect([view.people.map((p: any) => p.name), view.history.map((h: any) => h.name)]).toEqual([['刘强'], ['刘强']]);
    const log = await (await functionAs(base(), 'user-admin', 'org'))('auditLog', { limit: 100 });
    expect(log.data.entries.filter((e: any) => e.action === 'register.purge').map((e: any) => e.targetId)).toEqual([residentIds[0]]);
  });
});
