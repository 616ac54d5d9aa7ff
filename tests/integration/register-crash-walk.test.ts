import { draftRegisterChange } from '../../cloudfunctions/_lib/register';
import { post } from './function-cloud';
import { aHousehold, anIdNumber, aResident } from '../support/register-builders';
import { walkCrashPoints, type ChildCloud } from '../support/crash-walk';

/**
 * Issue 9 item 4 for one more multi-write command: register's movePerson (a person moves to another
 * household, moves away, or has died — each walked). Its writes: ONE transaction (the person, both households' counts and care flags, the
 * move-out and move-in changes with their 交接单, the audit entry), then the grid's register counts.
 * Crash after each write, restart on the same data, retry the same request, and check: the retry is
 * answered as done (not "已迁出"), the move applied once, households agree with their members, both
 * changes and the audit entry stored once, and the grid's counts agree with the register. Moving away
 * and a death close the membership, mark the person (moved_away / deceased, with the day they left) and
 * write one change (move_out / death) and no move-in.
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

type Away = { kind: 'away' } | { kind: 'deceased' };
const leaving = (to: Away) => async (cloud: ChildCloud) => {
  await setClock(cloud, MONDAY_9);
  return (await officerOf(cloud))('movePerson', { residentId: ids.mover, expectedVersion: ids.version, occurredOn: '2026-12-07', to });
};

async function expectLeftOnce(cloud: ChildCloud, to: Away) {
  const all = async (collection: string, where: Record<string, unknown>) => (await cloud.db.collection(collection).where(where).limit(1000).get()).data as any[];
  const [mover] = await all('residents', { _id: ids.mover });
  expect(mover).toMatchObject({ householdId: ids.from, status: to.kind === 'away' ? 'moved_away' : 'deceased', leftOn: '2026-12-07', version: ids.version + 1 });
  expect(mover.memberships.map((m: any) => [m.householdId, m.to ?? null])).toEqual([[ids.from, '2026-12-07']]);
  const [h] = await all('households', { _id: ids.from });
  expect(h.memberCount).toBe((await all('residents', { householdId: ids.from, status: 'active' })).length);
  const changes = await all('register_changes', { residentId: ids.mover });
  expect(changes.map((c) => c.kind)).toEqual([to.kind === 'away' ? 'move_out' : 'death']);
  expect(await all('audit_logs', { action: 'register.movePerson', 'target.id': ids.mover })).toHaveLength(1);
  const [grid] = await all('grids', { _id: 'grid-a1' });
  const households = (await all('households', { gridId: 'grid-a1' })).filter((x) => x.memberCount > 0).length;
  const population = (await all('residents', { gridId: 'grid-a1', status: 'active' })).length;
  expect(grid.registerCounts).toMatchObject({ households, population });
}

const tested: Record<string, number> = {};
afterAll(() => {
  const total = Object.values(tested).reduce((a, b) => a + b, 0);
  console.log(`register crash walk: ${total} crash points tested (${Object.entries(tested).map(([k, v]) => `${k} ${v}`).join(', ')})`);
});

/** A household of two in grid A1 (and an empty one to move into); `ids.mover` is the first member. */
async function twoPeopleAndAnEmptyHousehold(cloud: ChildCloud) {
  await setClock(cloud, MONDAY_9);
  const officer = await officerOf(cloud);
  const from = await officer('saveHousehold', aHousehold('grid-a1', { requestId: 'crash-hh-from', room: '301' }));
  const to = await officer('saveHousehold', aHousehold('grid-a1', { requestId: 'crash-hh-to', room: '502', address: '肥东路12号3栋2单元502' }));
  if (!from.ok || !to.ok) throw new Error(JSON.stringify([from, to]));
  const mover = await officer('savePerson', aResident(from.data.id, { requestId: 'crash-res-mover' }));
  expect((await officer('savePerson', aResident(from.data.id, { requestId: 'crash-res-stayer', name: '李明', relation: 'spouse', idNumber: anIdNumber('19470101', '043'), phone: '13955667799' }))).ok).toBe(true);
  expect(mover.ok).toBe(true);
  Object.assign(ids, { from: from.data.id, to: to.data.id, mover: mover.data.id, version: mover.data.version });
}

describe('crash at every write of a register move', () => {
  jest.setTimeout(20 * 60_000);

  it.each([
    ['moves away', { kind: 'away' } as Away],
    ['has died', { kind: 'deceased' } as Away],
  ])('movePerson, the person %s: the retry is answered as done with the same change, the person left once, counts and records agree', async (label, to) => {
    const move = leaving(to);
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: twoPeopleAndAnEmptyHousehold,
      invoke: move,
      afterCrash: async (cloud) => {
        const answer = await move(cloud);
        expect(answer).toMatchObject({ ok: true, data: { id: ids.mover, version: ids.version + 1 } });
        await expectLeftOnce(cloud, to);
        expect(await move(cloud)).toMatchObject({ ok: true, data: { version: ids.version + 1, changeId: answer.data.changeId } });
        await expectLeftOnce(cloud, to);
      },
    });
    tested[`movePerson ${to.kind}`] = totalWrites;
    expect([label, totalWrites]).toEqual([label, 2]); // the transaction's commit, the grid's counts
  });

  it('movePerson: the retry after a crash is answered as done, the move applied once, counts and records agree', async () => {
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: twoPeopleAndAnEmptyHousehold,
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
    tested['movePerson household'] = totalWrites;
    expect(totalWrites).toBeGreaterThanOrEqual(2);
  });
});

/**
 * Issue 15 item 5: confirming a drafted 迁入 adds the person in ONE transaction with the change record
 * (now recorded, its 交接单 pending) and the audit entry, then recounts the grid. Crash after each write,
 * restart, retry the same request: answered as done with the same person, who was added once; the
 * household's count agrees with its members and the grid's counts with the register.
 */
describe('crash at every write of confirming a drafted change', () => {
  jest.setTimeout(20 * 60_000);
  const draft = { householdId: '', changeId: '' };

  async function householdWithADraft(cloud: ChildCloud) {
    await setClock(cloud, MONDAY_9);
    const officer = await officerOf(cloud);
    const h = await officer('saveHousehold', aHousehold('grid-a1', { requestId: 'crash-hh-draft', room: '301' }));
    if (!h.ok) throw new Error(JSON.stringify(h));
    expect((await officer('savePerson', aResident(h.data.id, { requestId: 'crash-res-head' }))).ok).toBe(true);
    const changeId = await draftRegisterChange(cloud.db as never, { householdId: h.data.id, kind: 'move_in', occurredOn: '2026-12-07', subject: '李明', source: 'visit', sourceId: 'visit-crash-1' }, new Date(MONDAY_9));
    Object.assign(draft, { householdId: h.data.id, changeId });
  }

  const confirm = async (cloud: ChildCloud) => {
    await setClock(cloud, MONDAY_9);
    return (await officerOf(cloud))('confirmChange', { changeId: draft.changeId, expectedVersion: 1, requestId: 'crash-confirm-0001', name: '李明', relation: 'child', job: 'employed', idNumber: anIdNumber('19900501', '123') });
  };

  async function expectConfirmedOnce(cloud: ChildCloud, residentId: string) {
    const all = async (collection: string, where: Record<string, unknown>) => (await cloud.db.collection(collection).where(where).limit(1000).get()).data as any[];
    const people = await all('residents', { householdId: draft.householdId, status: 'active' });
    expect(people.filter((p) => p.name === '李明').map((p) => p._id)).toEqual([residentId]);
    const [h] = await all('households', { _id: draft.householdId });
    expect(h.memberCount).toBe(people.length);
    const [c] = await all('register_changes', { _id: draft.changeId });
    expect(c).toMatchObject({ state: 'recorded', residentId, version: 2, handover: { state: 'pending' } });
    expect(await all('audit_logs', { action: 'register.confirmChange', 'target.id': residentId })).toHaveLength(1);
    const [grid] = await all('grids', { _id: 'grid-a1' });
    const households = (await all('households', { gridId: 'grid-a1' })).filter((x) => x.memberCount > 0).length;
    const population = (await all('residents', { gridId: 'grid-a1', status: 'active' })).length;
    expect(grid.registerCounts).toMatchObject({ households, population });
  }

  it('confirmChange (迁入): the retry is answered as done, the person added once, counts and records agree', async () => {
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: householdWithADraft,
      invoke: confirm,
      afterCrash: async (cloud) => {
        const answer = await confirm(cloud);
        expect(answer).toMatchObject({ ok: true, data: { id: draft.changeId, version: 2 } });
        await expectConfirmedOnce(cloud, answer.data.residentId);
        expect(await confirm(cloud)).toMatchObject({ ok: true, data: { version: 2, residentId: answer.data.residentId } });
        await expectConfirmedOnce(cloud, answer.data.residentId);
      },
    });
    tested['confirmChange move_in'] = totalWrites;
    expect(totalWrites).toBe(2); // the transaction's commit, the grid's counts
  });
});
