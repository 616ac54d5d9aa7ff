import { post } from './function-cloud';
import { aHousehold, anIdNumber, aResident } from '../support/register-builders';
import { walkCrashPoints, type ChildCloud } from '../support/crash-walk';

/**
 * Issue 9 item 4 for one more multi-write command: register's movePerson (a person moves to another
 * household). Its writes: ONE transaction (the person, both households' counts and care flags, the
 * move-out and move-in changes with their 交接单, the audit entry), then the grid's register counts.
 * Crash after each write, restart on the same data, retry the same request, and check: the retry is
 * answered as done (not "已迁出"), the move applied once, households agree with their members, both
 * changes and the audit entry stored once, and the grid's counts agree with the register.
 */
const MONDAY_9 = '2026-12-07T09:00:00+08:00';
const setClock = (cloud: ChildCloud, iso: string) => post(cloud.baseUrl, '/internal/clock', { set: iso, freeze: true });

async function officerOf(cloud: ChildCloud) {
  const cookie = await cloud.login('user-officer-a1');
  return async (action: string, data: unknown) => (await cloud.call('register', action, data, cookie)).body;
}

const ids = { from: '', to: '', mover: '', version: 0 };

async function move(cloud: ChildCloud) {
  await setClock(cloud, MONDAY_9);
  return (await officerOf(cloud))('movePerson', { residentId: ids.mover, expectedVersion: ids.version, occurredOn: '2026-12-07', to: { kind: 'household', householdId: ids.to, relation: 'head' } });
}

async function expectMovedOnce(cloud: ChildCloud) {
  const all = async (collection: string, where: Record<string, unknown>) => (await cloud.db.collection(collection).where(where).limit(1000).get()).data as any[];
  const [mover] = await all('residents', { _id: ids.mover });
  expect(mover).toMatchObject({ householdId: ids.to, status: 'active', version: ids.version + 1 });
  expect(mover.memberships.map((m: any) => [m.householdId, m.to ?? null])).toEqual([[ids.from, '2026-12-07'], [ids.to, null]]);
  for (const householdId of [ids.from, ids.to]) {
    const [h] = await all('households', { _id: householdId });
    expect(h.memberCount).toBe((await all('residents', { householdId, status: 'active' })).length);
  }
  const changes = await all('register_changes', { residentId: ids.mover });
  expect(changes.map((c) => c.kind).sort()).toEqual(['move_in', 'move_out']);
  expect(await all('audit_logs', { action: 'register.movePerson', 'target.id': ids.mover })).toHaveLength(1);
  const [grid] = await all('grids', { _id: 'grid-a1' });
  const households = (await all('households', { gridId: 'grid-a1' })).filter((h) => h.memberCount > 0).length;
  const population = (await all('residents', { gridId: 'grid-a1', status: 'active' })).length;
  expect(grid.registerCounts).toMatchObject({ households, population });
}

describe('crash at every write of a register move', () => {
  jest.setTimeout(20 * 60_000);

  it('movePerson: the retry after a crash is answered as done, the move applied once, counts and records agree', async () => {
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: async (cloud) => {
        await setClock(cloud, MONDAY_9);
        const officer = await officerOf(cloud);
        const from = await officer('saveHousehold', aHousehold('grid-a1', { requestId: 'crash-hh-from', room: '301' }));
        const to = await officer('saveHousehold', aHousehold('grid-a1', { requestId: 'crash-hh-to', room: '502', address: '肥东路12号3栋2单元502' }));
        if (!from.ok || !to.ok) throw new Error(JSON.stringify([from, to]));
        const mover = await officer('savePerson', aResident(from.data.id, { requestId: 'crash-res-mover' }));
        expect((await officer('savePerson', aResident(from.data.id, { requestId: 'crash-res-stayer', name: '李明', relation: 'spouse', idNumber: anIdNumber('19470101', '043'), phone: '13955667799' }))).ok).toBe(true);
        expect(mover.ok).toBe(true);
        Object.assign(ids, { from: from.data.id, to: to.data.id, mover: mover.data.id, version: mover.data.version });
      },
      invoke: move,
      afterCrash: async (cloud) => {
        const answer = await move(cloud);
        expect(answer).toMatchObject({ ok: true, data: { id: ids.mover, version: ids.version + 1 } });
        await expectMovedOnce(cloud);
        // A second retry changes nothing either.
        expect(await move(cloud)).toMatchObject({ ok: true, data: { version: ids.version + 1, changeId: answer.data.changeId } });
        await expectMovedOnce(cloud);
      },
    });
    console.log(`register crash walk: ${totalWrites} crash points tested (movePerson)`);
    expect(totalWrites).toBeGreaterThanOrEqual(2);
  });
});
